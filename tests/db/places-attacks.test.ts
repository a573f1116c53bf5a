/**
 * Issue 12, the last target of item 1: "No call writes a file … outside the places the user
 * picked." A script holding the loopback token, as the secretariat signed in, aims every call that
 * writes a file at a folder nobody picked; the real dispatcher refuses it (`file.not_picked`, the
 * field and the path named) before anything is written. A place the trusted side adds
 * (`addPlace`, after its own dialog) is written into as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellContract } from '../../core/contract/shell.js';
import { channels, contract } from '../../core/contract.js';
import { filePath } from '../../core/model/fields.js';
import { election } from './election-setup.js';
import { makeBackend, tempDir } from './helpers.js';
import { signedIn, withOperators } from './operators-setup.js';

/**
 * A congress as the app makes one: in the documents folder, the only place besides the data
 * folder; counted, closed and exported there (before operators, so no PIN is asked), then one
 * operator per role and the secretariat signed in. `outside` is a folder nobody picked.
 */
async function picked() {
  const dir = tempDir();
  const documents = path.join(dir, 'documents');
  fs.mkdirSync(documents);
  const tb = makeBackend(dir, { documentsDir: documents, places: [] });
  const e = await election({ voters: 10, seats: 2 }, { ...tb, dir: documents });
  await e.open();
  for (const m of ['oox-', 'oox-', 'oox-', 'oox-', 'oxo-', 'oxo-', 'oxo-', 'xoo-', 'xoo-', 'xoo-']) await e.enter(m);
  await e.call('rounds.close', { roundId: e.roundId });
  const result = path.join(documents, 'result.json');
  await e.call('result.export', { path: result, csvPath: null });
  const copy = path.join(documents, 'copy.congress');
  await e.call('congress.backup', { path: copy });
  const ids = await withOperators(e);
  const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
  const outside = tempDir();
  return { ...e, documents, result, copy, ids, secretariat, outside };
}
type Picked = Awaited<ReturnType<typeof picked>>;

/** Each call of the attack, aimed at a file in `target`'s folder (a file path, or a folder for backupDir). */
const ATTACKS: { channel: string; field: string; input: (p: Picked, target: string) => unknown }[] = [
  { channel: 'result.export', field: 'path', input: (_p, t) => ({ path: t, csvPath: null }) },
  {
    channel: 'result.export',
    field: 'csvPath',
    input: (p, t) => ({ path: path.join(p.documents, 'again.json'), csvPath: t }),
  },
  { channel: 'congress.backup', field: 'path', input: (_p, t) => ({ path: t }) },
  {
    channel: 'result.districtExport',
    field: 'out',
    input: (p, t) => ({ paths: [p.result], fingerprint: null, out: t }),
  },
  { channel: 'keys.enrol', field: 'out', input: (_p, t) => ({ township: '青山镇', out: t }) },
  { channel: 'congress.updateSettings', field: 'backupDir', input: (_p, t) => ({ backupDir: path.dirname(t) }) },
  { channel: 'backups.restore', field: 'path', input: (p, t) => ({ backupPath: p.copy, path: t }) },
  {
    channel: 'congress.create',
    field: 'path',
    input: (_p, t) => ({ name: '另一个大会', date: '2026-03-21', venue: '别处', path: t }),
  },
];

const files = (dir: string) => fs.readdirSync(dir);

