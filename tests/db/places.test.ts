/**
 * db/places.ts (issue 12: "No call writes a file … outside the places the user picked"): a
 * target is allowed only when the folder it really lands in is a place or inside one, whatever
 * the spelling (`..`), a symlink out of a place, a name that merely starts like a place, or case.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedIn, distinctPlaces, folderOf, PickedPlaces, realPath, within } from '../../db/places.js';
import { tempDir } from './helpers.js';

/** A place with a subfolder, and a folder outside it. */
function tree() {
  const root = tempDir();
  const place = path.join(root, 'place');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(place, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  return { root, place, outside };
}

describe('places: where a write may land', () => {
  it('allows a file in a place, in a subfolder of it, and in a subfolder not made yet', () => {
    const { place } = tree();
    expect(allowedIn([place], path.join(place, 'result.json'), 'file')).toBe(true);
    expect(allowedIn([place], path.join(place, 'sub', 'result.json'), 'file')).toBe(true);
    expect(allowedIn([place], path.join(place, 'new', 'deeper', 'result.json'), 'file')).toBe(true);
    expect(allowedIn([place], place, 'folder')).toBe(true);
    expect(allowedIn([place], path.join(place, 'sub'), 'folder')).toBe(true);
  });

  it('refuses a file outside every place, and the folder above a place', () => {
    const { root, place, outside } = tree();
    expect(allowedIn([place], path.join(outside, 'anywhere.json'), 'file')).toBe(false);
    expect(allowedIn([place], path.join(root, 'x.json'), 'file')).toBe(false);
    expect(allowedIn([place], root, 'folder')).toBe(false);
    expect(allowedIn([], path.join(place, 'x.json'), 'file')).toBe(false);
    expect(allowedIn([place], '/etc/cron.d/x', 'file')).toBe(false);
  });

  it('attack: place/../outside/x.json climbs out with ".." and is refused', () => {
    const { place } = tree();
    expect(allowedIn([place], `${place}/../outside/x.json`, 'file')).toBe(false);
    expect(allowedIn([place], `${place}/sub/../../outside`, 'folder')).toBe(false);
    // ".." that stays inside is still inside.
    expect(allowedIn([place], `${place}/sub/../x.json`, 'file')).toBe(true);
    // A name that merely starts with two dots is a folder of the place, not its parent.
    expect(allowedIn([place], path.join(place, '..hidden', 'x.json'), 'file')).toBe(true);
  });

  it('attack: the prefix trick, /…/place-b next to the place /…/place, is refused', () => {
    const { root, place } = tree();
    fs.mkdirSync(`${place}b`);
    expect(allowedIn([place], path.join(`${place}b`, 'x.json'), 'file')).toBe(false);
    expect(allowedIn([place], `${place}b`, 'folder')).toBe(false);
    expect(within(path.join(root, 'ab'), path.join(root, 'a'))).toBe(false);
    expect(within(path.join(root, 'a', 'b'), path.join(root, 'a'))).toBe(true);
  });

  it('attack: a symlink inside a place that points outside is followed and refused', () => {
    const { place, outside } = tree();
    fs.symlinkSync(outside, path.join(place, 'stick'));
    expect(allowedIn([place], path.join(place, 'stick', 'x.json'), 'file')).toBe(false);
    expect(allowedIn([place], path.join(place, 'stick'), 'folder')).toBe(false);
    expect(allowedIn([place], path.join(place, 'stick', 'not-yet', 'x.json'), 'file')).toBe(false);
  });

  it('attack: a file in a place that is a symlink to a file outside is refused (a write follows it)', () => {
    const { place, outside } = tree();
    const victim = path.join(outside, '.bashrc');
    fs.writeFileSync(victim, 'echo hi\n');
    fs.symlinkSync(victim, path.join(place, 'form.pdf'));
    expect(allowedIn([place], path.join(place, 'form.pdf'), 'file')).toBe(false);
    // Dangling: where a write would land is not known in advance.
    fs.symlinkSync(path.join(outside, 'new.pdf'), path.join(place, 'dangling.pdf'));
    expect(realPath(path.join(place, 'dangling.pdf'))).toBeNull();
    expect(allowedIn([place], path.join(place, 'dangling.pdf'), 'file')).toBe(false);
  });

  it('a place reached through a symlink is the folder it points to: both spellings are allowed', () => {
    const { root, place } = tree();
    const alias = path.join(root, 'documents-link');
    fs.symlinkSync(place, alias);
    expect(allowedIn([alias], path.join(place, 'x.json'), 'file')).toBe(true);
    expect(allowedIn([place], path.join(alias, 'sub', 'x.json'), 'file')).toBe(true);
    expect(folderOf(path.join(alias, 'x.json'), 'file')).toBe(fs.realpathSync(place));
  });

  it('case: on a file system that tells case apart, /…/Place is another folder than /…/place', () => {
    const { root, place } = tree();
    const upper = path.join(root, 'PLACE');
    fs.mkdirSync(upper);
    // Linux here (the CI): two folders. Windows and a Mac fold case, so there it is the same folder.
    const folds = process.platform === 'win32' || process.platform === 'darwin';
    expect(allowedIn([place], path.join(upper, 'x.json'), 'file')).toBe(folds);
  });

  it('property: a target built from a place and any path segments is allowed exactly when it lands inside', () => {
    const { place } = tree();
    const segment = fc.constantFrom('a', 'sub', '..', '.', 'place', 'placeb', 'outside');
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        // Where the folder is, counted from the place's parent (a temp folder no segment names).
        let at: string[] | null = ['place'];
        for (const s of segments) {
          if (at === null || s === '.') continue;
          if (s === '..') at = at.length === 0 ? null : at.slice(0, -1);
          else at = [...at, s];
        }
        const target = [place, ...segments, 'x.json'].join('/');
        expect(allowedIn([place], target, 'file')).toBe(at !== null && at[0] === 'place');
      }),
    );
  });

  it('distinctPlaces: absolute, each once, nulls dropped', () => {
    expect(distinctPlaces(['/a/b', null, '/a/b/', '/a/./b', undefined, '/c'])).toEqual(['/a/b', '/c']);
  });

  it('PickedPlaces takes only absolute folders', () => {
    const picked = new PickedPlaces();
    picked.add('/media/user/STICK');
    expect(() => picked.add('relative/folder')).toThrow();
    expect(picked.list()).toEqual(['/media/user/STICK']);
  });
});
