/**
 * Files that must survive a power cut once written (a station's pairing, the venue certificate a
 * station pins, the standby's copy and its record): the bytes flushed to the device, a rename
 * over the old file, then the folder flushed, since a rename is on the disk only once its folder
 * is (POSIX). The staged exports (db/staged-files.ts) put their files in place the same way.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Writes `data` to `file` (created, or emptied first) and flushes it to the device. */
export function writeSynced(file: string, data: string | Buffer, options: { mode?: number; exclusive?: boolean } = {}) {
  const fd = fs.openSync(file, options.exclusive ? 'wx' : 'w', options.mode ?? 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Replaces `file` with `data` as one step: a reader sees the old file or the new, never half of
 * one, before and after a crash. `syncDir: false` when the caller flushes the folder once after
 * several files.
 */
export function replaceSynced(file: string, data: string | Buffer, options: { mode?: number; syncDir?: boolean } = {}) {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeSynced(temp, data, { mode: options.mode, exclusive: true });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  if (options.syncDir !== false) syncFolder(path.dirname(file));
}

/** Flushes a folder's entries (a rename, a removal) to the device. */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder, some file systems refuse to sync one: the rename stands, only
    // its durability across a power cut is the system's.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
