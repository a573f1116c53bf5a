/**
 * Signed-in stations, in the store's memory (never in the file): a random token per sign-in,
 * the operator behind it, and the time of its last call. A token stops working when the
 * station locks itself, after the congress's idle minutes, or when the congress closes.
 * Wrong PINs are not counted here but in the file (db/operators/attempts.ts): a restart must not
 * forget them. The chief's confirmation nonces are here: each is bound to one call at one
 * sign-in, which memory holds anyway.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../core/roles.js';
import { canonicalJson } from '../canonical-json.js';

export interface StationSession {
  token: string;
  operatorId: number;
  name: string;
  role: Role;
  /** The congress file the sign-in belongs to. */
  path: string;
  lastActive: number;
}

/** The one call a chief's confirmation is for: the channel, its input, the station's sign-in. */
export interface ConfirmedCall {
  channel: string;
  /** SHA-256 (hex) of the call's input as canonical JSON (`inputDigest`). */
  input: string;
  token: string;
}

/** How long the chief has to type the PIN after the call asked for it. */
export const NONCE_MS = 5 * 60_000;
const MAX_NONCES = 256;

/** The digest a nonce is bound to: the same input sent again has the same one. */
export function inputDigest(input: unknown): string {
  let text: string;
  try {
    text = canonicalJson(input ?? {});
  } catch {
    // Not JSON (a non-finite number): the contract refuses it after the gate; bind to its shape.
    // Never a throw here: every write's input is digested before the contract reads it (issue 14's
    // call keys), and an object without a prototype cannot even be turned into a string.
    try {
      text = String(input);
    } catch {
      text = Object.prototype.toString.call(input);
    }
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class Stations {
  private readonly sessions = new Map<string, StationSession>();
  private readonly nonces = new Map<string, ConfirmedCall & { expires: number }>();

  open(s: Omit<StationSession, 'token' | 'lastActive'>, now: number): StationSession {
    const session = { ...s, token: randomBytes(24).toString('base64url'), lastActive: now };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session of `token` on `path`, touched; null when unknown, of another file, or idle too long. */
  resolve(token: string | undefined, path: string, idleMinutes: number, now: number): StationSession | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s || s.path !== path) return null;
    if (now - s.lastActive > idleMinutes * 60_000) {
      this.sessions.delete(token);
      return null;
    }
    s.lastActive = now;
    return s;
  }

  close(token: string | undefined): void {
    if (token) this.sessions.delete(token);
  }

  /** Every sign-in ends with its congress (closed, or another opened). */
  closeAll(): void {
    this.sessions.clear();
    this.nonces.clear();
  }

  /** Ends the sessions of an operator whose role, PIN or access changed. */
  closeOperator(operatorId: number): void {
    for (const [token, s] of this.sessions) if (s.operatorId === operatorId) this.sessions.delete(token);
  }

  /** A single-use nonce for the chief's confirmation of exactly this call, for five minutes. */
  issueNonce(call: ConfirmedCall, now: number): string {
    for (const [n, c] of this.nonces) if (c.expires <= now) this.nonces.delete(n);
    // A station asking over and over keeps only the latest few hundred alive (oldest first out).
    if (this.nonces.size >= MAX_NONCES) this.nonces.delete(this.nonces.keys().next().value!);
    const nonce = randomBytes(18).toString('base64url');
    this.nonces.set(nonce, { ...call, expires: now + NONCE_MS });
    return nonce;
  }

  /** Uses up `nonce` (whatever the answer); true only when it was issued for this very call and is fresh. */
  takeNonce(nonce: string, call: ConfirmedCall, now: number): boolean {
    const issued = this.nonces.get(nonce);
    this.nonces.delete(nonce);
    return (
      issued !== undefined &&
      issued.expires > now &&
      issued.channel === call.channel &&
      issued.input === call.input &&
      issued.token === call.token
    );
  }
}
