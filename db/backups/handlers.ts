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
import { readCongress } from '../congress/records.js';
import { missingFolder, overCongress } from '../file-target.js';
import type { SessionHandler } from '../handler-types.js';
import { examineCongressFile } from '../open.js';
import { backupCopies } from './scheduler.js';

export const status: SessionHandler<'backups.status'> = {
  kind: 'session',
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

const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export const restore: SessionHandler<'backups.restore'> = {
  kind: 'session',
  run(input, call) {
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
    try {
      chain = verifyAuditChain(copy);
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

    // The congress being replaced is closed (its WAL folded in) and kept under another name.
    if (call.session.open?.path === target) call.session.close();
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
    db.transaction(() =>
      appendAudit(db, call.auditEntry('backups.restore', { from: source, previousKeptAt: previous })),
    )();
    return ok({ path: target, restoredFrom: source, previousKeptAt: previous });
  },
  changes: () => [{ topic: 'congress' }, { topic: 'audit' }],
};
