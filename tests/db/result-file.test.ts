import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recheckResult } from '../../core/result-check.js';
import { type ResultFile, type ResultFileV1, resultJsonSchema, upgradeContentV1 } from '../../core/result-file.js';
import { createCountedDemoCongress } from '../../db/demo-election.js';
import { FileKeyStore, fingerprintOfRaw, KEY_FILE_NAME, rawPublicKey } from '../../db/installation-key.js';
import { canonicalJson, sha256Hex, verifyResultText } from '../../db/result-sign.js';
import { dumpTables, makeBackend, rawDb } from './helpers.js';
import { countedCongress, exported, forge } from './result-setup.js';

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
    expect(error.message).toContain('尚有选举未结束:党委委员');
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
    expect(error.message).toContain('第 3 条被改动');
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

describe('tampering is detected, with the right message', () => {
  it('any single byte changed anywhere fails verification', async () => {
    const e = await exported();
    const bytes = Buffer.from(e.text, 'utf8');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (pos, delta) => {
        const changed = Buffer.from(bytes);
        changed[pos] = (changed[pos]! + delta) % 256;
        const report = verifyResultText(changed.toString('utf8'), null);
        expect(report.ok).toBe(false);
        expect(report.failures.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('a ballot changed and the tally "fixed" to match, re-signed with another key: unknown key; with the key: bad signature', async () => {
    const e = await exported();
    const edit = (f: ResultFile) => {
      const round = f.content.contests[0]!.rounds[0]!;
      // 李强 gains a ○ on the first ballot (oox- → ooxo would be three chosen: invalid), so flip 王芳's × instead.
      round.ballots[1]!.marks = 'ooo-';
      round.tally = { ...round.tally, valid: round.tally.valid - 1, invalid: round.tally.invalid + 1 };
    };
    const original = JSON.parse(e.text) as ResultFile;
    const forged = forge(e.text, edit);
    const withKey = verifyResultText(forged, e.exportOut.fingerprint);
    expect(withKey.ok).toBe(false);
    expect(withKey.failures.map((f) => f.kind)).toContain('unknown_key');
    expect(withKey.failures.find((f) => f.kind === 'unknown_key')!.message).toContain(e.exportOut.fingerprint);

    // Without re-signing: the original key no longer signs it.
    const file = JSON.parse(e.text) as ResultFile;
    edit(file);
    file.contentHash = sha256Hex(canonicalJson(file.content));
    const unsigned = verifyResultText(canonicalJson(file), null);
    expect(unsigned.failures.map((f) => f.kind)).toEqual(['bad_signature']);
    expect(original.signature.fingerprint).toBe(e.exportOut.fingerprint);
  });

  it('a ballot changed without fixing the tally: the recount names the contest, candidate, stated and recounted', async () => {
    const e = await exported();
    const forged = forge(e.text, (f) => {
      f.content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-'; // 田大利 loses a vote
    });
    const report = verifyResultText(forged, null);
    const differs = report.failures.filter((f) => f.kind === 'recount_differs');
    expect(differs.find((f) => f.subject === '田大利 赞成')).toMatchObject({
      contest: '党委委员',
      round: 1,
      stated: '6',
      recounted: '5',
    });
  });

  it('an elected name swapped fails the recount', async () => {
    const e = await exported();
    const forged = forge(e.text, (f) => {
      const c = f.content.contests[0]!;
      c.rounds[0]!.decision!.elected[1]!.name = '王芳';
      c.elected[1]!.name = '王芳';
    });
    const report = verifyResultText(forged, null);
    expect(report.ok).toBe(false);
    expect(report.failures.some((f) => f.kind === 'recount_differs' && f.subject === '当选')).toBe(true);
  });

  it('someone at exactly half marked elected fails the recount (rule 5)', async () => {
    const e = await exported();
    const forged = forge(e.text, (f) => {
      const c = f.content.contests[0]!;
      // 王芳 has 5 of 10 present: exactly half is not more than half.
      c.seats = 3;
      c.rounds[0]!.seats = 3;
      c.rounds[0]!.decision!.elected.push({ name: '王芳', votes: 5, candidateId: c.candidates[2]!.id });
      c.rounds[0]!.decision!.unfilled = 0;
    });
    const report = verifyResultText(forged, null);
    const elected = report.failures.find((f) => f.subject === '当选')!;
    expect(elected.stated).toContain('王芳 5');
    expect(elected.recounted).not.toContain('王芳');
  });

  it('a tie at the cut resolved by the app fails the recount (rule 6)', async () => {
    const e = await exported();
    const forged = forge(e.text, (f) => {
      const round = f.content.contests[0]!.rounds[0]!;
      // Ten counted ballots giving 田富 8, 田大利 6, 王芳 6: a tie at the cut for the second seat,
      // which the stated result "resolves" by keeping 田大利 elected.
      round.ballots.forEach((b, i) => {
        if (i > 0) Object.assign(b, { marks: i <= 4 ? 'oox-' : i <= 8 ? 'oxo-' : 'xoo-', writeIns: [] });
      });
    });
    const report = verifyResultText(forged, null);
    expect(report.ok).toBe(false);
    expect(report.failures.find((f) => f.subject === '票数相等')?.recounted).toContain('争 1 名');
  });

  it('a truncated file is malformed, and says so', async () => {
    const e = await exported();
    const report = verifyResultText(e.text.slice(0, Math.floor(e.text.length / 2)), null);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ kind: 'malformed' });
    expect(report.failures[0]!.message).toContain('截断');
    expect(verifyResultText('{"format":"something-else"}', null).failures[0]!.kind).toBe('unknown_format');
    expect(
      verifyResultText('{"format":"congress-desk-result","formatVersion":99}', null).failures[0]!.message,
    ).toContain('99');
  });

  it('attendance out of order (collected > issued on a closed round) is named', async () => {
    const e = await exported();
    const forged = forge(e.text, (f) => {
      f.content.contests[0]!.rounds[0]!.issued = 9;
    });
    const report = verifyResultText(forged, null);
    expect(report.failures.find((x) => x.kind === 'attendance_inconsistent')!.message).toContain('收回 10 > 发出 9');
  });
});

describe('the district view', () => {
  it('verifies each file, totals only those that pass, and writes an .xlsx', async () => {
    const a = await exported();
    const bad = path.join(a.dir, 'bad.json');
    fs.writeFileSync(bad, a.text.slice(0, 100));
    const b = await exported();
    const copy = path.join(a.dir, 'copy-of-a.json');
    fs.copyFileSync(a.out, copy);
    const view = await a.call('result.district', { paths: [a.out, b.out, copy, bad], fingerprint: null });
    expect(view.files.map((f) => f.report.ok)).toEqual([true, true, true, false]);
    // The same result under another name counts once.
    expect(view.files.map((f) => f.duplicateOf)).toEqual([null, null, a.out, null]);
    expect(view.total).toMatchObject({ townships: 2, contests: 2, seats: 4, elected: 4 });
    expect(view.total.structure.women).toBe(2); // 田富 is the young minority woman in each

    const xlsx = path.join(a.dir, 'district.xlsx');
    await a.call('result.districtExport', { paths: [a.out, bad], fingerprint: null, out: xlsx });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('汇总')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const flat = rows.map((r) => r.filter((v) => v !== undefined && v !== null).join('|'));
    expect(flat[1]).toContain('中国共产党测试镇第十五次代表大会|');
    expect(flat[1]).toContain('通过');
    expect(flat[1]).toContain('1名,占比50.0%');
    expect(flat[2]).toContain('未通过');
    expect(flat.at(-1)).toContain('合计(1 个乡镇');
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

describe('a file written by other software, following docs/result-file.md', () => {
  it('verifies when it follows the page, and fails the recount when its figures are wrong', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(privateKey);
    const facts = { gender: null, birthDate: null, ethnicity: null, education: null };
    const content = {
      congress: {
        name: '中国共产党某镇第一次代表大会',
        date: '2026-04-01',
        venue: '某镇礼堂',
        settings: {
          quorumAllowEqual: false,
          marking: {
            circle: 'for',
            cross: 'against',
            none: 'abstain',
            writeInNeedsMark: true,
            writeInNeedsAgainst: true,
          },
        },
      },
      delegates: { voting: 3, alternate: 0, nonvoting: 0 },
      meetings: [
        {
          id: 1,
          name: '选举大会',
          date: '2026-04-01',
          attendance: { due: 3, present: 3, leave: 0, absent: 0, nonvotingPresent: 0, alternatePresent: 0 },
          oath: null,
        },
      ],
      pledges: { due: 3, signed: 0, refused: 0 },
      contests: [
        {
          id: 7,
          meetingId: 1,
          title: '纪委委员',
          kind: 'election',
          seats: 1,
          marginPercent: 20,
          seatsReducedTo: null,
          seatsReducedNote: null,
          status: 'closed',
          candidates: [
            { id: 1, name: '甲', ...facts, unit: null, fromWriteIn: false },
            { id: 2, name: '乙', ...facts, unit: null, fromWriteIn: false },
          ],
          rounds: [
            {
              number: 1,
              kind: 'first',
              seats: 1,
              status: 'closed',
              candidateIds: [1, 2],
              votersPresent: 3,
              due: 3,
              ballotsPrinted: 3,
              issued: 3,
              spareVoided: 0,
              collected: 3,
              closedBy: '总监票人',
              closedAt: '2026-04-01T10:00:00.000Z',
              ballots: ['ox', 'ox', 'oo'].map((marks, i) => ({
                seq: i + 1,
                marks,
                writeIns: [],
                state: 'counted',
                entry: null,
                decision: null,
              })),
              tally: {
                counted: 3,
                valid: 2,
                invalid: 1,
                pendingSetAside: 0,
                candidates: [
                  { for: 2, against: 0, abstain: 0 },
                  { for: 0, against: 2, abstain: 0 },
                ],
                writeIns: [],
              },
              decision: {
                threshold: 2,
                basis: 3,
                basisKind: 'present',
                elected: [{ name: '甲', votes: 2, candidateId: 1 }],
                tie: null,
                unfilled: 0,
              },
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 2, candidateId: 1, ...facts }],
          structure: {
            total: 1,
            women: 0,
            under35: 0,
            minority: 0,
            education: [],
            unknown: { gender: 1, birthDate: 1, ethnicity: 1, education: 1 },
          },
        },
      ],
    };
    const write = (c: typeof content) => {
      const unsigned = {
        format: 'congress-desk-result',
        formatVersion: 1,
        app: { name: 'other', version: '1' },
        exportedAt: '2026-04-01T10:05:00.000Z',
        content: c,
        contentHash: sha256Hex(canonicalJson(c)),
        audit: { entries: 0, head: '0'.repeat(64) },
      };
      const value = sign(null, Buffer.from(canonicalJson(unsigned)), privateKey).toString('base64');
      const signature = {
        algorithm: 'Ed25519',
        publicKey: raw.toString('base64'),
        fingerprint: fingerprintOfRaw(raw),
        value,
      };
      // Pretty-printed on purpose: a verifier canonicalises what it parsed.
      return JSON.stringify({ ...unsigned, signature }, null, 2);
    };
    const good = verifyResultText(write(content), fingerprintOfRaw(raw));
    expect(good.failures).toEqual([]);
    expect(good.ok).toBe(true);

    const wrong = structuredClone(content);
    wrong.contests[0]!.rounds[0]!.tally.invalid = 0;
    wrong.contests[0]!.rounds[0]!.tally.valid = 3;
    const report = verifyResultText(write(wrong), null);
    expect(report.failures.map((f) => [f.kind, f.subject, f.stated, f.recounted])).toEqual([
      ['recount_differs', '有效票', '3', '2'],
      ['recount_differs', '无效票', '0', '1'],
    ]);
  });
});

describe('the demo congress counted to the end', () => {
  it('exports a signed file that verifies, with the oath, the pledges and both contests', async () => {
    const tb = makeBackend();
    const file = path.join(tb.dir, 'demo.congress');
    const built = createCountedDemoCongress(file);
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
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});

describe('version 1 files keep verifying', () => {
  const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

  it('the demo congress exported by the version 1 app verifies, with its figures', () => {
    const text = fixture('result-v1-demo.json');
    expect((JSON.parse(text) as { formatVersion: number }).formatVersion).toBe(1);
    const report = verifyResultText(text, null);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary!.contests.map((c) => [c.title, c.elected.length])).toEqual([
      ['党委委员', 7],
      ['纪委委员', 3],
    ]);
  });

  it('is recounted with the rules it was counted under: a write-in naming a printed candidate still counted', () => {
    const text = fixture('result-v1-writein.json');
    const report = verifyResultText(text, null);
    expect(report.failures).toEqual([]);
    const v1 = JSON.parse(text) as ResultFileV1;
    expect(v1.content.contests[0]!.rounds[0]!.tally.writeIns.map((w) => w.name)).toEqual(['田富', '赵六']);
    // The same ballots under version 2's rules disregard the written-in 田富: the count differs.
    const asV2 = recheckResult(upgradeContentV1(v1.content), { formatVersion: 2 });
    expect(asV2.map((f) => [f.kind, f.subject])).toContainEqual(['recount_differs', '另选他人']);
  });

  it('a version 1 file changed after signing still fails', () => {
    const text = fixture('result-v1-writein.json');
    const file = JSON.parse(text) as ResultFileV1;
    file.content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-';
    file.contentHash = sha256Hex(canonicalJson(file.content));
    expect(verifyResultText(JSON.stringify(file), null).failures.map((f) => f.kind)).toEqual(['bad_signature']);
    const forged = forge(text, (f) => {
      (f as unknown as ResultFileV1).content.contests[0]!.rounds[0]!.ballots[1]!.marks = 'oxx-';
    });
    const report = verifyResultText(forged, null);
    expect(report.failures.find((f) => f.subject === '田大利 赞成')).toMatchObject({ stated: '6', recounted: '5' });
  });
});
