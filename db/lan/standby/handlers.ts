/**
 * `lan.promote` (issue 14): 「the host may die … a standby can be promoted by the secretariat with
 * the chief's PIN; the stations then reconnect to it (its certificate pinned at pairing) and replay
 * their outboxes」.
 *
 * Answered by the standby's own store (never forwarded). In order, each step refusing before the
 * next changes anything:
 *
 * 1. this laptop is a standby (`lan.not_standby`) whose host no longer answers
 *    (`lan.host_reachable`: two hosts of one congress would each take writes the other never
 *    sees), holding a whole copy (`lan.no_copy`);
 * 2. the operator is the copy's chief scrutineer (`chief.not_chief`), the PIN right as the copy
 *    knows it, wrong tries counted and audited in the file being promoted (db/operators/attempts.ts,
 *    as station.signIn counts them): the file a retry uses is the same while the copy is;
 * 3. the venue host opened on the address and port this standby gave the host with its copies,
 *    with the certificate whose fingerprint every station was given;
 * 4. the promoted file opened as this laptop's congress, the copy loop stopped, the move to this
 *    laptop's key recorded as any open records it (db/congress/handlers.ts `anchorOpened`), and
 *    `lan.promoted` appended: who, at which station, the copy's last row, where it now listens;
 * 5. the link told (`promoted(self)`): it stops forwarding and answers as the host.
 *
 * The promoted file is a new congress file in the documents folder (a place, db/places.ts):
 * `<congress name>-standby-<time>.congress`, copied from the copy, which stays as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ok, type Result, refuse } from '../../../core/result.js';
import { appendAudit } from '../../audit/log.js';
import { anchorOpened, EVERYTHING } from '../../congress/handlers.js';
import { rememberRecentFile } from '../../congress/recent-files.js';
import { writeSynced } from '../../durable-file.js';
import type { SessionCall, SessionHandler } from '../../handler-types.js';
import { openCongressFileLocked, type SqliteDb } from '../../open.js';
import { checkPin, findOperator } from '../../operators/handlers.js';
import { checkCopy, heldCopy, runningCopy } from './copy.js';

/** The file a promotion of this congress tries with, while the copy it came from is the same. */
const candidates = new Map<string, { file: string; sha256: string; seq: number }>();

/** A name a file system takes: no separators, no reserved or control characters. */
const fileSafe = (name: string) =>
  [...name]
    .map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .slice(0, 80) || 'congress';

const timestamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');

export const promote: SessionHandler<'lan.promote'> = {
  kind: 'session',
  async run(input, call) {
    const link = call.lan.link;
    const status = link.status();
    if (status.mode !== 'standby' || !status.congress) return refuse('forbidden', 'lan.not_standby');
    if (status.online) return refuse('conflict', 'lan.host_reachable');
    const uid = status.congress.uid;
    const { dataDir } = call.options;
    const held = heldCopy(dataDir, uid);
    if (!held) return refuse('not_found', 'lan.no_copy');
    const self = held.self ?? (await runningCopy(dataDir, uid)?.self()) ?? null;
    if (!self) return refuse('not_found', 'lan.no_copy');

    // Who may approve it, as the copy knows its operators; nothing is copied for anyone else.
    const named = readOnly(held.file, (db) => findOperator(db, input.operatorId) ?? null);
    if (!named)
      return refuse(
        'not_found',
        'operator.not_found',
        { id: input.operatorId },
        { field: 'operatorId', value: String(input.operatorId) },
      );
    if (named.role !== 'chief_scrutineer')
      return refuse('forbidden', 'chief.not_chief', { name: named.name }, { field: 'operatorId' });

    // The stations pinned the certificate this standby announced: the venue must present that one.
    const fingerprint = await call.lan.venue.fingerprintFor(uid);
    if (fingerprint !== self.fingerprint)
      return refuse('internal', 'lan.copy_failed', { detail: 'this laptop’s certificate is not the one announced' });

    const candidate = candidateFor(call, held, uid, status.congress.name);
    if (!candidate.ok) return candidate;
    const file = candidate.value.file;

    const pin = checkPinIn(file, input.operatorId, input.pin, call);
    if (!pin.ok) return pin;
    const chief = pin.value;

    const opened = await call.lan.venue.open(self.address, self.port, uid);
    if (!opened.ok) return opened;
    const open = call.session.openFile(file);
    if (!open.ok) {
      await call.lan.venue.close();
      return open;
    }
    // This laptop is the host now: no copy of the old one replaces anything any more.
    runningCopy(dataDir, uid)?.close();
    await anchorOpened(call, open.value);
    const entry = call.auditEntry('lan.promoted', {
      operatorId: chief.id,
      name: chief.name,
      heldSeq: candidate.value.seq,
      address: self.address,
      port: self.port,
      fingerprint: self.fingerprint,
      path: file,
    });
    open.value.db.transaction(() => appendAudit(open.value.db, { ...entry, operator: chief.name }))();
    candidates.delete(candidateKey(dataDir, uid));
    // Found again under Open Recent after a restart of this laptop.
    rememberRecentFile(dataDir, { path: open.value.path, name: status.congress.name, openedAt: call.now });
    link.promoted(self);
    return ok(link.status());
  },
  changes: () => [...EVERYTHING, { topic: 'lan' }, { topic: 'contests' }, { topic: 'ballots' }],
};

