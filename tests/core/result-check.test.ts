/**
 * The verifier's checks beyond the recount (core/result-check.ts), on hand-built version 2
 * content: each check holds on a correct file and names the fault on a broken one. Quorum,
 * attendance, 应到, nobody elected twice, real dates; the recount's rules and the day's
 * decisions are in result-check-rules.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPartialDate, isUtcTime, recheckResult } from '../../core/result-check.js';
import { content, facts, kinds, round, votedBy } from './result-content.js';

describe('the base file', () => {
  it('has no finding', () => {
    expect(recheckResult(content(), { formatVersion: 2, exportedAt: '2026-04-01T12:00:00.000Z' })).toEqual([]);
  });
});

describe('quorum (rule 1), per the file setting', () => {
  /** 8 of 10 present: exactly four fifths. */
  const atFourFifths = (allowEqual: boolean) => {
    const c = content({ quorumAllowEqual: allowEqual });
    c.meetings[0]!.attendance = { ...c.meetings[0]!.attendance, present: 8, absent: 2 };
    votedBy(
      c.contests[0]!.rounds[0]!,
      8,
      [
        [7, 1],
        [1, 7],
      ],
      5,
    );
    return c;
  };

  it('exactly four fifths fails by default, naming the meeting and the round with the figures', () => {
    const findings = recheckResult(atFourFifths(false), { formatVersion: 2 });
    expect(findings.filter((f) => f.kind === 'quorum_not_met')).toEqual([
      expect.objectContaining({ meeting: '选举大会', contest: null, round: null, stated: '应到10 实到8' }),
      expect.objectContaining({ meeting: '选举大会', contest: '党委委员', round: 1, stated: '应到10 实到8' }),
    ]);
  });

  it('exactly four fifths holds when the congress allows equality', () => {
    expect(recheckResult(atFourFifths(true), { formatVersion: 2 })).toEqual([]);
  });

  it('a meeting that never distributed a round is not held to the quorum', () => {
    const c = content({ contests: [] });
    c.meetings[0]!.attendance = { ...c.meetings[0]!.attendance, present: 2, absent: 8 };
    expect(recheckResult(c, { formatVersion: 2 })).toEqual([]);
  });
});

describe("each round's snapshot against its meeting", () => {
  it('a round whose 应到 differs from the meeting is named with both figures', () => {
    const c = content();
    c.contests[0]!.rounds[0]!.due = 11;
    const f = recheckResult(c, { formatVersion: 2 }).find((x) => x.subject === '本轮出席人数');
    expect(f).toMatchObject({
      kind: 'attendance_inconsistent',
      contest: '党委委员',
      round: 1,
      stated: '应到11 实到10',
    });
    expect(f!.recounted).toBe('应到10');
  });

  it("the meeting's 实到 at export may differ either way (someone left after voting, latecomers came); above 应到 fails", () => {
    const left = content();
    left.meetings[0]!.attendance = { ...left.meetings[0]!.attendance, present: 9, absent: 1 };
    expect(kinds(left)).toEqual([]);
    const above = content();
    above.contests[0]!.rounds[0]!.votersPresent = 11;
    expect(kinds(above)).toContainEqual(['attendance_inconsistent', '选票与人数']);
    const later = content();
    const r = later.contests[0]!.rounds[0]!;
    votedBy(
      r,
      9,
      [
        [7, 2],
        [2, 7],
      ],
      5,
    );
    r.ballots[7]!.marks = 'xo';
    expect(recheckResult(later, { formatVersion: 2 })).toEqual([]);
  });
});

describe('应到 is the electorate less the exclusions (rule 16)', () => {
  it('holds with an exclusion, fails when one is missing', () => {
    const c = content();
    c.delegates.voting = 11;
    expect(kinds(c)).toEqual([['attendance_inconsistent', '应到']]);
    c.meetings[0]!.exclusions = [{ kind: 'deceased', note: null }];
    expect(kinds(c)).toEqual([]);
  });

  it("a plenary's electorate is the members elected in its contest", () => {
    const c = content();
    c.meetings.push({
      id: 2,
      name: '党委一届一次全体会议',
      date: '2026-04-01',
      electorate: { kind: 'members', contestId: 1 },
      exclusions: [],
      approvals: [],
      attendance: { due: 1, present: 1, leave: 0, absent: 0, nonvotingPresent: 0, alternatePresent: 0 },
      oath: null,
    });
    expect(kinds(c)).toEqual([]);
    c.meetings[1]!.attendance = { ...c.meetings[1]!.attendance, due: 2, absent: 1 };
    const f = recheckResult(c, { formatVersion: 2 }).find((x) => x.subject === '应到');
    expect(f).toMatchObject({ meeting: '党委一届一次全体会议', recounted: '「党委委员」当选人1' });
    // The plenary approving the congress session's result: not one plenary approving another.
    c.meetings[1]!.approvals = [{ approvedMeetingId: 1, note: null, by: '秘书处', at: '2026-04-01T12:00:00Z' }];
    expect(kinds(c)).toContainEqual(['malformed', 'approvals']);
    c.meetings[1]!.approvals = [{ approvedMeetingId: 7, note: null, by: '秘书处', at: '2026-04-01T12:00:00Z' }];
    expect(kinds(c)).toContainEqual(['malformed', 'approvals.approvedMeetingId']);
    c.meetings[1]!.approvals = [];
    c.meetings[1]!.electorate = { kind: 'members', contestId: 99 };
    expect(kinds(c)).toContainEqual(['malformed', 'electorate.contestId']);
  });
});

