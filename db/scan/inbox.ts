/**
 * The scanner's "scan to folder" (issue 13 item 3): which files in the folder are ready to be
 * received. A feeder writes each file over a second or two, so a file is ready only once its
 * size and modification time have stayed the same for at least a second between two looks (the
 * screen looks about every second); the last looks are kept in memory per folder. A file once
 * received (same path, size and mtime) is not offered again; a rescan saved under a new name is
 * offered, and the store refuses its pages by their hash (`scan.duplicate_image`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { KNOWN_EXTENSIONS } from './intake.js';

export interface InboxFile {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

/** How long a file must stay unchanged to be taken as written. */
export const STILL_MS = 1000;

interface Look {
  size: number;
  mtimeMs: number;
  /** When this size and mtime were first seen. */
  since: number;
}

const looks = new Map<string, Map<string, Look>>();

/** What the store keeps of a received file, to leave it out of the next look. */
export function receivedKey(file: Pick<InboxFile, 'path' | 'size' | 'mtimeMs'>): string {
  return `${path.resolve(file.path)}\u0000${file.size}\u0000${Math.round(file.mtimeMs)}`;
}

/** The key of a file on disk now, or null when it is gone (the store records it as it receives the file). */
export function receivedKeyOf(filePath: string): string | null {
  try {
    const stat = fs.statSync(filePath);
    return receivedKey({ path: filePath, size: stat.size, mtimeMs: stat.mtimeMs });
  } catch {
    return null;
  }
}

const isScanName = (name: string) =>
  !name.startsWith('.') && !name.startsWith('~$') && path.extname(name).toLowerCase() in KNOWN_EXTENSIONS;

/**
 * The folder's files of a known type (not hidden, not in sub-folders) that have stopped changing
 * and were not received, oldest first. A folder that cannot be read gives none (the screen says
 * the folder is missing from its own check of the path).
 */
export function inbox(folder: string, received: Set<string>, now = Date.now()): InboxFile[] {
  const dir = path.resolve(folder);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    looks.delete(dir);
    return [];
  }
  const before = looks.get(dir) ?? new Map<string, Look>();
  const after = new Map<string, Look>();
  const ready: InboxFile[] = [];
  for (const entry of entries) {
    if (!(entry.isFile() || entry.isSymbolicLink()) || !isScanName(entry.name)) continue;
    const filePath = path.join(dir, entry.name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(filePath);
    } catch {
      continue; // removed between the listing and the look
    }
    if (!stat.isFile()) continue;
    const last = before.get(filePath);
    const same = last !== undefined && last.size === stat.size && last.mtimeMs === stat.mtimeMs;
    const look: Look = same ? last : { size: stat.size, mtimeMs: stat.mtimeMs, since: now };
    after.set(filePath, look);
    // An empty file is one the scanner has opened and not yet written.
    if (!same || stat.size === 0 || now - look.since < STILL_MS) continue;
    const file = { path: filePath, name: entry.name, size: stat.size, mtimeMs: stat.mtimeMs };
    if (!received.has(receivedKey(file))) ready.push(file);
  }
  looks.set(dir, after);
  return ready.sort((a, b) => a.mtimeMs - b.mtimeMs || a.name.localeCompare(b.name));
}
