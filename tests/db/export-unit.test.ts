/**
 * Exports as one unit (issue 12 item 7): `result.export` writes the JSON, the CSV and its audit row
 * together. Before, an export to a full stick left a partial `.tmp`, and the JSON could be in place
 * while the CSV failed and the export's audit row rolled back. Each failure point is reproduced
 * for real: a full stick (a 64 KiB tmpfs filled up), an audit row the file refuses (a trigger), a
 * rename that fails (the CSV's target is a folder).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rawDb, tempDir } from './helpers.js';
import { countedCongress, exported } from './result-setup.js';

const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
});

/** A USB stick with no room left: a 64 KiB tmpfs, filled. */
function fullStick(): string {
  const stick = path.join(tempDir(), 'stick');
  fs.mkdirSync(stick);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', stick]);
  mounts.push(stick);
  try {
    fs.writeFileSync(path.join(stick, 'filler'), Buffer.alloc(1024 * 1024));
  } catch {
    // ENOSPC: full, as wanted
  }
  return stick;
}

const temps = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

async function closedRound() {
  const e = await countedCongress();
  await e.call('rounds.close', { roundId: e.roundId });
  return e;
}

async function exportRows(e: Awaited<ReturnType<typeof closedRound>>) {
  const rows = await e.call('audit.list', { limit: 100, beforeId: null });
  return rows.map((r) => r.action).filter((a) => a.startsWith('result.export'));
}

describe('result.export writes its files and its audit row as one unit', () => {
  it.skipIf(!isRoot)(
    'an export to a full stick fails naming the JSON, leaves no .tmp and no file, and records no export',
    async () => {
      const e = await closedRound();
      const stick = fullStick();
      const out = path.join(stick, 'result.json');
      const error = await e.failure('result.export', { path: out, csvPath: path.join(stick, 'result.csv') });
      expect(error).toMatchObject({ code: 'file_io', reason: 'file.cannot_write', field: 'path', value: out });
      expect(error.message).toMatch(/ENOSPC/);
      expect(fs.readdirSync(stick)).toEqual(['filler']);
      expect(await exportRows(e)).toEqual([]);
    },
  );

  it.skipIf(!isRoot)(
    'the JSON written but the CSV on a full stick: neither file is left, no .tmp, no export recorded',
    async () => {
      const e = await closedRound();
      const stick = fullStick();
      const out = path.join(e.dir, 'result.json');
      const csv = path.join(stick, 'result.csv');
      const error = await e.failure('result.export', { path: out, csvPath: csv });
      expect(error).toMatchObject({ reason: 'file.cannot_write', field: 'csvPath', value: csv });
      expect(fs.existsSync(out)).toBe(false);
      expect(temps(e.dir)).toEqual([]);
      expect(fs.readdirSync(stick)).toEqual(['filler']);
      expect(await exportRows(e)).toEqual([]);
    },
  );

  it('the audit row refused by the file (a trigger): both staged files are removed and nothing is in place', async () => {
    const e = await closedRound();
    const raw = rawDb(e.path);
    raw.exec(`CREATE TRIGGER refuse_export BEFORE INSERT ON audit_log WHEN NEW.action = 'result.export'
              BEGIN SELECT RAISE(ABORT, 'the disk refused the audit row'); END`);
    const out = path.join(e.dir, 'result.json');
    const csv = path.join(e.dir, 'result.csv');
    const error = await e.failure('result.export', { path: out, csvPath: csv });
    expect(error.code).toBe('internal');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(csv)).toBe(false);
    expect(temps(e.dir)).toEqual([]);
    expect(await exportRows(e)).toEqual([]);
    // Once the file takes the row again, the same export lands whole.
    raw.exec('DROP TRIGGER refuse_export');
    raw.close();
    await e.call('result.export', { path: out, csvPath: csv });
    expect(fs.existsSync(out) && fs.existsSync(csv)).toBe(true);
    expect(temps(e.dir)).toEqual([]);
    expect(await exportRows(e)).toEqual(['result.export']);
  });

  it('the second rename fails (the CSV target is a folder): the JSON already in place is removed, no .tmp, and the log records the export withdrawn', async () => {
    const e = await closedRound();
    const out = path.join(e.dir, 'result.json');
    const csv = path.join(e.dir, 'a-folder.csv');
    fs.mkdirSync(csv);
    fs.writeFileSync(path.join(csv, 'inside.txt'), 'x');
    const error = await e.failure('result.export', { path: out, csvPath: csv });
    expect(error).toMatchObject({ code: 'file_io', reason: 'file.cannot_write', field: 'csvPath', value: csv });
    expect(fs.existsSync(out)).toBe(false);
    expect(temps(e.dir)).toEqual([]);
    const [withdrawn, recorded] = await e.call('audit.list', { limit: 2, beforeId: null });
    expect(recorded!.action).toBe('result.export');
    expect(withdrawn!.action).toBe('result.export.withdrawn');
    expect(JSON.parse(withdrawn!.payload)).toMatchObject({ targets: [out, csv], failed: csv });
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('a good export leaves exactly its two files, no .tmp', async () => {
    const e = await exported();
    expect(temps(e.dir)).toEqual([]);
    expect(fs.existsSync(e.out) && fs.existsSync(e.csv)).toBe(true);
  });
});

describe('other files written through a temporary name', () => {
  it.skipIf(!isRoot)('result.districtExport to a full stick leaves no partial .tmp', async () => {
    const e = await exported();
    const stick = fullStick();
    const out = path.join(stick, '汇总.xlsx');
    const error = await e.failure('result.districtExport', { paths: [e.out], fingerprint: null, out });
    expect(error).toMatchObject({ reason: 'file.cannot_write', field: 'out' });
    expect(fs.readdirSync(stick)).toEqual(['filler']);
  });

  it.skipIf(!isRoot)('congress.backup to a full stick leaves no partial copy', async () => {
    const e = await exported();
    const stick = fullStick();
    const error = await e.failure('congress.backup', { path: path.join(stick, '备份.congress') });
    expect(error).toMatchObject({ code: 'file_io', reason: 'backup.failed' });
    expect(fs.readdirSync(stick)).toEqual(['filler']);
  });

  it('congress.backup whose audit row the file refuses (a trigger) leaves no copy and no .tmp', async () => {
    const e = await exported();
    const usb = tempDir();
    const raw = rawDb(e.path);
    raw.exec(`CREATE TRIGGER refuse_backup BEFORE INSERT ON audit_log WHEN NEW.action = 'congress.backup'
              BEGIN SELECT RAISE(ABORT, 'the disk refused the audit row'); END`);
    raw.close();
    const error = await e.failure('congress.backup', { path: path.join(usb, '备份.congress') });
    expect(error.code).toBe('internal');
    expect(fs.readdirSync(usb)).toEqual([]);
  });
});
