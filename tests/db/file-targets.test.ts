/**
 * Issue 12, item 1: "No call writes a file over a congress file, the open one or any `*.congress`."
 * Each file-writing channel is aimed at the open congress, its sidecars, another congress and a
 * renamed SQLite file; the refusal names the field and the path, and the congress is untouched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../core/contract.js';
import { congressInput, makeBackend, tempDir } from './helpers.js';
import { exported } from './result-setup.js';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const head = (file: string) => fs.readFileSync(file).subarray(0, 16);

type Setup = Awaited<ReturnType<typeof exported>> & { copy: string };

/** A counted, exported congress, open, with a backup copy in another folder (for restore). */
async function counted(): Promise<Setup> {
  const e = await exported();
  const copy = path.join(tempDir(), 'copy.congress');
  await e.call('congress.backup', { path: copy });
  return { ...e, copy };
}

/** The channels that write a file the caller names, the field that names it, and the call aimed at `target`. */
const WRITERS: { channel: Channel; field: string; input: (e: Setup, target: string) => unknown }[] = [
  { channel: 'result.export', field: 'path', input: (_e, target) => ({ path: target, csvPath: null }) },
  {
    channel: 'result.export',
    field: 'csvPath',
    input: (e, target) => ({ path: path.join(e.dir, 'again.json'), csvPath: target }),
  },
  {
    channel: 'result.districtExport',
    field: 'out',
    input: (e, target) => ({ paths: [e.out], fingerprint: null, out: target }),
  },
  { channel: 'congress.backup', field: 'path', input: (_e, target) => ({ path: target }) },
  { channel: 'congress.create', field: 'path', input: (e, target) => ({ ...congressInput(e.dir), path: target }) },
  { channel: 'backups.restore', field: 'path', input: (e, target) => ({ backupPath: e.copy, path: target }) },
];

/** What each channel may not write: the open file's sidecars for every one, more for an export. */
const SIDECAR_TARGETS = [
  { what: 'the -wal of the open congress', target: (e: Setup) => `${e.path}-wal` },
  { what: 'the -shm of the open congress', target: (e: Setup) => `${e.path}-shm` },
  { what: 'the -journal of the open congress (no such file in WAL mode)', target: (e: Setup) => `${e.path}-journal` },
  { what: 'the -wal of another congress', target: (e: Setup) => `${e.copy}-wal` },
  {
    what: 'the -lock of the open congress (its one-writer lock, db/file-lock.ts)',
    target: (e: Setup) => `${e.path}-lock`,
  },
];
const EXPORT_TARGETS = [
  { what: 'the open congress file itself', target: (e: Setup) => e.path },
  {
    what: 'the open congress through another spelling of its path',
    target: (e: Setup) => path.join(e.dir, '.', 'x', '..', path.basename(e.path)),
  },
  {
    what: 'a .congress path in another folder that does not exist yet',
    target: () => path.join(tempDir(), 'new.congress'),
  },
  { what: 'a .CONGRESS path (upper case)', target: () => path.join(tempDir(), 'NEW.CONGRESS') },
  {
    what: 'an existing SQLite file renamed to look like a workbook',
    target: (e: Setup) => {
      const renamed = path.join(tempDir(), 'book.xlsx');
      fs.copyFileSync(e.copy, renamed);
      return renamed;
    },
  },
];
const EXPORTS = WRITERS.filter((w) => w.channel === 'result.export' || w.channel === 'result.districtExport');

/** A file as a refused write must leave it: absent, or the same inode and size. */
function fileAt(file: string) {
  if (!fs.existsSync(file)) return null;
  const st = fs.statSync(file);
  return { ino: st.ino, size: st.size };
}

/** The sidecars as they were, so that a refusal is seen to leave them alone (same inode and size). */
function sidecars(file: string) {
  return ['-wal', '-shm'].map((s) => fileAt(file + s));
}

async function expectUntouched(e: Setup, hash: string, before: ReturnType<typeof sidecars>) {
  expect(sidecars(e.path)).toEqual(before);
  expect(head(e.path).equals(SQLITE_MAGIC)).toBe(true);
  // The congress reopens with the same counted result: its rows are intact.
  await e.call('congress.close', {});
  await e.call('congress.open', { path: e.path });
  expect((await e.call('result.status', {})).contentHash).toBe(hash);
}

