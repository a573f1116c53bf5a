/**
 * The standby's copy of the congress (issue 14): 「a second laptop paired as standby keeps a copy
 * of the congress made with SQLite's online backup, at pairing, then every few seconds while the
 * congress changes, and at every round close」.
 *
 * One loop per joined standby, started by its station link (db/lan/station/) with the link's
 * pinned request to the host. Each copy is taken whole before it replaces the last good one:
 *
 *   GET /lan/snapshot → `standby-<uid>.congress.part` (written, fsynced) → checked: a congress
 *   file (application id, schema, integrity_check), of this congress (its uid), its audit chain
 *   verifying, not behind the copy held → renamed over `standby-<uid>.congress`, the folder
 *   fsynced → POST /lan/held { seq, sha256, standby: this laptop's own peer }.
 *
 * Only then does the host count `seq` as safe and let the stations drop what they kept: a copy
 * the host was told of is on this disk, whole, whatever happens after. A refused or cut-off copy
 * leaves the last good one in place, and the next tick tries again.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChangeEvent } from '../../../core/domain.js';
import { type BeatAnswer, beatAnswer, LAN_DEFAULT_PORT, type Peer, SNAPSHOT_MS } from '../../../core/lan/protocol.js';
import { ok, type Result, refuse } from '../../../core/result.js';
import { congressUid } from '../../audit/checkpoint.js';
import { verifyAuditChain } from '../../audit/log.js';
import { replaceSynced, syncFolder, writeSynced } from '../../durable-file.js';
import { APPLICATION_ID, type SqliteDb } from '../../open.js';

/** What the pinned client answers (db/lan/station/http.ts `pinnedRequest`): a response… */
export interface HostResponse {
  status: number;
  body: Buffer;
  headers?: Record<string, string | string[] | undefined>;
}

/** …or a failure to reach the host (no connection, cut off, a certificate not the pinned one). */
export interface HostFailure {
  error: unknown;
}

/**
 * The link's pinned request to its host, bound to the host's peer and this station's credential
 * (`pinnedRequest(hostPeer, { ...request, headers: { ...headers, authorization: 'Station <id>.<secret>' } })`).
 * `body` goes on the wire as it is.
 */
export type HostRequest = (request: {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs?: number;
}) => Promise<HostResponse | HostFailure>;

export interface CopyOptions {
  /** This laptop's data folder: the copy goes to `<dataDir>/lan/`. */
  dataDir: string;
  /** The congress the host serves, as pairing said (PairAnswer.congress.uid). */
  congressUid: string;
  request: HostRequest;
  /**
   * The local address of the socket this standby reaches the host over: its own venue host
   * listens there once promoted, and every station is told it.
   */
  address: string;
  /** The port of that venue host; LAN_DEFAULT_PORT unless set. */
  port?: number;
  /** This laptop's certificate fingerprint for the congress (the Venue's `fingerprintFor`, db/lan/cert.ts). */
  fingerprintFor(congressUid: string): Promise<string>;
  /** How often it asks for a new copy while the congress changes; SNAPSHOT_MS unless set. */
  intervalMs?: number;
  now?: () => Date;
  /** Told after each copy the host accepted (its answer carries safeSeq and headSeq): the link may prune its outbox. */
  onHeld?(held: HeldCopy, answer: BeatAnswer): void;
}

/** A copy on this disk, whole and checked. */
export interface HeldCopy {
  file: string;
  /** Its last audit row. */
  seq: number;
  sha256: string;
  bytes: number;
  /** When it was taken (ISO). */
  at: string;
  /** Whether the host has acknowledged holding it (POST /lan/held answered). */
  reported: boolean;
}