describe('nobody is elected twice in a contest', () => {
  it('the same person in two rounds, spelt with a space once, is named with both rounds', () => {
    const c = content();
    const k = c.contests[0]!;
    k.seats = 2;
    k.elected.push({ name: '甲 ', round: 2, votes: 7, candidateId: null, ...facts });
    k.rounds.push({
      ...round(2, [2], [...Array(3).fill('o'), ...Array(7).fill('x')], {
        candidates: [[3, 7, 0]],
        elected: [{ name: '甲 ', votes: 7, candidateId: null }],
        writeIns: [{ name: '甲 ', for: 7 }],
      }),
      kind: 'additional',
    });
    const twice = recheckResult(c, { formatVersion: 2 }).filter((f) => f.kind === 'elected_twice');
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ contest: '党委委员', stated: '甲、甲 (第1轮、第2轮)' });
  });

  it('two people of different names hold', () => {
    const c = content();
    expect(kinds(c).filter(([k]) => k === 'elected_twice')).toEqual([]);
  });
});

describe('real dates and times', () => {
  it('partial and full birth dates that exist pass; impossible ones are named with the person', () => {
    for (const ok of ['1980-02', '1980-02-29', '2000-12-31']) expect(isPartialDate(ok)).toBe(true);
    for (const bad of ['1980', '1980-13', '1980-00', '1981-02-29', '1980-04-31', '80-02', '1980-2', '']) {
      expect(isPartialDate(bad)).toBe(false);
    }
    const c = content();
    c.contests[0]!.candidates[1]!.birthDate = '1990-02-30';
    expect(recheckResult(c, { formatVersion: 2 })).toEqual([
      expect.objectContaining({
        kind: 'malformed',
        contest: '党委委员',
        subject: '乙 birthDate',
        stated: '1990-02-30',
      }),
    ]);
  });

  it('times are ISO 8601 UTC instants: closedAt, exportedAt, a round closed after the export', () => {
    for (const ok of ['2026-04-01T10:00:00Z', '2026-04-01T23:59:59.999Z', '2028-02-29T00:00:00.000Z']) {
      expect(isUtcTime(ok)).toBe(true);
    }
    for (const bad of [
      '2026-04-01 10:00:00',
      '2026-04-01T10:00:00+08:00',
      '2026-04-31T10:00:00Z',
      '2026-04-01T24:00:00Z',
      '2026-04-01T10:60:00Z',
      '2027-02-29T00:00:00Z',
      '2026-04-01',
    ]) {
      expect(isUtcTime(bad)).toBe(false);
    }
    const c = content();
    c.contests[0]!.rounds[0]!.closedAt = '2026-04-01 11:00:00';
    expect(kinds(c, '2026-04-31T12:00:00Z')).toEqual([
      ['malformed', 'exportedAt'],
      ['malformed', 'closedAt'],
    ]);
    const late = content();
    expect(recheckResult(late, { formatVersion: 2, exportedAt: '2026-04-01T10:30:00.000Z' })).toEqual([
      expect.objectContaining({ kind: 'malformed', subject: 'closedAt', round: 1, stated: '2026-04-01T11:00:00.000Z' }),
    ]);
  });

  it('every instant the app writes (Date#toISOString) is accepted', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          expect(isUtcTime(d.toISOString())).toBe(true);
        },
      ),
    );
  });

  it('oath and approval times are checked too', () => {
    const c = content();
    c.meetings[0]!.oath = {
      startedAt: '2026-04-01T08:00:00.000Z',
      endedAt: '2026-04-01T8:05',
      leader: null,
      participants: 10,
      latecomers: 0,
      textVersion: 1,
    };
    expect(kinds(c)).toEqual([['malformed', 'oath.endedAt']]);
  });
});
