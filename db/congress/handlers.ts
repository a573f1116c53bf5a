import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeEvent } from '../../core/domain.js';
import { DEFAULT_SETTINGS } from '../../core/domain.js';
import { ok, type Result, refuse } from '../../core/result.js';
import { anchorOnOpen, keyRecord } from '../audit/checkpoint.js';
import { type AuditInput, appendAudit } from '../audit/log.js';
import { missingFolder, overCongress } from '../file-target.js';
import type { QueryHandler, SessionCall, SessionHandler, UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { loadKey } from '../results/handlers.js';
import type { InstallationKey } from '../results/installation-key.js';
import type { OpenCongress } from '../session.js';
import { StagedFiles } from '../staged-files.js';
import { rememberRecentFile } from './recent-files.js';
import { readCongress, readSettings } from './records.js';

/** Another congress in every window: everything shown is stale. */
export const EVERYTHING: ChangeEvent[] = [
  { topic: 'congress' },
  { topic: 'meetings' },
  { topic: 'roster' },
  { topic: 'attendance' },
  { topic: 'audit' },
];

export const noCongressOpen = () => refuse('no_congress_open', 'congress.none_open');

const congressFileOf = (open: Pick<OpenCongress, 'path' | 'db'>) => ({
  path: open.path,
  congress: readCongress(open.db),
});

function remember(call: SessionCall, open: OpenCongress) {
  const described = congressFileOf(open);
  rememberRecentFile(call.options.dataDir, { path: open.path, name: described.congress.name, openedAt: call.now });
  return described;
}

export interface NewCongress {
  name: string;
  date: string;
  venue: string;
  path: string;
}

/**
 * Fills a new file (inside its creating transaction): the congress row, with its random
 * identity (migration 010), and the first audit row, which names that identity.
 */
export function initCongress(
  db: SqliteDb,
  fields: NewCongress,
  audit: AuditInput,
  key: InstallationKey | null = null,
): Result<void> {
  const uid = randomBytes(16).toString('hex');
  db.prepare(
    'INSERT INTO congress (id, name, date, venue, created_at, settings_json, uid) VALUES (1, ?, ?, ?, ?, ?, ?)',
  ).run(fields.name, fields.date, fields.venue, audit.at, JSON.stringify(DEFAULT_SETTINGS), uid);
  // The file's first audit row: who created it, when, as what, and which congress it is; with
  // the key that signs for it, the chain's anchor (db/audit/checkpoint.ts). Without a key (a
  // builder that signs nothing), the first open with one records it.
  const anchor = key ? { uid, key: keyRecord(key) } : { uid };
  appendAudit(db, { ...audit, payload: { ...(audit.payload as object), ...anchor } });
  return ok(undefined);
}

/** This laptop's key, or null when it cannot be had: opening a congress never fails for it. */
async function keyOrNull(call: SessionCall): Promise<InstallationKey | null> {
  const key = await loadKey(() => call.keys.load());
  return key.ok ? key.value : null;
}

/**
 * 「A congress that moves to another laptop records the new key in its chain」: on every open, an
 * `audit.anchor` row for a file from before issue 12, or an `audit.key` row for a key that is
 * not the last one the chain recorded (db/audit/checkpoint.ts).
 */
export async function anchorOpened(call: SessionCall, open: OpenCongress): Promise<void> {
  const { at, operator, station } = call.auditEntry('', null);
  anchorOnOpen(open.db, await keyOrNull(call), { at, operator, station });
}

export const create: SessionHandler<'congress.create'> = {
  kind: 'session',
  async run(input, call) {
    // A new congress is never made as the open one's -wal/-shm/-journal (SQLite would read it as its own).
    const target = overCongress(input.path, call.session.open?.path ?? null, 'path', 'copy');
    if (target) return target;
    const key = await keyOrNull(call);
    const created = call.session.createFile(input.path, (db) =>
      initCongress(db, input, call.auditEntry('congress.create', input), key),
    );
    if (!created.ok) return created;
    return ok(remember(call, created.value));
  },
  changes: () => EVERYTHING,
};

export const open: SessionHandler<'congress.open'> = {
  kind: 'session',
  async run(input, call) {
    const opened = call.session.openFile(input.path);
    if (!opened.ok) return { ok: false, error: { ...opened.error, field: opened.error.field ?? 'path' } };
    await anchorOpened(call, opened.value);
    return ok(remember(call, opened.value));
  },
  changes: () => EVERYTHING,
};

const timestamp = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');

/** A fresh copy every time, so that trying the desk never touches an earlier try. */
export const openDemo: SessionHandler<'congress.openDemo'> = {
  kind: 'session',
  async run(_input, call) {
    const dir = path.join(call.options.dataDir, 'demo');
    fs.mkdirSync(dir, { recursive: true });
    let target = path.join(dir, `demo-${timestamp(call.now)}.congress`);
    for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `demo-${timestamp(call.now)}-${n}.congress`);
    const built = await call.createDemo(target);
    if (!built.ok) return built;
    const opened = call.session.openFile(target);
    if (!opened.ok) return opened;
    await anchorOpened(call, opened.value);
    return ok(congressFileOf(opened.value));
  },
  changes: () => EVERYTHING,
};

