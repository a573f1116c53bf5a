import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateFromDelegate } from '../../core/candidates.js';
import type { Delegate } from '../../core/domain.js';
import { recheckResult } from '../../core/result-check.js';
import { type ResultFile, type ResultFileV1, resultJsonSchema, upgradeContentV1 } from '../../core/result-file.js';
import { createCountedDemoCongress } from '../../db/congress/demo-election.js';
import { FileKeyStore, fingerprintOfRaw, KEY_FILE_NAME, rawPublicKey } from '../../db/results/installation-key.js';
import { canonicalJson, sha256Hex, verifyResultText } from '../../db/results/sign.js';
import { election, paper } from './election-setup.js';
import { congressWith, delegateFields, dumpTables, makeBackend, rawDb } from './helpers.js';
import { countedCongress, exported, forge, resign } from './result-setup.js';

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

describe('version 1 files keep verifying', () => {
  const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

  it('the demo congress exported by the version 1 app verifies, with its figures', () => {
    const text = fixture('result-v1-demo.json');
    expect((JSON.parse(text) as { formatVersion: number }).formatVersion).toBe(1);
    const report = verifyResultText(text, null);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.summary!.formatVersion).toBe(1);
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

describe('version 2 checks on an exported file, re-signed with the venue key', () => {
  const check = async (edit: (f: ResultFile) => void) => {
    const e = await exported();
    const report = verifyResultText(await resign(e.text, e.dataDir, edit), e.exportOut.fingerprint);
    // The signature and the key hold: what fails is the content.
    expect(report.signatureValid).toBe(true);
    expect(report.failures.map((f) => f.kind)).not.toContain('unknown_key');
    return report.failures;
  };

  it('unchanged, it verifies', async () => {
    expect(await check(() => {})).toEqual([]);
  });

  it('a meeting that voted at exactly four fifths: quorum_not_met, naming the meeting and the round', async () => {
    const failures = await check((f) => {
      f.content.meetings[0]!.attendance.present = 8;
      f.content.meetings[0]!.attendance.absent = 2;
      f.content.contests[0]!.rounds[0]!.votersPresent = 8;
    });
    const quorum = failures.filter((x) => x.kind === 'quorum_not_met');
    expect(quorum.map((x) => [x.meeting, x.contest, x.round, x.stated])).toEqual([
      ['选举大会', null, null, '应到10 实到8'],
      ['选举大会', '党委委员', 1, '应到10 实到8'],
    ]);
  });

  it("a round's 应到 other than its meeting's: attendance_inconsistent with both figures", async () => {
    const failures = await check((f) => {
      f.content.contests[0]!.rounds[0]!.due = 12;
    });
    expect(failures.find((x) => x.subject === '本轮出席人数')).toMatchObject({
      kind: 'attendance_inconsistent',
      contest: '党委委员',
      round: 1,
      stated: '应到12 实到10',
    });
  });

  it('the same person elected twice under two spellings: elected_twice', async () => {
    const failures = await check((f) => {
      const c = f.content.contests[0]!;
      c.elected[1]!.name = '田 富';
      c.rounds[0]!.decision!.elected[1]!.name = '田 富';
    });
    expect(failures.find((x) => x.kind === 'elected_twice')).toMatchObject({
      contest: '党委委员',
      subject: '田富、田 富',
    });
  });

  it('an impossible birth date or export time: malformed, naming the person or the field', async () => {
    const failures = await check((f) => {
      f.content.contests[0]!.candidates[0]!.birthDate = '1995-02-30';
      f.exportedAt = '2026-03-20T25:00:00.000Z';
    });
    // (The structure recounted from the broken date counts the person's age as unknown, and differs too.)
    expect(failures.filter((x) => x.kind === 'malformed').map((x) => [x.kind, x.subject, x.stated])).toEqual([
      ['malformed', 'exportedAt', '2026-03-20T25:00:00.000Z'],
      ['malformed', '田富 birthDate', '1995-02-30'],
    ]);
  });

  it('a 监票人 who stands in the contest: official_is_candidate', async () => {
    const failures = await check((f) => {
      f.content.contests[0]!.officials.push({
        role: 'scrutineer',
        name: '王芳',
        approval: '经大会表决通过',
        appointedBy: '秘书处',
        appointedAt: '2026-03-20T08:00:00.000Z',
      });
    });
    expect(failures.map((x) => [x.kind, x.subject])).toEqual([['official_is_candidate', '王芳']]);
  });
});

describe('version 2 round trip through the store', () => {
  const chief = { operator: '总监票人张华', station: '计票室' };

  it('officials, a round declared void and its rerun, conventions per contest: exported and verified', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const id = (badge: string) => e.ids.get(badge)!;
    await e.call('officials.appoint', {
      contestId: e.contest.id,
      role: 'chief_scrutineer',
      delegateId: id('001'),
      approval: '经大会表决通过',
    });
    await e.call('officials.appoint', {
      contestId: e.contest.id,
      role: 'scrutineer',
      delegateId: id('002'),
      approval: '经大会表决通过',
    });
    await e.call('officials.appoint', {
      contestId: e.contest.id,
      role: 'counter',
      delegateId: null,
      name: '工作人员赵一',
      approval: null,
    });
    await e.open();
    await e.enter('oo--');
    const { rerun } = await e.call('rounds.declareVoid', { roundId: e.roundId, reason: '发现有代表未领到选票' }, chief);
    await e.open(rerun.id);
    for (const m of ['oox-', 'oox-', 'oox-', 'oox-', 'oox-', 'oox-', 'xoo-', 'xoo-', 'xoo-', 'xxxx']) {
      await e.enter(m, {}, rerun.id);
    }
    await e.call('rounds.close', { roundId: rerun.id });
    const out = path.join(e.dir, 'r.json');
    const r = await e.call('result.export', { path: out, csvPath: null });
    const report = await e.call('result.verify', { path: out, fingerprint: r.fingerprint });
    expect(report.failures).toEqual([]);
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    expect(file.formatVersion).toBe(2);
    const contest = file.content.contests[0]!;
    expect(contest.marking).toEqual(file.content.congress.settings.marking);
    expect(contest.officials.map((o) => [o.role, o.name])).toEqual([
      ['chief_scrutineer', '代表1'],
      ['scrutineer', '代表2'],
      ['counter', '工作人员赵一'],
    ]);
    expect(contest.rounds.map((x) => [x.kind, x.status, x.voidDeclaration?.reason ?? null])).toEqual([
      ['first', 'void', '发现有代表未领到选票'],
      ['rerun', 'closed', null],
    ]);
    // 田大利 9, 田富 6 of 10: elected in the rerun, by votes.
    expect(contest.elected.map((x) => [x.name, x.round])).toEqual([
      ['田大利', 2],
      ['田富', 2],
    ]);
    expect(file.content.meetings[0]!.electorate).toEqual({ kind: 'delegates' });
    // The declaration taken away: a void round without a cause.
    const forged = await resign(fs.readFileSync(out, 'utf8'), e.dataDir, (f) => {
      f.content.contests[0]!.rounds[0]!.voidDeclaration = null;
    });
    expect(verifyResultText(forged, r.fingerprint).failures.map((x) => [x.kind, x.round])).toEqual([
      ['attendance_inconsistent', 1],
    ]);
  });

  it('the first plenaries: the members as electorate, their own attendance, the approval of the 纪委 result', async () => {
    const badge = (i: number) => String(i).padStart(3, '0');
    const delegates = Array.from({ length: 10 }, (_, i) => delegateFields(badge(i + 1), { name: `代表${i + 1}` }));
    const c = await congressWith(delegates);
    for (let i = 1; i <= 10; i++)
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: badge(i) });
    const roster = await c.call('delegates.list', {});
    const byName = (name: string) => roster.find((d) => d.name === name) as Delegate;
    const contest = async (meetingId: number, title: string, seats: number, margin: number, names: string[]) => {
      const created = await c.call('contests.create', {
        meetingId,
        title,
        kind: 'election',
        seats,
        marginPercent: margin,
        doubleEntry: false,
        paperGroup: null,
      });
      const ids: number[] = [];
      for (const name of names) {
        ids.push(
          (await c.call('candidates.add', { contestId: created.id, ...candidateFromDelegate(byName(name)) })).id,
        );
      }
      await c.call('candidates.approveOrder', { contestId: created.id, candidateIds: ids });
      const { rounds } = await c.call('contests.get', { contestId: created.id });
      return { id: created.id, roundId: rounds[0]!.id };
    };
    const vote = async (roundId: number, papers: string[]) => {
      await c.call('rounds.distribute', {
        roundId,
        ballotsPrinted: papers.length,
        issued: papers.length,
        spareVoided: 0,
      });
      await c.call('rounds.collect', { roundId, collected: papers.length });
      for (const marks of papers) {
        await c.call('ballots.enter', {
          roundId,
          marks: paper(marks),
          writeIns: [],
          setAside: false,
          stack: null,
          entry: null,
        });
      }
      await c.call('rounds.close', { roundId });
    };
    const committee = await contest(c.meetingId, '党委委员', 3, 20, ['代表1', '代表2', '代表3', '代表4']);
    const discipline = await contest(c.meetingId, '纪委委员', 2, 20, ['代表5', '代表6', '代表7']);
    await vote(committee.roundId, Array(10).fill('ooo-'));
    await vote(discipline.roundId, Array(10).fill('oo-'));
    const plenary = async (name: string, contestId: number, badges: string[], title: string, candidate: string) => {
      const m = await c.call('meetings.create', {
        name,
        date: '2026-03-20',
        electorate: 'members',
        electorateContestId: contestId,
      });
      for (const b of badges) await c.call('attendance.checkInByBadge', { meetingId: m.id, badge: b });
      const k = await contest(m.id, title, 1, 0, [candidate]);
      await vote(
        k.roundId,
        badges.map(() => 'o'),
      );
      return m;
    };
    const disciplinePlenary = await plenary('纪委第一次全体会议', discipline.id, ['005', '006'], '纪委书记', '代表5');
    const committeePlenary = await plenary('一届一次全体会议', committee.id, ['001', '002', '003'], '书记', '代表1');
    await c.call('meetings.approveResult', {
      meetingId: committeePlenary.id,
      approvedMeetingId: disciplinePlenary.id,
      note: null,
    });

    const out = path.join(c.dir, 'day.json');
    const r = await c.call('result.export', { path: out, csvPath: null });
    const report = await c.call('result.verify', { path: out, fingerprint: r.fingerprint });
    expect(report.failures).toEqual([]);
    const text = fs.readFileSync(out, 'utf8');
    const file = JSON.parse(text) as ResultFile;
    const meetings = file.content.meetings.map((m) => [m.name, m.electorate, m.attendance.due, m.attendance.present]);
    expect(meetings).toEqual([
      [expect.any(String), { kind: 'delegates' }, 10, 10],
      ['纪委第一次全体会议', { kind: 'members', contestId: discipline.id }, 2, 2],
      ['一届一次全体会议', { kind: 'members', contestId: committee.id }, 3, 3],
    ]);
    expect(file.content.meetings[2]!.approvals).toEqual([
      expect.objectContaining({ approvedMeetingId: disciplinePlenary.id, note: null }),
    ]);
    expect(report.summary!.contests.map((k) => [k.title, k.elected])).toEqual([
      ['党委委员', ['代表1', '代表2', '代表3']],
      ['纪委委员', ['代表5', '代表6']],
      ['纪委书记', ['代表5']],
      ['书记', ['代表1']],
    ]);
    // A plenary stating one more member due than its contest elected: named.
    const forged = await resign(text, c.dataDir, (f) => {
      const m = f.content.meetings[2]!;
      m.attendance.due = 4;
      m.attendance.absent = 1;
    });
    const failures = verifyResultText(forged, r.fingerprint).failures;
    expect(failures.find((x) => x.subject === '应到')).toMatchObject({
      kind: 'attendance_inconsistent',
      meeting: '一届一次全体会议',
      recounted: '「党委委员」当选人3',
    });
  });
});

