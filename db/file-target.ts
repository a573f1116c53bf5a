/** Where a new file goes (a backup copy, a result file): its folder must be there already, and it is no congress file. */
import fs from 'node:fs';
import path from 'node:path';
import { type AppError, refuse } from '../core/result.js';
import { LOCK_SUFFIX } from './file-lock.js';

type Refusal = { ok: false; error: AppError };

/** The refusal for a file whose folder is missing (a stick pulled, a path mistyped); null when it is there. */
export function missingFolder(target: string): Refusal | null {
  const folder = path.dirname(target);
  return fs.existsSync(folder)
    ? null
    : refuse('file_io', 'file.folder_missing', { folder }, { field: 'path', value: target });
}

/** The refusal for a file that could not be written (the disk full, no permission): the system's reason, the field and path. */
export const cannotWrite = (error: unknown, field: string, target: string): Refusal =>
  refuse('file_io', 'file.cannot_write', { detail: (error as Error).message }, { field, value: target });

/** The files SQLite keeps beside a database while it is open or mid-write, and the one-writer lock (db/file-lock.ts). */
export const SIDECARS = ['-wal', '-shm', '-journal', LOCK_SUFFIX] as const;
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What the file written is: `file` an export (results, a workbook), `copy` a new congress file
 * (a backup, a created congress: it ends in .congress by design), `restore` a congress put back
 * over one (it replaces the open file on purpose, never one of its sidecars).
 */
export type Writing = 'file' | 'copy' | 'restore';

const statOf = (p: string): fs.Stats | null => {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
};
const sameNode = (a: fs.Stats | null, b: fs.Stats | null) =>
  a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;
/** A name as a file system that folds case (and, on a Mac, normalises Unicode) sees it. */
const folded = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * Whether `target` names `file`: the same file (by device and inode, so through symlinks, hard
 * links and any spelling of the path), or the same name in the same folder as a file system that
 * ignores case sees it. A name that differs only in case is refused on any file system: nobody
 * needs a `-WAL` beside the congress, and on a stick formatted FAT it is the same file.
 */
function names(target: string, file: string): boolean {
  if (sameNode(statOf(target), statOf(file))) return true;
  return (
    sameNode(statOf(path.dirname(target)), statOf(path.dirname(file))) &&
    folded(path.basename(target)) === folded(path.basename(file))
  );
}

function startsAsSqlite(target: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(target, 'r');
  } catch {
    return false; // missing or unreadable: nothing is there to destroy, or the write fails on its own
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } catch {
    return false; // a folder
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The refusal for a target that would write over a congress (issue 12: "No call writes a file
 * over a congress file, the open one or any `*.congress`"): the open congress file or its
 * `-wal`/`-shm`/`-journal`, the sidecar of any `*.congress`, and — unless the file written is
 * itself a congress (`copy`, `restore`) — any path ending in `.congress` or an existing file
 * that is a SQLite database (a congress renamed). Null when the target is free of all of them.
 */
export function overCongress(
  target: string,
  open: string | null,
  field: string,
  writing: Writing = 'file',
): Refusal | null {
  const absolute = path.resolve(target);
  const refused = () => refuse('invalid_input', 'file.over_congress', { path: absolute }, { field, value: target });
  const name = folded(path.basename(absolute));
  if (SIDECARS.some((s) => name.endsWith(`.congress${s}`))) return refused();
  if (open !== null) {
    if (SIDECARS.some((s) => names(absolute, open + s))) return refused();
    if (writing !== 'restore' && names(absolute, open)) return refused();
  }
  if (writing === 'file' && (name.endsWith('.congress') || startsAsSqlite(absolute))) return refused();
  if (writing === 'copy' && startsAsSqlite(absolute)) return refused();
  return null;
}
