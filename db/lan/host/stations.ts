/**
 * The paired stations in the congress file (db/migrations/012_lan.sql `lan_stations`): written
 * only inside audited writes, read by the credential check on every station call.
 */
import { createHash } from 'node:crypto';
import type { Peer, StationKind } from '../../../core/lan/protocol.js';
import type { SqliteDb } from '../../open.js';
import { statement } from '../../statements.js';

export interface PairedStation {
  id: number;
  name: string;
  kind: StationKind;
  pairedAt: string;
  revokedAt: string | null;
  /** A standby's own venue host once promoted (null until its first held copy said it). */
  standby: Peer | null;
}

interface Row {
  id: number;
  name: string;
  kind: StationKind;
  secret_sha256: string;
  paired_at: string;
  revoked_at: string | null;
  standby_address: string | null;
  standby_port: number | null;
  standby_fingerprint: string | null;
}

const toStation = (r: Row): PairedStation => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  pairedAt: r.paired_at,
  revokedAt: r.revoked_at,
  standby:
    r.standby_address !== null && r.standby_port !== null && r.standby_fingerprint !== null
      ? { address: r.standby_address, port: r.standby_port, fingerprint: r.standby_fingerprint }
      : null,
});

export const secretDigest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

export function listStations(db: SqliteDb): PairedStation[] {
  return (statement(db, 'SELECT * FROM lan_stations ORDER BY id').all() as Row[]).map(toStation);
}

export function findStation(db: SqliteDb, id: number): PairedStation | null {
  const row = statement(db, 'SELECT * FROM lan_stations WHERE id = ?').get(id) as Row | undefined;
  return row ? toStation(row) : null;
}

/**
 * What every request and every event a station is sent reads, kept per connection: read outside a
 * transaction only (a rolled-back pairing must leave nothing here), dropped by each write below.
 */
const known = new WeakMap<
  SqliteDb,
  { secrets: Map<number, { station: PairedStation; sha256: string }>; standby?: PairedStation | null }
>();

function knownIn(db: SqliteDb) {
  let k = known.get(db);
  if (!k) {
    k = { secrets: new Map() };
    known.set(db, k);
  }
  return k;
}

const forget = (db: SqliteDb) => known.delete(db);

/** The station and the digest its credential must have (compared by the caller, timing-safe). */
export function stationSecret(db: SqliteDb, id: number): { station: PairedStation; sha256: string } | null {
  const k = knownIn(db);
  const kept = k.secrets.get(id);
  if (kept) return kept;
  const row = statement(db, 'SELECT * FROM lan_stations WHERE id = ?').get(id) as Row | undefined;
  const found = row ? { station: toStation(row), sha256: row.secret_sha256 } : null;
  // Only ids that exist (made-up ids must not grow the map), and only what is committed.
  if (found && !db.inTransaction) k.secrets.set(id, found);
  return found;
}

/** The standby paired and not revoked, if any: at most one. */
export function pairedStandby(db: SqliteDb): PairedStation | null {
  const k = knownIn(db);
  if (k.standby !== undefined) return k.standby;
  const row = statement(
    db,
    "SELECT * FROM lan_stations WHERE kind = 'standby' AND revoked_at IS NULL ORDER BY id DESC LIMIT 1",
  ).get() as Row | undefined;
  const standby = row ? toStation(row) : null;
  if (!db.inTransaction) k.standby = standby;
  return standby;
}

export function insertStation(
  db: SqliteDb,
  s: { name: string; kind: StationKind; secretSha256: string; pairedAt: string },
): number {
  forget(db);
  const info = statement(db, 'INSERT INTO lan_stations (name, kind, secret_sha256, paired_at) VALUES (?, ?, ?, ?)').run(
    s.name,
    s.kind,
    s.secretSha256,
    s.pairedAt,
  );
  return Number(info.lastInsertRowid);
}

export function revokeStation(db: SqliteDb, id: number, at: string): void {
  forget(db);
  statement(db, 'UPDATE lan_stations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
}

export function setStandbyPeer(db: SqliteDb, id: number, peer: Peer): void {
  forget(db);
  statement(
    db,
    'UPDATE lan_stations SET standby_address = ?, standby_port = ?, standby_fingerprint = ? WHERE id = ?',
  ).run(peer.address, peer.port, peer.fingerprint, id);
}