export interface StandbyCopy {
  /** The copy held now (what StationLink.copy answers), null: none yet. */
  copy(): { file: string; seq: number } | null;
  held(): HeldCopy | null;
  /** Where this standby's own venue host will listen once promoted, and its certificate. */
  self(): Promise<Peer>;
  /** The host's last audit row, from a beat answer: a copy is due while it is past the copy's. */
  headSeq(seq: number): void;
  /** A change event relayed from the host (SSE): the congress moved; a `contests` change (a round closed) wants a copy at once. */
  changed(event: ChangeEvent): void;
  /** A round closed: a copy now, not at the next tick. */
  onRoundClosed(): void;
  /** Takes a copy now (after the one under way); its refusal when it could not be taken or checked. */
  takeNow(): Promise<Result<HeldCopy>>;
  /** Why the last try failed (null after a good copy): for the link's status and the tests. */
  lastFailure(): string | null;
  /** Stops the loop; a copy under way is dropped before it replaces anything. */
  close(): void;
}

/** A whole congress over the venue network can take a while; a cut link ends it sooner (the client's error). */
export const SNAPSHOT_TIMEOUT_MS = 120_000;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export const copyPath = (dataDir: string, uid: string) => path.join(dataDir, 'lan', `standby-${uid}.congress`);
const partPath = (dataDir: string, uid: string) => `${copyPath(dataDir, uid)}.part`;
const metaPath = (dataDir: string, uid: string) => path.join(dataDir, 'lan', `standby-${uid}.json`);

/** What sits beside the copy: when it was taken and where this standby said it would listen. */
interface CopyMeta {
  seq: number;
  sha256: string;
  bytes: number;
  at: string;
  self: Peer | null;
}

/** The loops running in this process, by data folder and congress: promotion stops its own. */
const running = new Map<string, StandbyCopy>();
const runningKey = (dataDir: string, uid: string) => `${path.resolve(dataDir)}\n${uid}`;

/** The copy loop running for this congress in this process, if any. */
export const runningCopy = (dataDir: string, uid: string): StandbyCopy | null =>
  running.get(runningKey(dataDir, uid)) ?? null;

/** An IPv4 address as a socket may name it (`::ffff:10.0.0.2`): the plain form every peer uses. */
export const plainAddress = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