describe('a version 2 file written by other software, following docs/result-file.md', () => {
  it('verifies with a plenary, an exclusion, officials and a disregarded write-in; fails when a figure is wrong', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(privateKey);
    const facts = { gender: null, birthDate: null, ethnicity: null, education: null };
    const unknownOne = {
      total: 1,
      women: 0,
      under35: 0,
      minority: 0,
      education: [],
      unknown: { gender: 1, birthDate: 1, ethnicity: 1, education: 1 },
    };
    const marking = {
      circle: 'for',
      cross: 'against',
      none: 'abstain',
      writeInNeedsMark: true,
      writeInNeedsAgainst: true,
    };
    const attendance = (due: number, present: number) => ({
      due,
      present,
      leave: 0,
      absent: due - present,
      nonvotingPresent: 0,
      alternatePresent: 0,
    });
    const ballot = (seq: number, marks: string, writeIns: { name: string; mark: string }[] = []) => ({
      seq,
      marks,
      writeIns,
      state: 'counted',
      entry: null,
      decision: null,
    });
    const roundOf = (present: number, closedAt: string) => ({
      number: 1,
      kind: 'first',
      seats: 1,
      status: 'closed',
      votersPresent: present,
      due: present,
      ballotsPrinted: present,
      issued: present,
      spareVoided: 0,
      collected: present,
      closedBy: '总监票人',
      closedAt,
      voidDeclaration: null,
    });
    const content = {
      congress: {
        name: '中国共产党某镇第一次代表大会',
        date: '2026-04-01',
        venue: '某镇礼堂',
        settings: { quorumAllowEqual: false, marking, tieRevoteNeedsMajority: false },
      },
      delegates: { voting: 4, alternate: 0, nonvoting: 0 },
      meetings: [
        {
          id: 1,
          name: '选举大会',
          date: '2026-04-01',
          electorate: { kind: 'delegates' },
          // 4 voting delegates, one deceased: 应到 3.
          exclusions: [{ kind: 'deceased', note: null }],
          approvals: [],
          attendance: attendance(3, 3),
          oath: null,
        },
        {
          id: 2,
          name: '纪委第一次全体会议',
          date: '2026-04-01',
          electorate: { kind: 'members', contestId: 7 },
          exclusions: [],
          approvals: [],
          attendance: attendance(1, 1),
          oath: null,
        },
      ],
      pledges: { due: 4, signed: 0, refused: 0 },
      contests: [
        {
          id: 7,
          meetingId: 1,
          title: '纪委委员',
          kind: 'election',
          marking,
          seats: 1,
          marginPercent: 20,
          seatsReducedTo: null,
          seatsReducedNote: null,
          status: 'closed',
          candidates: [
            { id: 1, name: '甲', ...facts, unit: null, fromWriteIn: false },
            { id: 2, name: '乙', ...facts, unit: null, fromWriteIn: false },
          ],
          officials: [
            {
              role: 'chief_scrutineer',
              name: '丙',
              approval: '大会举手表决通过',
              appointedBy: '秘书处',
              appointedAt: '2026-04-01T08:00:00Z',
            },
            { role: 'counter', name: '丁', approval: null, appointedBy: '秘书处', appointedAt: '2026-04-01T08:00:00Z' },
          ],
          fromPrevoteId: null,
          rounds: [
            {
              ...roundOf(3, '2026-04-01T10:00:00.000Z'),
              candidateIds: [1, 2],
              // The second paper writes in 乙, who is printed: disregarded, the printed × alone counts.
              // The third chooses two for one seat: invalid.
              ballots: [ballot(1, 'ox'), ballot(2, 'ox', [{ name: '乙', mark: 'o' }]), ballot(3, 'oo')],
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
                disregardedWriteIns: [{ name: '乙', reason: 'printed', count: 1 }],
              },
              decision: {
                threshold: 2,
                basis: 3,
                basisKind: 'present',
                majorityTest: true,
                elected: [{ name: '甲', votes: 2, candidateId: 1 }],
                tie: null,
                unfilled: 0,
              },
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 2, candidateId: 1, ...facts }],
          structure: unknownOne,
        },
        {
          id: 8,
          meetingId: 2,
          title: '纪委书记',
          kind: 'election',
          marking,
          seats: 1,
          marginPercent: 0,
          seatsReducedTo: null,
          seatsReducedNote: null,
          status: 'closed',
          candidates: [{ id: 3, name: '甲', ...facts, unit: null, fromWriteIn: false }],
          officials: [],
          fromPrevoteId: null,
          rounds: [
            {
              ...roundOf(1, '2026-04-01T11:00:00.000Z'),
              candidateIds: [3],
              ballots: [ballot(1, 'o')],
              tally: {
                counted: 1,
                valid: 1,
                invalid: 0,
                pendingSetAside: 0,
                candidates: [{ for: 1, against: 0, abstain: 0 }],
                writeIns: [],
                disregardedWriteIns: [],
              },
              decision: {
                threshold: 1,
                basis: 1,
                basisKind: 'present',
                majorityTest: true,
                elected: [{ name: '甲', votes: 1, candidateId: 3 }],
                tie: null,
                unfilled: 0,
              },
            },
          ],
          elected: [{ name: '甲', round: 1, votes: 1, candidateId: 3, ...facts }],
          structure: unknownOne,
        },
      ],
    };
    const write = (c: typeof content) => {
      const unsigned = {
        format: 'congress-desk-result',
        formatVersion: 2,
        app: { name: 'other', version: '1' },
        exportedAt: '2026-04-01T12:00:00Z',
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
      return JSON.stringify({ ...unsigned, signature }, null, 2);
    };
    const good = verifyResultText(write(content), fingerprintOfRaw(raw));
    expect(good.failures).toEqual([]);
    expect(good.summary!.formatVersion).toBe(2);
    expect(good.summary!.contests.map((c) => [c.title, c.elected])).toEqual([
      ['纪委委员', ['甲']],
      ['纪委书记', ['甲']],
    ]);

    // The disregarded write-in counted for 乙 instead: the recount names both lists.
    const counted = structuredClone(content);
    const tally = counted.contests[0]!.rounds[0]!.tally;
    (tally.writeIns as { name: string; for: number }[]).push({ name: '乙', for: 1 });
    tally.disregardedWriteIns = [];
    expect(verifyResultText(write(counted), null).failures.map((f) => [f.kind, f.subject])).toEqual([
      ['recount_differs', '另选他人'],
      ['recount_differs', '不予计算的另选他人'],
    ]);
    // The exclusion left out: 应到 3 no longer adds up to the 4 voting delegates.
    const noExclusion = structuredClone(content);
    noExclusion.meetings[0]!.exclusions = [];
    expect(verifyResultText(write(noExclusion), null).failures.map((f) => [f.kind, f.meeting, f.subject])).toEqual([
      ['attendance_inconsistent', '选举大会', '应到'],
    ]);
  });
});