const candidateKey = (dataDir: string, uid: string) => `${path.resolve(dataDir)}\n${uid}`;

/**
 * The file to promote: the one a refused try already made from this very copy (its wrong PINs are
 * in it), else a new one copied from the copy and checked whole again.
 */
function candidateFor(
  call: SessionCall,
  held: { file: string; sha256: string },
  uid: string,
  name: string,
): Result<{ file: string; seq: number }> {
  const key = candidateKey(call.options.dataDir, uid);
  const before = candidates.get(key);
  if (before && before.sha256 === held.sha256 && fs.existsSync(before.file)) return ok(before);
  const folder = call.options.documentsDir;
  try {
    fs.mkdirSync(folder, { recursive: true });
    let target = path.join(folder, `${fileSafe(name)}-standby-${timestamp(call.now)}.congress`);
    for (let n = 2; fs.existsSync(target); n++)
      target = path.join(folder, `${fileSafe(name)}-standby-${timestamp(call.now)}-${n}.congress`);
    const bytes = fs.readFileSync(held.file);
    writeSynced(target, bytes, { mode: 0o644, exclusive: true });
    const checked = checkCopy(target, uid);
    if (!checked.ok) {
      fs.rmSync(target, { force: true });
      return checked;
    }
    const made = { file: target, sha256: held.sha256, seq: checked.value };
    candidates.set(key, made);
    return ok(made);
  } catch (err) {
    return refuse('file_io', 'lan.copy_failed', { detail: (err as Error).message });
  }
}

/** The chief's PIN against the file to promote, its waits and wrong tries kept in it. */
function checkPinIn(file: string, operatorId: number, pin: string, call: SessionCall) {
  const opened = openCongressFileLocked(file, call.session.openOptions);
  if (!opened.ok) return opened;
  try {
    return checkPin(opened.value.db, operatorId, pin, {
      station: call.station,
      now: Date.parse(call.now),
      action: 'chief.confirm_failed',
      operator: call.operator,
      about: { channel: 'lan.promote' },
    });
  } finally {
    opened.value.db.close();
    opened.value.lock.release();
  }
}

function readOnly<T>(file: string, read: (db: SqliteDb) => T): T | null {
  const companions = ['-wal', '-shm'].map((s) => file + s).filter((f) => !fs.existsSync(f));
  let db: SqliteDb | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return read(db);
  } catch {
    return null;
  } finally {
    db?.close();
    for (const f of companions) fs.rmSync(f, { force: true });
  }
}
