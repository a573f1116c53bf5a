/**
 * The chain's anchor and its signed checkpoints (issue 12: 「The chain's first row commits to the
 * congress's random id and the installation key, and each round close writes a checkpoint row
 * signed by the installation key, so a chain recomputed without the key shows」).
 *
 * The hash chain alone (db/audit/log.ts) starts from 64 zeros and uses no secret: a script that
 * rewrites a row can recompute every hash after it. What it cannot recompute without the
 * installation key is a signature. So:
 *
 * - **Key rows** say which congress the chain belongs to and which key signs for it from there
 *   on. The first is the anchor: the chain's first row (`congress.create`, payload `uid` and
 *   `key`), or for a file made before issue 12 an `audit.anchor` row appended on its first open
 *   (what came before it is trusted as found). When the congress is opened with a key that is
 *   not the last one recorded (a restore, a copy moved to another laptop), an `audit.key` row
 *   records the new one: later checkpoints are checked against it.
 * - **Checkpoints** (`audit.checkpoint`): right after each `rounds.close` row, in its transaction,
 *   and at each export. Payload: `{uid, followsId, followsHash, fingerprint, signature}`, where
 *   `followsId`/`followsHash` are the row just before it (its `prev_hash`) and `signature` is
 *   Ed25519 (base64) by the installation key over
 *
 *     canonicalJson({format: 'congress-desk-audit-checkpoint', uid, followsId, followsHash, fingerprint})
 *
 *   A key row's `key` is `{publicKey: base64 of the raw 32-byte Ed25519 key, fingerprint}`.
 *
 * Rewriting any row before a checkpoint changes the hash that checkpoint follows: either the
 * checkpoint names the old hash, or its signature does not cover the new one. Deleting the
 * checkpoint leaves a `rounds.close` without its checkpoint. Whoever holds the laptop and its key
 * can still sign a rewritten chain: the paper forms signed by the scrutineers are the anchor
 * outside the file (docs/architecture.md, "What the file proves").
 */
import { sign, verify } from 'node:crypto';
import type { AppError } from '../../core/result.js';
import { refuse } from '../../core/result.js';
import { canonicalJson } from '../canonical-json.js';
import type { SqliteDb } from '../open.js';
import { type InstallationKey, publicKeyFromRaw } from '../results/installation-key.js';
import { statement } from '../statements.js';
import { hasChangesColumn } from './changes.js';
import { type AuditInput, appendAudit, auditHead, GENESIS_HASH } from './log.js';
import { BASELINE_ACTION } from './replay.js';

export const ANCHOR_ACTION = 'audit.anchor';
export const KEY_ACTION = 'audit.key';
export const CHECKPOINT_ACTION = 'audit.checkpoint';
/** The write after whose audit row a checkpoint must follow. */
const CHECKPOINTED_ACTION = 'rounds.close';
const SIGNED_FORMAT = 'congress-desk-audit-checkpoint';

/** A key as the chain records it. */
export interface KeyRecord {
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  fingerprint: string;
}

export const keyRecord = (key: Pick<InstallationKey, 'publicKeyRaw' | 'fingerprint'>): KeyRecord => ({
  publicKey: key.publicKeyRaw.toString('base64'),
  fingerprint: key.fingerprint,
});

/** What a checkpoint's signature covers. */
export interface CheckpointBody {
  uid: string;
  followsId: number;
  followsHash: string;
  fingerprint: string;
}

/** The bytes a checkpoint signs (the formula above): an outside verifier recomputes them. */
export const checkpointSignedText = (body: CheckpointBody): string =>
  canonicalJson({
    format: SIGNED_FORMAT,
    uid: body.uid,
    followsId: body.followsId,
    followsHash: body.followsHash,
    fingerprint: body.fingerprint,
  });

export const congressUid = (db: SqliteDb): string =>
  (statement(db, 'SELECT uid FROM congress WHERE id = 1').get() as { uid: string }).uid;

/** Who and when the rows this module appends name: the call that made them. */
export type RowMaker = Omit<AuditInput, 'action' | 'payload'>;

interface ChainRow {
  id: number;
  action: string;
  payload: string;
  prev_hash: string;
}

/** The rows that say which congress and which key (and the checkpoints), oldest first. */
function keyedRows(db: SqliteDb): ChainRow[] {
  return statement(
    db,
    `SELECT id, action, payload, prev_hash FROM audit_log
     WHERE id = (SELECT min(id) FROM audit_log) OR action IN (?, ?, ?, ?) ORDER BY id`,
  ).all(ANCHOR_ACTION, KEY_ACTION, CHECKPOINT_ACTION, CHECKPOINTED_ACTION) as ChainRow[];
}

