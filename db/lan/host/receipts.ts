/**
 * The host's receipt for a station's write (issue 14): proof, made with the congress's own lan
 * secret (db/migrations/012_lan.sql `lan_secret`), that this host committed that very call —
 * its key, channel and input — as made by that operator at that station. A standby's copy of the
 * file has the same secret, so once promoted it admits a replay the old host acknowledged
 * without anyone signed in there yet (db/gate.ts), naming the operator the old host named.
 *
 *   receipt = "r1." + base64url(operator as UTF-8) + "." + base64url(mac)
 *   mac     = HMAC-SHA256(lan secret, key | channel | sha256(canonical input) | operator | station)
 *
 * The operator travels in the receipt (a station's window may send no name with a sign-in); the
 * station name is the call's own `ctx.station`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SqliteDb } from '../../open.js';
import { statement } from '../../statements.js';

export interface ReceiptFields {
  key: string;
  channel: string;
  /** SHA-256 (hex) of the input as canonical JSON (db/operators/stations.ts `inputDigest`). */
  inputSha256: string;
  operator: string;
  station: string;
}

const PREFIX = 'r1';

/** The congress's lan secret; null on a file without one (before schema 12). */
export function lanSecret(db: SqliteDb): Buffer | null {
  try {
    const secret = statement(db, 'SELECT secret FROM lan_secret WHERE id = 1').pluck().get() as Buffer | undefined;
    return secret ?? null;
  } catch {
    return null;
  }
}

const mac = (secret: Buffer, f: ReceiptFields) =>
  createHmac('sha256', secret)
    .update([f.key, f.channel, f.inputSha256, f.operator, f.station].join('|'), 'utf8')
    .digest();

export function makeReceipt(secret: Buffer, fields: ReceiptFields): string {
  const operator = Buffer.from(fields.operator, 'utf8').toString('base64url');
  return `${PREFIX}.${operator}.${mac(secret, fields).toString('base64url')}`;
}

/**
 * The operator a receipt names when it is the host's receipt for exactly this call (key, channel,
 * input, station); null for anything else — forged, altered, or another call's.
 */
export function receiptOperator(secret: Buffer, receipt: string, call: Omit<ReceiptFields, 'operator'>): string | null {
  const parts = receipt.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const operator = Buffer.from(parts[1]!, 'base64url').toString('utf8');
  // base64url that does not round-trip is not one the host made.
  if (Buffer.from(operator, 'utf8').toString('base64url') !== parts[1]) return null;
  const given = Buffer.from(parts[2]!, 'base64url');
  const wanted = mac(secret, { ...call, operator });
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? operator : null;
}
