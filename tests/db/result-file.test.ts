/** The installation key, the export of a counted congress and its verification, the published schema. */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { type ResultFile, resultJsonSchema } from '../../core/result-file.js';
import { createCountedDemoCongress } from '../../db/congress/demo-election.js';
import { FileKeyStore, KEY_FILE_NAME } from '../../db/results/installation-key.js';
import { canonicalJson, sha256Hex } from '../../db/results/sign.js';
import { dumpTables, makeBackend, rawDb } from './helpers.js';
import { countedCongress, exported } from './result-setup.js';

describe('the installation key', () => {
  it('is made on first use, readable only by the user, and the same afterwards', async () => {
    const tb = makeBackend();
    const first = await tb.call('keys.info', {});
    expect(first.fingerprint).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    expect(first.protection).toBe('file');
    const file = path.join(tb.dataDir, KEY_FILE_NAME);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(first.publicKey);
    const again = await new FileKeyStore(tb.dataDir).load();
    expect(again.fingerprint).toBe(first.fingerprint);
  });
});

describe('export and verify', () => {
  it('round trip: the exported file verifies, with the figures of the count', async () => {
    const e = await exported();
    const report = await e.call('result.verify', { path: e.out, fingerprint: e.exportOut.fingerprint });
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary).toMatchObject({
      congress: { name: '中国共产党测试镇第十五次代表大会' },
      seats: 2,
      elected: 2,
      contentHash: e.exportOut.contentHash,
    });
    expect(report.summary!.contests[0]!.elected).toEqual(['田富', '田大利']);
    // Canonical JSON on disk, and the hash the forms print is the content's.
    const file = JSON.parse(e.text) as ResultFile;
    expect(canonicalJson(file)).toBe(e.text);
    expect(sha256Hex(canonicalJson(file.content))).toBe(file.contentHash);
    expect(file.content.contests[0]!.rounds[0]!.ballots).toHaveLength(11);
    expect(e.text).not.toContain('代表1"'); // no voter names: the roster is not in the file
    // The audit head in the file is the chain before the export's own row, which names it.
    const [last] = await e.call('audit.list', { limit: 1, beforeId: null });
    expect(last!.action).toBe('result.export');
    expect(last!.prevHash).toBe(file.audit.head);
    expect(last!.payload).toContain(file.contentHash);
    // The CSV for spreadsheets.
    const csv = fs.readFileSync(e.csv, 'utf8');
    expect(csv.startsWith('\uFEFF选举,轮次,姓名,赞成')).toBe(true);
    expect(csv).toContain('党委委员,1,田富,7,');
    expect(csv).toContain('赵六(另选)');
  });

  it('result.status gives the same hash before the export and names contests still open', async () => {
    const e = await countedCongress();
    const before = await e.call('result.status', {});
    expect(before.ready).toBe(false);
    expect(before.open.map((c) => c.title)).toEqual(['党委委员']);
    const error = await e.failure('result.export', { path: path.join(e.dir, 'x.json'), csvPath: null });
    expect(error).toMatchObject({ reason: 'results.contests_open', params: { contests: '党委委员' } });
    expect(fs.existsSync(path.join(e.dir, 'x.json'))).toBe(false);
  });

  it('refuses to sign a file whose audit log was edited behind the app', async () => {
    const e = await countedCongress();
    await e.call('rounds.close', { roundId: e.roundId });
    await e.call('congress.close', {});
    const raw = rawDb(e.path);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET payload = json_set(payload, '$.badge', '999') WHERE id = 3").run();
    raw.close();
    await e.call('congress.open', { path: e.path });
    const error = await e.failure('result.export', { path: path.join(e.dir, 'r.json'), csvPath: null });
    expect(error).toMatchObject({ reason: 'results.audit_broken', params: { id: 3 } });
    expect(fs.existsSync(path.join(e.dir, 'r.json'))).toBe(false);
  });

  it('writes atomically: a failed write leaves no file and no audit row', async () => {
    const e = await exported();
    const before = dumpTables(e.path);
    const error = await e.failure('result.export', { path: path.join(e.dir, 'missing', 'r.json'), csvPath: null });
    expect(error.code).toBe('file_io');
    expect(dumpTables(e.path)).toEqual(before);
    expect(fs.readdirSync(e.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the published format', () => {
  it('docs/result-file.schema.json is the schema the app uses, and an exported file validates against it', async () => {
    const committed = JSON.parse(
      fs.readFileSync(new URL('../../docs/result-file.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(resultJsonSchema())));
    const e = await exported();
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(committed);
    expect(validate(JSON.parse(e.text)), JSON.stringify(validate.errors)).toBe(true);
    const broken = JSON.parse(e.text) as ResultFile;
    (broken.content.contests[0]!.rounds[0]!.ballots[0] as { marks: string }).marks = 'ooq-';
    expect(validate(broken)).toBe(false);
  });
});

describe('the demo congress counted to the end', () => {
  it('exports a signed file that verifies, with the oath, the pledges and both contests', async () => {
    const tb = makeBackend();
    const file = path.join(tb.dir, 'demo.congress');
    // Each round the builder closes is followed by a checkpoint signed with this laptop's key.
    const built = createCountedDemoCongress(file, { key: await new FileKeyStore(tb.dataDir).load() });
    expect(built.ok).toBe(true);
    await tb.call('congress.open', { path: file });
    const out = path.join(tb.dir, 'demo-result.json');
    const exported = await tb.call('result.export', { path: out, csvPath: null });
    const report = await tb.call('result.verify', { path: out, fingerprint: exported.fingerprint });
    expect(report.failures).toEqual([]);
    const s = report.summary!;
    expect(s.contests.map((c) => [c.title, c.seats, c.elected.length])).toEqual([
      ['党委委员', 7, 7],
      ['纪委委员', 3, 3],
    ]);
    expect(s.meetings.at(-1)!.oathParticipants).toBeGreaterThan(100);
    expect(s.pledges.signed).toBe(s.pledges.due - 3);
    // Version 2: each contest states the convention it was counted with, each meeting its electorate.
    expect(s.formatVersion).toBe(2);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    expect(written.formatVersion).toBe(2);
    for (const c of written.content.contests) expect(c.marking).toEqual(written.content.congress.settings.marking);
    expect(written.content.meetings.every((m) => m.electorate.kind === 'delegates')).toBe(true);
    expect(written.content.congress.settings.tieRevoteNeedsMajority).toBe(false);
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