export function startCopy(options: CopyOptions): StandbyCopy {
  const { dataDir, congressUid: uid, request } = options;
  const now = options.now ?? (() => new Date());
  const final = copyPath(dataDir, uid);
  const part = partPath(dataDir, uid);
  fs.mkdirSync(path.dirname(final), { recursive: true });
  // A copy kept from before a restart counts again once it checks out whole; a stale `.part` is
  // what a crash mid-copy left, never a copy.
  fs.rmSync(part, { force: true });
  let held: HeldCopy | null = resumeHeld(dataDir, uid);
  let head: number | null = null;
  // The first copy is taken at once: at pairing, or after a restart (the host moved on meanwhile).
  let due = true;
  let failure: string | null = null;
  let closed = false;
  let current: Promise<Result<HeldCopy>> | null = null;
  let next: Promise<Result<HeldCopy>> | null = null;
  let selfPeer: Peer | null = null;

  const self = async (): Promise<Peer> => {
    selfPeer ??= {
      address: plainAddress(options.address),
      port: options.port ?? LAN_DEFAULT_PORT,
      fingerprint: await options.fingerprintFor(uid),
    };
    return selfPeer;
  };

  const failed = (detail: string): Result<never> => {
    failure = detail;
    due = true;
    return refuse('internal', 'lan.copy_failed', { detail });
  };

  /** One copy, from the request to the host's answer to `held`. */
  async function takeOne(): Promise<Result<HeldCopy>> {
    due = false;
    const answer = await request({ method: 'GET', path: '/lan/snapshot', timeoutMs: SNAPSHOT_TIMEOUT_MS });
    if (closed) return failed('closed');
    if (!isResponse(answer)) return failed(`host unreachable: ${describe(answer)}`);
    if (answer.status !== 200)
      return failed(`snapshot refused: ${answer.status} ${answer.body.toString('utf8', 0, 200)}`);
    // From here to the rename nothing awaits: close() or another take never sees half of it.
    const placed = place(answer);
    if (!placed.ok) return placed;
    held = placed.value;
    failure = null;
    return report(placed.value);
  }

  /** Writes the copy beside the last one, checks it, and only then puts it in its place. */
  function place(answer: HostResponse): Result<HeldCopy> {
    const bytes = answer.body;
    try {
      writeSynced(part, bytes);
      const checked = checkCopy(part, uid);
      if (!checked.ok) {
        fs.rmSync(part, { force: true });
        return failed(String(checked.error.params?.detail ?? checked.error.message));
      }
      const seq = checked.value;
      const stated = headerOf(answer, 'x-audit-seq');
      if (stated !== undefined && Number(stated) !== seq) {
        fs.rmSync(part, { force: true });
        return failed(`snapshot says seq ${stated}, holds ${seq}`);
      }
      // The host counted the copy held as safe and the stations dropped what they kept up to it:
      // a copy with fewer rows in its place would lose those writes at a promotion.
      if (held && seq < held.seq) {
        fs.rmSync(part, { force: true });
        return failed(`snapshot at seq ${seq} is behind the copy held (${held.seq})`);
      }
      // Nothing of another file's WAL may be read as this one's (nothing opens the copy in place, but a crash could leave them).
      for (const companion of ['-wal', '-shm', '-journal']) fs.rmSync(final + companion, { force: true });
      fs.renameSync(part, final);
      syncFolder(path.dirname(final));
      const copy: HeldCopy = {
        file: final,
        seq,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        at: now().toISOString(),
        reported: false,
      };
      writeMeta(dataDir, uid, { seq, sha256: copy.sha256, bytes: copy.bytes, at: copy.at, self: selfPeer });
      return ok(copy);
    } catch (err) {
      fs.rmSync(part, { force: true });
      return failed(`copy not written: ${(err as Error).message}`);
    }
  }

  async function report(copy: HeldCopy): Promise<Result<HeldCopy>> {
    const peer = await self();
    writeMeta(dataDir, uid, { seq: copy.seq, sha256: copy.sha256, bytes: copy.bytes, at: copy.at, self: peer });
    const answer = await request({
      method: 'POST',
      path: '/lan/held',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seq: copy.seq, sha256: copy.sha256, standby: peer }),
      timeoutMs: 10_000,
    });
    // The copy is whole on this disk either way; only the host's count of it as safe waits.
    if (!isResponse(answer)) {
      due = true;
      failure = `held not reported: ${describe(answer)}`;
      return ok(copy);
    }
    if (answer.status !== 200) {
      failure = `held refused: ${answer.status} ${answer.body.toString('utf8', 0, 200)}`;
      return ok(copy);
    }
    const parsed = beatAnswer.safeParse(parseJson(answer.body));
    if (!parsed.success) {
      failure = 'held answer not understood';
      return ok(copy);
    }
    copy.reported = true;
    head = parsed.data.headSeq;
    if (head > copy.seq) due = true;
    options.onHeld?.(copy, parsed.data);
    return ok(copy);
  }

  /** A copy that starts after this call: the one under way finishes first, then one more (asked twice meanwhile: still one). */
  function take(): Promise<Result<HeldCopy>> {
    if (closed) return Promise.resolve(failed('closed'));
    if (!current) {
      current = takeOne()
        .catch((err: unknown) => failed(`copy failed: ${(err as Error).message}`))
        .finally(() => {
          current = null;
        });
      return current;
    }
    next ??= current.then(() => {
      next = null;
      return take();
    });
    return next;
  }

  const tick = () => {
    if (closed || current) return;
    if (due || (head !== null && (held === null || head > held.seq))) void take();
  };
  const timer = setInterval(tick, options.intervalMs ?? SNAPSHOT_MS);
  timer.unref();
  setImmediate(tick);

  const loop: StandbyCopy = {
    copy: () => (held ? { file: held.file, seq: held.seq } : null),
    held: () => held,
    self,
    headSeq(seq) {
      head = Math.max(head ?? seq, seq);
    },
    changed(event) {
      if (event.topic === 'lan') return;
      due = true;
      if (event.topic === 'contests') void take();
    },
    onRoundClosed() {
      void take();
    },
    takeNow: () => take(),
    lastFailure: () => failure,
    close() {
      closed = true;
      clearInterval(timer);
      if (running.get(runningKey(dataDir, uid)) === loop) running.delete(runningKey(dataDir, uid));
    },
  };
  running.get(runningKey(dataDir, uid))?.close();
  running.set(runningKey(dataDir, uid), loop);
  return loop;
}

