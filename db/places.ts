/**
 * The places a call may write into (issue 12: "No call writes a file … outside the places the
 * user picked"). A place is a folder: the documents folder (the dialogs' default), the app's data
 * folder, the folder of the open congress, the backup folder saved in its settings, the extra roots
 * the host was started with (`--places`), and every folder the user picked through a dialog or
 * picker in this run. Only the trusted side adds one (Electron main after its own dialog, the
 * loopback host after its own picker, the CLI for its arguments): never a call of the contract.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WriteTarget } from '../core/contract/spec.js';

/** Where a name is the same whatever its case (Windows, a Mac's default volume). */
const FOLDS_CASE = process.platform === 'win32' || process.platform === 'darwin';
const key = (p: string) => (FOLDS_CASE ? p.normalize('NFC').toLowerCase() : p);

const isLink = (p: string) => {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
};

/**
 * Where a path really is: resolved (so `..` is gone), its longest existing part through
 * `realpath` (so a symlink, the file's own included, is followed to where it points), the missing
 * rest appended: a folder not made yet is where it will be once made. Null for a dangling link,
 * which a write would follow to a place nobody can name in advance.
 */
export function realPath(target: string): string | null {
  let existing = path.resolve(target);
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(existing), ...rest);
    } catch {
      if (isLink(existing)) return null;
      const parent = path.dirname(existing);
      if (parent === existing) return path.join(existing, ...rest);
      rest.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** The real folder a write of `target` goes into: the file's folder, or the folder itself; null when unknowable. */
export function folderOf(target: string, kind: WriteTarget): string | null {
  const real = realPath(target);
  if (real === null) return null;
  return kind === 'file' ? path.dirname(real) : real;
}

/** Whether `folder` is `place` or inside it, component by component (`/tmp/ab` is not inside `/tmp/a`). */
export function within(folder: string, place: string): boolean {
  const relative = path.relative(key(place), key(folder));
  const up = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !up && !path.isAbsolute(relative);
}

/** Whether a write of `target` stays in one of `places`, each taken at its real path too. */
export function allowedIn(places: readonly string[], target: string, kind: WriteTarget): boolean {
  const folder = folderOf(target, kind);
  if (folder === null) return false;
  return places.some((place) => {
    const real = realPath(place);
    return real !== null && within(folder, real);
  });
}

/** Absolute, each once, in the order first given. */
export function distinctPlaces(places: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of places) {
    if (!p) continue;
    const absolute = path.resolve(p);
    if (seen.has(key(absolute))) continue;
    seen.add(key(absolute));
    out.push(absolute);
  }
  return out;
}

/** The folders picked in this run of the app, added only by the trusted side. */
export class PickedPlaces {
  private readonly folders: string[] = [];

  add(folder: string): void {
    if (!path.isAbsolute(folder)) throw new Error(`places: not an absolute folder: ${folder}`);
    this.folders.push(path.resolve(folder));
  }

  list(): string[] {
    return [...this.folders];
  }
}