describe('no call writes over a congress file', () => {
  it('the reported attack: result.districtExport with out = the open congress is refused, the congress still opens intact', async () => {
    const e = await counted();
    const { contentHash } = await e.call('result.status', {});
    const before = sidecars(e.path);
    const error = await e.failure('result.districtExport', { paths: [e.out], fingerprint: null, out: e.path });
    expect(error).toMatchObject({
      reason: 'file.over_congress',
      field: 'out',
      value: e.path,
      params: { path: e.path },
    });
    expect(error.message).toContain(e.path);
    await expectUntouched(e, contentHash, before);
    // A write after the refusal lands in the congress itself, not an unlinked file.
    await e.call('meetings.create', { name: '第二次全体会议', date: '2026-03-21' });
    await e.call('congress.close', {});
    await e.call('congress.open', { path: e.path });
    expect((await e.call('meetings.list', {})).map((m) => m.name)).toContain('第二次全体会议');
  });

  // Every writer onto every sidecar, and the exports onto every congress-like file as well.
  const cases = [
    ...WRITERS.flatMap((w) => SIDECAR_TARGETS.map((t) => ({ ...w, ...t }))),
    ...EXPORTS.flatMap((w) => EXPORT_TARGETS.map((t) => ({ ...w, ...t }))),
  ];
  it.each(cases)('$channel ($field) onto $what is refused', async ({ channel, field, input, target }) => {
    const e = await counted();
    const { contentHash } = await e.call('result.status', {});
    const before = sidecars(e.path);
    const aimed = target(e);
    const was = fileAt(aimed);
    const error = await e.failure(channel, input(e, aimed));
    expect(error).toMatchObject({ reason: 'file.over_congress', field, value: aimed });
    // Neither made, nor replaced (a rename shows as another inode), nor written to.
    expect(fileAt(aimed)).toEqual(was);
    await expectUntouched(e, contentHash, before);
  });

  it('a sidecar spelled in another case, beside a congress not named .congress, is refused', async () => {
    const tb = makeBackend();
    const created = await tb.call('congress.create', congressInput(tb.dir, 'Desk.db'));
    const aimed = path.join(tb.dir, 'DESK.DB-WAL');
    const error = await tb.failure('congress.backup', { path: aimed });
    expect(error).toMatchObject({ reason: 'file.over_congress', field: 'path' });
    expect(fs.existsSync(aimed)).toBe(false);
    expect(fs.existsSync(`${created.path}-wal`)).toBe(true);
  });

  it('a harmless-looking name that is a link to the open congress -wal is refused', async () => {
    const e = await counted();
    const link = path.join(tempDir(), 'notes.csv');
    fs.symlinkSync(`${e.path}-wal`, link);
    const error = await e.failure('result.export', { path: path.join(e.dir, 'again.json'), csvPath: link });
    expect(error).toMatchObject({ reason: 'file.over_congress', field: 'csvPath', value: link });
  });

  it('allowed targets are still written: the exports, a backup copy named .congress, a new congress', async () => {
    const e = await counted();
    const free = tempDir();
    const json = path.join(free, 'result.json');
    const csv = path.join(free, 'result.csv');
    await e.call('result.export', { path: json, csvPath: csv });
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).format).toBe('congress-desk-result');
    expect(fs.readFileSync(csv, 'utf8')).toContain('田富');
    // Over a file that is there already but is no database: the export replaces it, as before.
    const xlsx = path.join(free, 'district.xlsx');
    fs.writeFileSync(xlsx, 'an old workbook');
    await e.call('result.districtExport', { paths: [json], fingerprint: null, out: xlsx });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString('latin1')).toBe('PK');
    const copy = path.join(free, 'later.congress');
    await e.call('congress.backup', { path: copy });
    expect(head(copy).equals(SQLITE_MAGIC)).toBe(true);
    const other = path.join(free, 'other.congress');
    await e.call('congress.create', { ...congressInput(free), path: other });
    expect(head(other).equals(SQLITE_MAGIC)).toBe(true);
  });

  it('a restore still replaces the open congress itself (its purpose)', async () => {
    const e = await counted();
    const r = await e.call('backups.restore', { backupPath: e.copy, path: e.path });
    expect(r.path).toBe(e.path);
    expect(r.previousKeptAt).not.toBeNull();
  });
});
