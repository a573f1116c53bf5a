/** A result file changed after its export: each change is found and named, re-signed or not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../core/result-file.js';
import { canonicalJson, sha256Hex, verifyResultText } from '../../db/results/sign.js';
import { exported, forge, resign } from './result-setup.js';

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
