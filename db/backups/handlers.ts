/**
 * The backup folder's state, and restoring a congress from one of its copies: the copy is
 * checked first (ours, a version this app reads, intact pages, an unbroken audit chain), and
 * only then does it replace the congress file, whose old version is kept beside it.
 */

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ok, refuse } from '../../core/result.js';
import { appendAudit, verifyAuditChain } from '../audit/log.js';
import { anchorOpened } from '../congress/handlers.js';
import { readCongress } from '../congress/records.js';
import { missingFolder, overCongress } from '../file-target.js';
import type { SessionHandler } from '../handler-types.js';
import { examineCongressFile, lockCongress, type SqliteDb } from '../open.js';
import { backupCopies } from './scheduler.js';

export const status: SessionHandler<'backups.status'> = {
  kind: 'session',
  // Issue 14: a paired station's windows may read it from the host.
  stations: true,
  run(_input, { session, backups }) {
    const open = session.open;
    const dir = open ? readCongress(open.db).settings.backupDir : null;
    return ok({
      dir,
      last: backups.last,
      lastError: backups.lastError,
      copies: open && dir ? backupCopies(dir, open.path) : [],
    });
  },
};

/** What a restore compares: which congress a file is, and whether sign-in is on in it. */
interface Identity {
  name: string;
  date: string;
  createdAt: string;
  /** Null in a copy made before schema 10 (migration 010 gave the congress its uid). */
  uid: string | null;
  operators: number;
}

/** Read from any schema version this app opens: a copy may predate the uid and the operators. */
function identityOf(db: SqliteDb): Identity {
  const row = db.prepare('SELECT * FROM congress WHERE id = 1').get() as Record<string, unknown>;
  const hasOperators = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'operators'").get();
  const operators = hasOperators ? (db.prepare('SELECT count(*) AS n FROM operators').get() as { n: number }).n : 0;
  return {
    name: String(row.name),
    date: String(row.date),
    createdAt: String(row.created_at),
    uid: typeof row.uid === 'string' ? row.uid : null,
    operators,
  };
}

/** The congress at `target` before it is replaced, if a congress of ours is there. */
function identityAt(target: string): Identity | null {
  if (!examineCongressFile(target).ok) return null;
  const db = new Database(target, { readonly: true, fileMustExist: true });
  try {
    return identityOf(db);
  } finally {
    db.close();
  }
}

const named = (c: Identity) => `${c.name}(${c.date})`;

/**
 * A restore puts back an earlier state of this congress, never another one (issue 12: 「a restore
 * names the congress it restores and refuses a different one」): the same uid, or for a copy from
 * before the uid the same name and creation time. And a copy without operators cannot switch
 * sign-in off a congress that has them (「a copy from before operators existed cannot switch
 * sign-in off」): refused rather than restored with today's operators grafted on, since those
 * rows would not be in the copy's audit log and its replay would rightly disagree.
 */
function otherCongress(copy: Identity, current: Identity, source: string) {
  const same =
    copy.uid !== null && current.uid !== null
      ? copy.uid === current.uid
      : copy.name === current.name && copy.createdAt === current.createdAt;
  if (!same) {
    return refuse(
      'conflict',
      'backups.other_congress',
      { copy: named(copy), current: named(current) },
      { field: 'backupPath', value: source },
    );
  }
  if (current.operators > 0 && copy.operators === 0) {
    return refuse(
      'conflict',
      'backups.operators_missing',
      { congress: named(current), operators: current.operators },
      { field: 'backupPath', value: source },
    );
  }
  return null;
}

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export const restore: SessionHandler<'backups.restore'> = {
  kind: 'session',
  async run(input, call) {
    const source = path.resolve(input.backupPath);
    const target = path.resolve(input.path);
    if (source === target) return refuse('invalid_input', 'backup.same_file', {}, { field: 'backupPath' });
    // A restore replaces a congress on purpose, but never lands on the open one's -wal/-shm/-journal.
    const over = overCongress(target, call.session.open?.path ?? null, 'path', 'restore');
    if (over) return over;
    const examined = examineCongressFile(source, call.session.openOptions);
    if (!examined.ok) return examined;
    const copy = new Database(source, { readonly: true, fileMustExist: true });
    let chain: ReturnType<typeof verifyAuditChain>;
    let restored: Identity;
    try {
      chain = verifyAuditChain(copy);
      restored = identityOf(copy);
    } finally {
      copy.close();
    }
    if (!chain.ok) {
      return refuse(
        'file_corrupt',
        'backup.audit_broken',
        { id: chain.firstBrokenId ?? '?' },
        {
          field: 'backupPath',
          value: source,
        },
      );
    }
    const folder = missingFolder(target);
    if (folder) return folder;

    // A congress open elsewhere (another window, the CLI) is not replaced under its feet.
    const openHere = call.session.open?.path === target;
    const held = !openHere && fs.existsSync(target) ? lockCongress(target) : null;
    if (held && !held.ok) return held;
    try {
      const replaced = openHere ? identityOf(call.session.open!.db) : identityAt(target);
      const refused = replaced ? otherCongress(restored, replaced, source) : null;
      if (refused) return refused;
    } finally {
      held?.value.release();
    }

    // The congress being replaced is closed (its WAL folded in) and kept under another name.
    if (openHere) call.session.close();
    const previous = fs.existsSync(target) ? `${target}.恢复前-${stamp(call.now)}` : null;
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.restore.tmp`);
    try {
      fs.copyFileSync(source, temp);
      if (previous) {
        fs.renameSync(target, previous);
        for (const s of ['-wal', '-shm']) if (fs.existsSync(target + s)) fs.renameSync(target + s, previous + s);
      }
      fs.renameSync(temp, target);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      if (previous && !fs.existsSync(target) && fs.existsSync(previous)) fs.renameSync(previous, target);
      return refuse(
        'file_io',
        'backup.restore_failed',
        { detail: (error as Error).message },
        { field: 'path', value: target },
      );
    }
    const opened = call.session.openFile(target);
    if (!opened.ok) return opened;
    const { db } = opened.value;
    const congress = { name: restored.name, date: restored.date, uid: restored.uid };
    db.transaction(() =>
      appendAudit(db, call.auditEntry('backups.restore', { from: source, previousKeptAt: previous, congress })),
    )();
    // A copy made on another laptop: its chain records this laptop's key from here on (db/audit/checkpoint.ts).
    await anchorOpened(call, opened.value);
    return ok({ path: target, restoredFrom: source, previousKeptAt: previous, congress });
  },
  changes: () => [{ topic: 'congress' }, { topic: 'audit' }],
};