const parsed = (row: ChainRow): Record<string, unknown> => {
  try {
    const value = JSON.parse(row.payload) as unknown;
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

const asKey = (value: unknown): KeyRecord | null => {
  const k = value as Partial<KeyRecord> | null | undefined;
  return typeof k?.publicKey === 'string' && typeof k.fingerprint === 'string'
    ? { publicKey: k.publicKey, fingerprint: k.fingerprint }
    : null;
};

/** The chain's first row naming a uid (a new congress), or an `audit.anchor` row (a file from before). */
const isAnchor = (row: ChainRow, payload: Record<string, unknown>, firstId: number) =>
  row.action === ANCHOR_ACTION || (row.id === firstId && typeof payload.uid === 'string');

/** The anchor and the last key the chain records (no verification: see verifyCheckpoints). */
function chainState(db: SqliteDb): { anchored: boolean; lastKey: KeyRecord | null } {
  let anchored = false;
  let lastKey: KeyRecord | null = null;
  const rows = keyedRows(db);
  for (const row of rows) {
    const payload = parsed(row);
    if (isAnchor(row, payload, rows[0]!.id) || row.action === KEY_ACTION) {
      anchored = true;
      lastKey = asKey(payload.key) ?? lastKey;
    }
  }
  return { anchored, lastKey };
}

/**
 * Makes the chain name this congress and this laptop's key, inside the caller's transaction: an
 * `audit.anchor` row for a file from before issue 12, an `audit.key` row when the key is not the
 * last one recorded (a restore, a copy moved to another laptop, a key made anew), nothing
 * otherwise. Answers the row appended, if any.
 */
export function recordKey(db: SqliteDb, key: InstallationKey, by: RowMaker) {
  const { anchored, lastKey } = chainState(db);
  const record = keyRecord(key);
  const uid = congressUid(db);
  if (!anchored) return appendAudit(db, { ...by, action: ANCHOR_ACTION, payload: { uid, key: record } });
  if (lastKey?.publicKey === record.publicKey) return null;
  return appendAudit(db, {
    ...by,
    action: KEY_ACTION,
    payload: { uid, key: record, replaces: lastKey?.fingerprint ?? null },
  });
}

/**
 * On opening a congress (create, open, demo, restore): the anchor or the new key, in a
 * transaction of its own. A file that cannot be written (read-only media) is left as it is; its
 * next checkpoint would need the row, and a read-only file closes no round.
 */
export function anchorOnOpen(db: SqliteDb, key: InstallationKey | null, by: RowMaker): void {
  if (!key || db.readonly) return;
  db.transaction(() => recordKey(db, key, by))();
}

/** Appends a checkpoint signed by `key` after the chain's last row (the key recorded first if it is new). */
export function appendCheckpoint(db: SqliteDb, key: InstallationKey, by: RowMaker) {
  recordKey(db, key, by);
  const head = auditHead(db);
  const body: CheckpointBody = {
    uid: congressUid(db),
    followsId: head?.id ?? 0,
    followsHash: head?.hash ?? GENESIS_HASH,
    fingerprint: key.fingerprint,
  };
  const signature = sign(null, Buffer.from(checkpointSignedText(body), 'utf8'), key.privateKey).toString('base64');
  return appendAudit(db, { ...by, action: CHECKPOINT_ACTION, payload: { ...body, signature } });
}

/** Which key signed which checkpoint: what the result file lists. */
export interface CheckpointSigner {
  auditId: number;
  fingerprint: string;
}

export interface CheckpointVerdict {
  /** The row that names the congress and its first key; null for a chain that names none. */
  anchorId: number | null;
  checkpoints: number;
  signers: CheckpointSigner[];
  /** The first row at fault (a key row, a checkpoint, or a round close without its checkpoint). */
  firstBadId: number | null;
  /** Why, naming that row. */
  problem: AppError | null;
}

const problemAt = (reason: Parameters<typeof refuse>[1], params: Record<string, string | number>) =>
  refuse('conflict', reason, params, { field: 'audit', value: String(params.id) }).error;

function signatureHolds(key: KeyRecord, body: CheckpointBody, signature: unknown): boolean {
  if (typeof signature !== 'string') return false;
  const publicKey = publicKeyFromRaw(Buffer.from(key.publicKey, 'base64'));
  if (!publicKey) return false;
  try {
    return verify(null, Buffer.from(checkpointSignedText(body), 'utf8'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks the anchor and every checkpoint, oldest first: the anchor and every key row name this
 * congress's uid; each checkpoint names this congress, follows the row it names (its
 * `prev_hash`), names the key the chain recorded for its stretch and carries that key's
 * signature; each round close after the anchor is followed by its checkpoint (key rows may come
 * between). Stops at the first fault. The hash links themselves are verifyAuditChain's.
 */
export function verifyCheckpoints(db: SqliteDb): CheckpointVerdict {
  const uid = congressUid(db);
  const verdict: CheckpointVerdict = { anchorId: null, checkpoints: 0, signers: [], firstBadId: null, problem: null };
  const faultAt = (id: number, reason: Parameters<typeof refuse>[1], params: Record<string, string | number> = {}) => {
    verdict.firstBadId = id;
    verdict.problem = problemAt(reason, { id, ...params });
    return verdict;
  };
  let key: KeyRecord | null = null;
  /** A round close whose checkpoint has not come yet. */
  let awaiting: number | null = null;
  const rows = keyedRows(db);
  for (const row of rows) {
    const payload = parsed(row);
    if (awaiting !== null && row.action !== KEY_ACTION && row.action !== CHECKPOINT_ACTION)
      return faultAt(awaiting, 'audit.checkpoint_missing');
    const anchoring = verdict.anchorId === null && isAnchor(row, payload, rows[0]!.id);
    if (anchoring || row.action === ANCHOR_ACTION || row.action === KEY_ACTION) {
      if (verdict.anchorId === null && !anchoring) return faultAt(row.id, 'audit.key_unanchored');
      if (payload.uid !== uid)
        return faultAt(row.id, 'audit.anchor_other_congress', { found: String(payload.uid ?? '—'), uid });
      if (anchoring) verdict.anchorId = row.id;
      key = asKey(payload.key) ?? key;
      continue;
    }
    if (row.action === CHECKPOINTED_ACTION) {
      if (verdict.anchorId !== null) awaiting = row.id;
      continue;
    }
    if (row.action !== CHECKPOINT_ACTION) continue;
    awaiting = null;
    if (verdict.anchorId === null || key === null) return faultAt(row.id, 'audit.checkpoint_unanchored');
    const body: CheckpointBody = {
      uid: String(payload.uid),
      followsId: Number(payload.followsId),
      followsHash: String(payload.followsHash),
      fingerprint: String(payload.fingerprint),
    };
    if (body.uid !== uid) return faultAt(row.id, 'audit.anchor_other_congress', { found: body.uid, uid });
    if (body.followsId !== row.id - 1 || body.followsHash !== row.prev_hash)
      return faultAt(row.id, 'audit.checkpoint_moved', { follows: body.followsId });
    if (body.fingerprint !== key.fingerprint)
      return faultAt(row.id, 'audit.checkpoint_other_key', {
        fingerprint: body.fingerprint,
        expected: key.fingerprint,
      });
    if (!signatureHolds(key, body, payload.signature)) return faultAt(row.id, 'audit.checkpoint_forged');
    verdict.checkpoints++;
    verdict.signers.push({ auditId: row.id, fingerprint: body.fingerprint });
  }
  if (awaiting !== null) return faultAt(awaiting, 'audit.checkpoint_missing');
  // Every file this build opens is anchored on opening: a chain that names no congress was
  // stripped of its anchor (or never opened here, and then it is not what an export may sign).
  if (verdict.anchorId === null && rows.length > 0) return faultAt(rows[0]!.id, 'audit.anchor_missing');
  // An anchor after the first row is an upgraded file's: everything before it was written by a
  // build from before issue 12, which recorded no changes (schema 9, db/audit/replay.ts). A row
  // before it that has them was written by this build: the first row's anchor was stripped.
  if (verdict.anchorId !== null && verdict.anchorId !== rows[0]!.id && hasChangesColumn(db)) {
    const written = statement(db, 'SELECT min(id) FROM audit_log WHERE id < ? AND changes IS NOT NULL AND action <> ?')
      .pluck()
      .get(verdict.anchorId, BASELINE_ACTION) as number | null;
    if (written !== null) return faultAt(written, 'audit.anchor_late', { anchor: verdict.anchorId });
  }
  return verdict;
}

/** The first fault of the anchor or the checkpoints as a refusal (what `result.export` answers), or null. */
export function checkpointsRefusal(db: SqliteDb): { ok: false; error: AppError } | null {
  const { problem } = verifyCheckpoints(db);
  return problem && { ok: false, error: problem };
}
