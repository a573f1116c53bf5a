/**
 * The browser's picker lists only inside the places (issue 15 item 4, issue 12 "outside the
 * places the user picked"): a real folder tree in a temp folder, with the escapes a script
 * holding the loopback token would try — `..`, a symlink out of a place, a sibling whose name
 * starts like the place's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listPlaces, MAX_ENTRIES, type PlacesListing } from '../../electron/host/picker.js';

let root: string;
let place: string;
let secret: string;

beforeEach(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'congress-picker-')));
  place = path.join(root, 'a');
  secret = path.join(root, 'ab');
  fs.mkdirSync(path.join(place, 'U盘', '备份'), { recursive: true });
  fs.mkdirSync(secret);
  fs.writeFileSync(path.join(secret, 'id_rsa'), 'PRIVATE');
  fs.writeFileSync(path.join(place, '青山镇.congress'), 'SQLite format 3\0');
  for (const s of ['-wal', '-shm', '-journal', '-lock']) fs.writeFileSync(path.join(place, `青山镇.congress${s}`), '');
  fs.writeFileSync(path.join(place, '结果.json'), '{"a":1}');
  fs.writeFileSync(path.join(place, 'notes-wal'), 'a file of its own: no notes beside it');
  fs.writeFileSync(path.join(place, '.hidden'), '');
  fs.mkdirSync(path.join(place, '.git'));
  fs.symlinkSync(secret, path.join(place, 'out'));
  fs.symlinkSync(path.join(secret, 'id_rsa'), path.join(place, 'key.json'));
  fs.symlinkSync(path.join(place, 'U盘'), path.join(place, 'stick'));
  fs.symlinkSync(path.join(root, 'nowhere'), path.join(place, 'broken'));
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const listed = async (places: string[], dir: string | null): Promise<PlacesListing> => {
  const r = await listPlaces(places, dir);
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  return r.value;
};
const names = (l: PlacesListing) => l.entries.map((e) => e.name);

describe('the loopback host picker (electron/host/picker.ts)', () => {
  it('dir null lists the places that are there (a stick not plugged in is left out), each at its real path', async () => {
    const l = await listed([place, path.join(root, 'media', 'user'), path.join(place, 'stick')], null);
    expect(l.entries.map((e) => e.path)).toEqual([place, path.join(place, 'U盘')]);
    expect(l.entries.every((e) => e.kind === 'folder')).toBe(true);
    expect(l.dir).toBeNull();
  });

  it('lists a place: folders first, then files with size and time; hidden files, the congress sidecars and links out of the places left out', async () => {
    const l = await listed([place], place);
    // The order within each kind is the zh-CN collation's (ICU's), not asserted here.
    expect(l.entries.map((e) => e.kind)).toEqual(['folder', 'folder', 'file', 'file', 'file']);
    expect(names(l).sort()).toEqual(['U盘', 'notes-wal', 'stick', '结果.json', '青山镇.congress']);
    const result = l.entries.find((e) => e.name === '结果.json')!;
    expect(result).toMatchObject({ kind: 'file', size: 7, path: path.join(place, '结果.json') });
    expect(Number.isNaN(Date.parse(result.modified))).toBe(false);
    expect(l.entries.find((e) => e.name === 'U盘')).toMatchObject({ kind: 'folder', size: null });
    expect(l).toMatchObject({ dir: place, place, parent: null, truncated: false });
  });

  it('a folder inside a place names its parent; the place itself has none (↑ goes back to the places)', async () => {
    const l = await listed([place], path.join(place, 'U盘'));
    expect(names(l)).toEqual(['备份']);
    expect(l.parent).toBe(place);
    expect(l.place).toBe(place);
  });

  it('refuses `/a/..` into the folder above the place, and `/a/../ab` into its sibling, as outside the places', async () => {
    for (const dir of [path.join(place, '..'), `${place}/../ab`, `${place}/U盘/../../ab`, root, '/etc', '/']) {
      const r = await listPlaces([place], dir);
      expect(r, dir).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'picker.outside_places' } });
    }
  });

  it('refuses /tmp/ab while /tmp/a is the place: a name that starts like the place is not inside it', async () => {
    const r = await listPlaces([place], secret);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'dir', value: secret } });
    expect(JSON.stringify(r)).not.toContain('id_rsa');
  });

  it('refuses a symlink out of a place (a/out → ab) though its path is inside the place', async () => {
    const r = await listPlaces([place], path.join(place, 'out'));
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'picker.outside_places' } });
    // A link within the places is followed: a/stick → a/U盘.
    expect(names(await listed([place], path.join(place, 'stick')))).toEqual(['备份']);
  });

  it('a place given through a symlink is the folder it points to', async () => {
    const link = path.join(root, 'docs-link');
    fs.symlinkSync(place, link);
    const l = await listed([link], link);
    expect(l.dir).toBe(place);
    expect(names(await listed([link], path.join(place, 'U盘')))).toEqual(['备份']);
  });

  it('refuses a relative path, a NUL, a missing folder and a file, each by its own reason naming the path', async () => {
    expect(await listPlaces([place], 'a/U盘')).toMatchObject({ ok: false, error: { reason: 'picker.dir_invalid' } });
    expect(await listPlaces([place], `${place}\0/x`)).toMatchObject({
      ok: false,
      error: { reason: 'picker.dir_invalid' },
    });
    const missing = path.join(place, '没有这个');
    expect(await listPlaces([place], missing)).toMatchObject({
      ok: false,
      error: { code: 'not_found', reason: 'picker.not_found', value: missing },
    });
    const file = path.join(place, '结果.json');
    expect(await listPlaces([place], file)).toMatchObject({ ok: false, error: { reason: 'picker.not_folder' } });
    const r = await listPlaces([place], missing);
    expect(!r.ok && r.error.message).toContain(missing);
  });

  it('no places: nothing is listed, and every folder is outside', async () => {
    expect((await listed([], null)).entries).toEqual([]);
    expect(await listPlaces([], place)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it(`a folder of more than ${MAX_ENTRIES} entries is listed in part, and says so`, async () => {
    const many = path.join(place, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i <= MAX_ENTRIES; i++) fs.writeFileSync(path.join(many, `f${i}.json`), '');
    const l = await listed([place], many);
    expect(l.entries).toHaveLength(MAX_ENTRIES);
    expect(l.truncated).toBe(true);
  });
});