/**
 * Whether `file` is a whole copy of congress `uid`: a congress file (application id,
 * integrity_check), of that congress, whose audit chain verifies. Answers its last
 * audit row. Opened read-only; the companions a read of a WAL file makes are removed after.
 */
export function checkCopy(file: string, uid: string): Result<number> {
  const bad = (detail: string) => refuse('internal', 'lan.copy_failed', { detail });
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(SQLITE_MAGIC.length);
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_MAGIC)) return bad('not a SQLite file');
  // The checks of db/open.ts `examineCongressFile` but the schema version (which needs the
  // migrations folder, unknown to a link): a copy from a newer app is still the one truth to keep.
  return readOnly(file, (db) => {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) return bad('not a congress file');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok')
      return bad(`integrity_check: ${problems.slice(0, 3).join('; ')}`);
    const theirs = congressUid(db);
    if (theirs !== uid) return bad(`another congress (${theirs})`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) return bad(`audit chain broken at row ${chain.firstBrokenId}`);
    const seq = (db.prepare('SELECT max(id) AS seq FROM audit_log').get() as { seq: number | null }).seq ?? 0;
    return ok(seq);
  });
}

/** The copy this laptop holds for congress `uid`, checked against what was recorded beside it; null: none whole. */
export function heldCopy(dataDir: string, uid: string): (HeldCopy & { self: Peer | null }) | null {
  const meta = readMeta(dataDir, uid);
  const file = copyPath(dataDir, uid);
  if (!meta || !fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) return null;
  return { file, seq: meta.seq, sha256: meta.sha256, bytes: meta.bytes, at: meta.at, reported: false, self: meta.self };
}

function resumeHeld(dataDir: string, uid: string): HeldCopy | null {
  const found = heldCopy(dataDir, uid);
  if (!found) return null;
  const checked = checkCopy(found.file, uid);
  if (!checked.ok || checked.value !== found.seq) return null;
  const { self: _self, ...copy } = found;
  return copy;
}

function readOnly<T>(file: string, read: (db: SqliteDb) => Result<T>): Result<T> {
  const companions = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  let db: SqliteDb | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return read(db);
  } catch (err) {
    return refuse('internal', 'lan.copy_failed', { detail: (err as Error).message });
  } finally {
    db?.close();
    for (const f of companions) fs.rmSync(f, { force: true });
  }
}

function writeMeta(dataDir: string, uid: string, meta: CopyMeta): void {
  const target = metaPath(dataDir, uid);
  replaceSynced(target, JSON.stringify(meta));
}

function readMeta(dataDir: string, uid: string): CopyMeta | null {
  try {
    const meta = JSON.parse(fs.readFileSync(metaPath(dataDir, uid), 'utf8')) as CopyMeta;
    return typeof meta.seq === 'number' && typeof meta.sha256 === 'string' ? meta : null;
  } catch {
    return null;
  }
}

const isResponse = (answer: HostResponse | HostFailure): answer is HostResponse =>
  typeof (answer as HostResponse).status === 'number' && Buffer.isBuffer((answer as HostResponse).body);

const describe = ({ error }: HostFailure): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);

const headerOf = (answer: HostResponse, name: string): string | undefined => {
  const value = answer.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