export const close: SessionHandler<'congress.close'> = {
  kind: 'session',
  run(_input, call) {
    call.session.close();
    return ok({});
  },
  changes: () => EVERYTHING,
};

export const get: QueryHandler<'congress.get'> = {
  kind: 'query',
  run: (_input, call) => ok(congressFileOf(call)),
};

/**
 * Save a backup copy (e.g. to a USB stick) with SQLite's online backup, which copies a
 * consistent snapshot while the desk keeps working. Never overwrites a file.
 */
export const backup: SessionHandler<'congress.backup'> = {
  kind: 'session',
  async run(input, call) {
    const current = call.session.open;
    if (!current) return noCongressOpen();
    const target = path.resolve(input.path);
    // A copy may end in .congress, but is never the open file nor its -wal/-shm/-journal.
    const over = overCongress(target, current.path, 'path', 'copy');
    if (over) return over;
    if (fs.existsSync(target))
      return refuse('file_exists', 'file.exists', { path: target }, { field: 'path', value: target });
    const folder = missingFolder(target);
    if (folder) return folder;
    // Copied under a temporary name beside it, recorded, then renamed (issue 12 item 7,
    // db/staged-files.ts): the folder never shows half a copy, and no copy is left there that the
    // audit log does not record.
    const files = new StagedFiles();
    const failed = (err: unknown) =>
      refuse('file_io', 'backup.failed', { detail: (err as Error).message }, { field: 'path', value: target });
    let bytes: number;
    try {
      bytes = await files.stageCopy(target, (temp) => current.db.backup(temp));
    } catch (err) {
      return failed(err);
    }
    try {
      current.db.transaction(() =>
        appendAudit(current.db, call.auditEntry('congress.backup', { path: target, bytes })),
      )();
    } catch (err) {
      files.discard();
      throw err;
    }
    try {
      files.publish();
    } catch (err) {
      // The row just committed says a copy was made; the next one says it did not land.
      current.db.transaction(() =>
        appendAudit(
          current.db,
          call.auditEntry('congress.backup.withdrawn', { path: target, detail: (err as Error).message }),
        ),
      )();
      return failed(err);
    }
    return ok({ path: target, bytes });
  },
  changes: () => [{ topic: 'audit' }],
};

export const updateSettings: UpdateHandler<'congress.updateSettings'> = {
  kind: 'update',
  run(input, { db }) {
    const row = db.prepare('SELECT settings_json FROM congress WHERE id = 1').get() as { settings_json: string };
    const current = readSettings(row.settings_json);
    const settings = { ...current, ...input };
    // Rule 3: the congress's convention is only the default for contests created later; each
    // contest keeps its own (`contests.marking`, fixed once it has a ballot), so changing the
    // default re-reads no stored ballot and may happen at any time.
    if (input.backupDir && !fs.existsSync(input.backupDir)) {
      return refuse(
        'file_io',
        'backup.folder_missing',
        { folder: input.backupDir },
        {
          field: 'backupDir',
          value: input.backupDir,
        },
      );
    }
    db.prepare('UPDATE congress SET settings_json = ? WHERE id = 1').run(JSON.stringify(settings));
    return ok(settings);
  },
  // quorumAllowEqual moves the quorum line on every attendance screen.
  changes: () => [{ topic: 'congress' }, { topic: 'attendance' }],
  // A backup folder chosen: the first copy goes there now.
  backupAfter: (input) => (input.backupDir ? 'folder_set' : null),
};