describe('issue 12: no call writes outside the places the user picked', () => {
  for (const attack of ATTACKS) {
    it(`attack: signed in as the secretariat, ${attack.channel} {${attack.field}: "<a folder nobody picked>/anywhere"} is refused file.not_picked, nothing written there`, async () => {
      const p = await picked();
      const target = path.join(p.outside, 'anywhere.json');
      const r = await p.backend.invoke(attack.channel, attack.input(p, target), p.secretariat);
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', reason: 'file.not_picked', field: attack.field },
      });
      if (!r.ok) {
        const aimed = attack.field === 'backupDir' ? p.outside : target;
        expect(r.error.value).toBe(aimed);
        expect(r.error.message).toContain(aimed);
      }
      expect(files(p.outside)).toEqual([]);
      // Still the same congress, open: the refusal came before any handler ran.
      const still = await p.call('congress.get', {}, p.secretariat);
      expect(still.path).toBe(path.join(p.documents, 'test.congress'));
      expect(still.congress.settings.backupDir).toBeNull();
    });
  }

  it('attack: result.export to a folder nobody picked is refused before the chief scrutineer is asked for a PIN', async () => {
    const p = await picked();
    // No confirmation in the context: a target inside the places gets chief_required instead.
    const outside = await p.backend.invoke(
      'result.export',
      { path: path.join(p.outside, 'r.json'), csvPath: null },
      p.secretariat,
    );
    expect(outside).toMatchObject({ ok: false, error: { reason: 'file.not_picked' } });
    const inside = await p.backend.invoke(
      'result.export',
      { path: path.join(p.documents, 'r.json'), csvPath: null },
      p.secretariat,
    );
    expect(inside).toMatchObject({ ok: false, error: { code: 'chief_required' } });
  });

  it('attack: documents/../elsewhere and a symlink in the documents folder pointing outside are refused', async () => {
    const p = await picked();
    const climbed = path.join(p.documents, '..', path.basename(p.outside), 'x.xlsx');
    fs.symlinkSync(p.outside, path.join(p.documents, 'stick'));
    for (const out of [
      `${p.documents}/../${path.basename(p.outside)}/x.xlsx`,
      climbed,
      `${p.documents}/stick/x.xlsx`,
    ]) {
      const r = await p.backend.invoke(
        'result.districtExport',
        { paths: [p.result], fingerprint: null, out },
        p.secretariat,
      );
      expect(r).toMatchObject({ ok: false, error: { reason: 'file.not_picked', field: 'out', value: out } });
    }
    expect(files(p.outside)).toEqual([]);
  });

  it('a folder the trusted side adds after its own dialog (addPlace) is written into; places() names it', async () => {
    const p = await picked();
    p.backend.addPlace(p.outside);
    const out = path.join(p.outside, '汇总.xlsx');
    const r = await p.backend.invoke(
      'result.districtExport',
      { paths: [p.result], fingerprint: null, out },
      p.secretariat,
    );
    expect(r.ok).toBe(true);
    expect(files(p.outside)).toEqual(['汇总.xlsx']);
    expect(await p.backend.places()).toContain(p.outside);
  });

  it('places(): the documents and data folders, the open congress’s folder and the backup folder of its settings', async () => {
    const p = await picked();
    const stick = path.join(p.documents, 'stick');
    fs.mkdirSync(stick);
    await p.call('congress.updateSettings', { backupDir: stick }, p.secretariat);
    expect(await p.backend.places()).toEqual([p.documents, p.dataDir, stick]);
    // The congress's own folder is the documents folder here: named once.
    await p.call('congress.close', {}, p.secretariat);
    expect(await p.backend.places()).toEqual([p.documents, p.dataDir]);
  });

  it('a congress opened from a folder makes that folder a place: its backup goes beside it', async () => {
    const p = await picked();
    const elsewhere = tempDir();
    const moved = path.join(elsewhere, 'moved.congress');
    fs.copyFileSync(p.copy, moved);
    await p.call('congress.close', {}, p.secretariat);
    const tb = makeBackend(tempDir(), { places: [] });
    // The copy is from before the operators: its gate is open.
    await tb.call('congress.open', { path: moved });
    await tb.call('congress.backup', { path: path.join(elsewhere, 'moved-备份.congress') });
    expect(files(elsewhere)).toContain('moved-备份.congress');
  });
});

/** The input fields of a schema that are absolute paths (core/model/fields.ts `filePath`), lists of them included. */
function pathFields(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape) return [];
  return Object.entries(shape)
    .filter(([, field]) => isPath(field))
    .map(([name]) => name);
}
function isPath(field: unknown): boolean {
  let s = field as { unwrap?: () => unknown; element?: unknown } | undefined;
  for (let i = 0; i < 5 && s && s !== filePath; i++) s = (s.unwrap?.() ?? s.element) as typeof s;
  return s === filePath;
}

/** The path fields that name a file to read, not to write: spelled once, here. */
const READS: Record<string, string[]> = {
  'congress.open': ['path'],
  'backups.restore': ['backupPath'],
  'result.verify': ['path'],
  'result.district': ['paths'],
  'result.districtExport': ['paths'],
  'district.keys.import': ['path'],
  // Issue 13: scanned files are read (their images are stored beside the congress, by hash).
  'scan.addFiles': ['paths'],
  'scan.inbox': ['folder'],
};

describe('the contract declares every file a call writes (`writes`)', () => {
  it('every path field of every channel is either a declared write target or a file it reads (READS)', () => {
    const undeclared: string[] = [];
    for (const channel of channels) {
      const writes = (contract[channel] as { writes?: Record<string, string> }).writes ?? {};
      for (const field of pathFields(contract[channel].input)) {
        if (!(field in writes) && !(READS[channel] ?? []).includes(field)) undeclared.push(`${channel}.${field}`);
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('every declared write target is a field of the input, and the writers are the known ones', () => {
    const declared: string[] = [];
    for (const channel of channels) {
      const writes = (contract[channel] as { writes?: Record<string, string> }).writes ?? {};
      const fields = Object.keys((contract[channel].input as unknown as { shape: object }).shape ?? {});
      for (const field of Object.keys(writes)) {
        expect(fields, `${channel}.${field}`).toContain(field);
        declared.push(`${channel}.${field}`);
      }
    }
    expect(declared).toEqual(
      expect.arrayContaining([
        'congress.create.path',
        'congress.backup.path',
        'congress.updateSettings.backupDir',
        'backups.restore.path',
        'result.export.path',
        'result.export.csvPath',
        'result.districtExport.out',
        'keys.enrol.out',
      ]),
    );
    expect((shellContract['shell.print'] as { writes?: object }).writes).toEqual({ pdfPath: 'file' });
  });
});
