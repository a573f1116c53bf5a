/**
 * The Recent files list of the first screen, kept per installation in
 * `dataDir/recent.json`: newest first, at most ten, without files that are gone.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

export const MAX_RECENT_FILES = 10;

const recentPath = (dataDir: string) => path.join(dataDir, 'recent.json');

function isRecentFile(v: unknown): v is RecentFile {
  const r = v as RecentFile;
  return typeof r === 'object' && r !== null && [r.path, r.name, r.openedAt].every((s) => typeof s === 'string');
}

export function readRecentFiles(dataDir: string): RecentFile[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(recentPath(dataDir), 'utf8'));
  } catch {
    // Missing or unreadable: the list is a convenience, never a reason to fail.
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter(isRecentFile)
    .filter((r) => fs.existsSync(r.path))
    .slice(0, MAX_RECENT_FILES);
}

export function rememberRecentFile(dataDir: string, entry: RecentFile): RecentFile[] {
  const list = [entry, ...readRecentFiles(dataDir).filter((r) => r.path !== entry.path)].slice(0, MAX_RECENT_FILES);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = recentPath(dataDir);
    // Write-then-rename so that a crash never leaves half a list.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(list, null, 2));
    fs.renameSync(`${file}.tmp`, file);
  } catch (err) {
    console.error('recent files: could not save', err);
  }
  return list;
}
