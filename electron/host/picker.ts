/**
 * The browser's file and folder picker (issue 15 item 4): a browser has no dialog that hands the
 * app a path, so the loopback host lists folders itself — only the places a write may go into
 * (db/places.ts, issue 12: "outside the places the user picked"), never anything outside them.
 * A folder asked for is taken at its real path (`..` resolved, symlinks followed) and listed only
 * when that real path is a place or inside one; an entry that is a symlink out of the places is
 * left out, as are hidden files and the files SQLite and the one-writer lock keep beside a
 * congress. Nothing here widens the places: what the browser picks is inside them already.
 */
import type { Dirent, Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { PickerEntry, PlacesListing } from '../../core/contract/shell.js';
import { ok, type Result, refuse } from '../../core/result.js';
import { SIDECARS } from '../../db/file-target.js';
import { within } from '../../db/places.js';

export type { PickerEntry, PlacesListing };

/** A folder of more than this is listed in part: the picker is for a stick or a documents folder. */
export const MAX_ENTRIES = 2000;

const realpathOrNull = async (p: string): Promise<string | null> => {
  try {
    return await fs.realpath(p);
  } catch {
    return null;
  }
};

const statOrNull = async (p: string): Promise<Stats | null> => {
  try {
    return await fs.stat(p);
  } catch {
    return null;
  }
};

const byName = (a: PickerEntry, b: PickerEntry) =>
  a.kind === b.kind ? a.name.localeCompare(b.name, 'zh-CN', { numeric: true }) : a.kind === 'folder' ? -1 : 1;

/** The places that are there now, at their real paths (a stick not plugged in is not offered). */
async function realPlaces(places: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const place of places) {
    const real = await realpathOrNull(place);
    if (real && (await statOrNull(real))?.isDirectory() && !out.includes(real)) out.push(real);
  }
  return out;
}

/**
 * Hidden files, and a database's companions: `X-wal`, `X-shm`, `X-journal`, `X-lock` beside `X`
 * (whatever X is called), and any `*.congress-wal` and the like even alone.
 */
function shown(name: string, names: ReadonlySet<string>): boolean {
  if (name.startsWith('.')) return false;
  return !SIDECARS.some(
    (s) => name.endsWith(s) && (names.has(name.slice(0, -s.length)) || name.endsWith(`.congress${s}`)),
  );
}

/** One entry of a listed folder, or null when it is not offered (a link out of the places, a socket, gone). */
async function entryOf(dir: string, entry: Dirent, places: readonly string[]): Promise<PickerEntry | null> {
  const full = path.join(dir, entry.name);
  if (entry.isSymbolicLink()) {
    const target = await realpathOrNull(full);
    if (!target || !places.some((place) => within(target, place))) return null;
  }
  const stats = await statOrNull(full);
  if (!stats || !(stats.isFile() || stats.isDirectory())) return null;
  const file = stats.isFile();
  return {
    name: entry.name,
    path: full,
    kind: file ? 'file' : 'folder',
    size: file ? stats.size : null,
    modified: stats.mtime.toISOString(),
  };
}

/** The places (dir null), or the entries of `dir` when its real path is inside one of them. */
export async function listPlaces(places: readonly string[], dir: string | null): Promise<Result<PlacesListing>> {
  const roots = await realPlaces(places);
  if (dir === null) {
    const entries = (await Promise.all(roots.map((root) => statOrNull(root)))).map(
      (stats, i): PickerEntry => ({
        name: roots[i]!,
        path: roots[i]!,
        kind: 'folder',
        size: null,
        modified: stats?.mtime.toISOString() ?? '',
      }),
    );
    return ok({ dir: null, place: null, parent: null, entries, truncated: false });
  }
  if (dir.length === 0 || dir.length > 4096 || dir.includes('\0') || !path.isAbsolute(dir)) {
    return refuse('invalid_input', 'picker.dir_invalid', { path: dir }, { field: 'dir', value: dir });
  }
  const real = await realpathOrNull(dir);
  if (!real) return refuse('not_found', 'picker.not_found', { path: dir }, { field: 'dir', value: dir });
  // The outermost place it is in: ↑ then climbs as far as the places allow.
  const place = roots.filter((root) => within(real, root)).sort((a, b) => a.length - b.length)[0];
  if (!place) return refuse('forbidden', 'picker.outside_places', { path: dir }, { field: 'dir', value: dir });
  if (!(await statOrNull(real))?.isDirectory()) {
    return refuse('invalid_input', 'picker.not_folder', { path: dir }, { field: 'dir', value: dir });
  }
  let dirents: Dirent[];
  try {
    dirents = await fs.readdir(real, { withFileTypes: true });
  } catch (error) {
    return refuse(
      'file_io',
      'picker.cannot_read',
      { path: real, detail: (error as Error).message },
      { field: 'dir', value: dir },
    );
  }
  const names = new Set(dirents.map((d) => d.name));
  const offered = dirents.filter((d) => shown(d.name, names));
  const entries = (await Promise.all(offered.map((d) => entryOf(real, d, roots))))
    .filter((e): e is PickerEntry => e !== null)
    .sort(byName);
  return ok({
    dir: real,
    place,
    parent: real === place ? null : path.dirname(real),
    entries: entries.slice(0, MAX_ENTRIES),
    truncated: entries.length > MAX_ENTRIES,
  });
}
