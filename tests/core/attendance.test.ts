import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Electorate, isVoter, mayAttend, NO_DELEGATION, summarizeAttendance } from '../../core/attendance.js';
import type { DelegateCategory, ExclusionKind, StoredAttendanceStatus } from '../../core/domain.js';

type D = { id: number; category: DelegateCategory; delegation: string | null };
type R = { delegateId: number; status: StoredAttendanceStatus };
const strict = { quorumAllowEqual: false };
/** Attendance records from each delegate id's status, in id order. */
const marked = (statuses: Record<number, StoredAttendanceStatus>): R[] =>
  Object.entries(statuses).map(([id, status]) => ({ delegateId: Number(id), status }));
/** Everyone of `ids` checked in. */
const present = (...ids: number[]): R[] => ids.map((delegateId) => ({ delegateId, status: 'present' }));

describe('summarizeAttendance', () => {
  const delegates: D[] = [
    { id: 1, category: 'voting', delegation: '机关' },
    { id: 2, category: 'voting', delegation: '机关' },
    { id: 3, category: 'voting', delegation: '农村' },
    { id: 4, category: 'voting', delegation: '农村' },
    { id: 5, category: 'voting', delegation: null },
    { id: 6, category: 'nonvoting', delegation: '机关' },
    { id: 7, category: 'alternate', delegation: '农村' },
  ];

  it('列席 and 候补 checked in are shown apart and never counted in 应到 or 实到', () => {
    const s = summarizeAttendance(1, delegates, present(1, 6, 7), strict);
    expect(s.due).toBe(5);
    expect(s.present).toBe(1);
    expect(s.nonvotingPresent).toBe(1);
    expect(s.alternatePresent).toBe(1);
    expect(s.byDelegation.reduce((a, g) => a + g.due, 0)).toBe(5);
  });

  it('leave stays in 应到; 缺席 = 应到 − 实到 − 请假, including those not yet arrived', () => {
    const s = summarizeAttendance(1, delegates, marked({ 1: 'present', 2: 'leave', 3: 'absent' }), strict);
    expect(s).toMatchObject({ due: 5, present: 1, leave: 1, absent: 3, markedAbsent: 1 });
    expect(s.byDelegation).toContainEqual({ delegation: '机关', due: 2, present: 1, leave: 1, absent: 0 });
    expect(s.byDelegation).toContainEqual({ delegation: NO_DELEGATION, due: 1, present: 0, leave: 0, absent: 1 });
  });

  it('a delegate on leave does not lower the quorum bar', () => {
    const five: D[] = delegates.slice(0, 5);
    // 4 of 5 present is exactly 4/5: not enough, whether or not the fifth is on leave.
    const records = present(1, 2, 3, 4);
    expect(summarizeAttendance(1, five, records, strict).quorum.met).toBe(false);
    const withLeave = summarizeAttendance(1, five, [...records, { delegateId: 5, status: 'leave' }], strict);
    expect(withLeave.quorum).toEqual({ met: false, needed: 1, allowEqual: false });
    expect(summarizeAttendance(1, five, records, { quorumAllowEqual: true }).quorum.met).toBe(true);
  });

  it('列席 present cannot make up the quorum', () => {
    const many: D[] = [
      ...Array.from({ length: 10 }, (_, i): D => ({ id: i + 1, category: 'voting', delegation: 'A' })),
      ...Array.from({ length: 5 }, (_, i): D => ({ id: 100 + i, category: 'nonvoting', delegation: 'A' })),
      ...Array.from({ length: 5 }, (_, i): D => ({ id: 200 + i, category: 'alternate', delegation: 'A' })),
    ];
    const records = present(1, 2, 3, 4, 5, 6, 7, 8, 100, 101, 102, 103, 104, 200, 201, 202, 203, 204);
    const s = summarizeAttendance(1, many, records, strict);
    expect(s).toMatchObject({ due: 10, present: 8, nonvotingPresent: 5, alternatePresent: 5 });
    expect(s.quorum.met).toBe(false);
  });

  it('未到 until the meeting starts, 缺席 from then on: the same figure, only `started` says which (issue 15 item 6)', () => {
    const records = marked({ 1: 'present', 2: 'leave', 3: 'absent' });
    const before = summarizeAttendance(1, delegates, records, strict);
    const after = summarizeAttendance(1, delegates, records, strict, { started: true });
    expect(before.started).toBe(false);
    expect(after.started).toBe(true);
    // Those due and not here are counted alike; starting the meeting moves nobody.
    expect({ ...before, started: true }).toEqual(after);
    expect(after).toMatchObject({ absent: 3, markedAbsent: 1 });
  });

  const rosterWithRecords = fc
    .array(
      fc.record({
        category: fc.constantFrom<DelegateCategory>('voting', 'voting', 'voting', 'alternate', 'nonvoting'),
        delegation: fc.constantFrom<string | null>('一组', '二组', '三组', 'A', null),
        status: fc.constantFrom<StoredAttendanceStatus | null>('present', 'leave', 'absent', null),
      }),
      { maxLength: 300 },
    )
    .map((rows) => ({
      delegates: rows.map((r, i): D => ({ id: i + 1, category: r.category, delegation: r.delegation })),
      records: rows.flatMap((r, i): R[] => (r.status ? [{ delegateId: i + 1, status: r.status }] : [])),
      rows,
    }));

  it('property: per-delegation sums equal the totals, and only voting delegates count', () => {
    fc.assert(
      fc.property(rosterWithRecords, fc.boolean(), ({ delegates: ds, records, rows }, allowEqual) => {
        const s = summarizeAttendance(7, ds, records, { quorumAllowEqual: allowEqual });
        const sum = (k: 'due' | 'present' | 'leave' | 'absent') => s.byDelegation.reduce((a, g) => a + g[k], 0);
        expect(sum('due')).toBe(s.due);
        expect(sum('present')).toBe(s.present);
        expect(sum('leave')).toBe(s.leave);
        expect(sum('absent')).toBe(s.absent);
        expect(s.absent).toBe(s.due - s.present - s.leave);
        for (const g of s.byDelegation) expect(g.present + g.leave + g.absent).toBe(g.due);

        const voting = rows.filter((r) => r.category === 'voting');
        expect(s.due).toBe(voting.length);
        expect(s.present).toBe(voting.filter((r) => r.status === 'present').length);
        expect(s.markedAbsent).toBe(voting.filter((r) => r.status === 'absent').length);
        expect(s.nonvotingPresent).toBe(
          rows.filter((r) => r.category === 'nonvoting' && r.status === 'present').length,
        );
        expect(s.alternatePresent).toBe(
          rows.filter((r) => r.category === 'alternate' && r.status === 'present').length,
        );
        expect(s.quorum.met).toBe(allowEqual ? 5 * s.present >= 4 * s.due : 5 * s.present > 4 * s.due);
        expect(new Set(s.byDelegation.map((g) => g.delegation)).size).toBe(s.byDelegation.length);
      }),
      { numRuns: 500 },
    );
  });

  describe('a plenary: the members of a contest are the electorate (rule 14)', () => {
    // Members 1, 3 and the alternate 7 (a written-in winner may be any delegate); 2, 4, 5, 6 are not members.
    const members: Electorate = { kind: 'members', memberIds: new Set([1, 3, 7]) };

    it('应到 is the members, whatever their roster category; nobody else counts anywhere', () => {
      const s = summarizeAttendance(2, delegates, present(1, 2, 6, 7), strict, { electorate: members });
      expect(s).toMatchObject({
        electorate: 'members',
        due: 3,
        present: 2,
        leave: 0,
        absent: 1,
        nonvotingPresent: 0,
        alternatePresent: 0,
        memberIds: [1, 3, 7],
      });
      expect(summarizeAttendance(2, delegates, [], strict).memberIds).toBeNull();
    });

    it('quorum: more than four fifths of the members due (3 of 3 holds, 2 of 3 does not)', () => {
      expect(summarizeAttendance(2, delegates, present(1, 3, 7), strict, { electorate: members }).quorum.met).toBe(
        true,
      );
      expect(summarizeAttendance(2, delegates, present(1, 3), strict, { electorate: members }).quorum).toEqual({
        met: false,
        needed: 1,
        allowEqual: false,
      });
    });

    it('isVoter and mayAttend follow the electorate', () => {
      expect(isVoter({ id: 2, category: 'voting' }, members)).toBe(false);
      expect(isVoter({ id: 7, category: 'alternate' }, members)).toBe(true);
      expect(isVoter({ id: 7, category: 'alternate' }, { kind: 'delegates' })).toBe(false);
      expect(mayAttend({ id: 6 }, { kind: 'delegates' })).toBe(true);
      expect(mayAttend({ id: 6 }, members)).toBe(false);
      expect(mayAttend({ id: 3 }, members)).toBe(true);
    });
  });

  describe('approved exclusions from 应到 (rule 16)', () => {
    it('an excluded voter leaves 应到 and is listed with kind and note; leave still counts as due', () => {
      const s = summarizeAttendance(1, delegates, marked({ 1: 'present', 2: 'leave', 3: 'leave' }), strict, {
        exclusions: [{ delegateId: 3, kind: 'deceased', note: '10月病故' }],
      });
      expect(s).toMatchObject({ due: 4, present: 1, leave: 1, absent: 2 });
      expect(s.exclusions).toEqual([{ delegateId: 3, kind: 'deceased', note: '10月病故' }]);
      expect(s.byDelegation).toContainEqual({ delegation: '农村', due: 1, present: 0, leave: 0, absent: 1 });
    });

    it('an exclusion of someone who is not a voter of the meeting changes nothing and is not listed', () => {
      const s = summarizeAttendance(1, delegates, [], strict, {
        exclusions: [{ delegateId: 6, kind: 'transferred', note: null }],
      });
      expect(s.due).toBe(5);
      expect(s.exclusions).toEqual([]);
    });

    it('exclusions lower the quorum bar: 4 present of 5 fails, of 5 less one excluded holds', () => {
      const five: D[] = delegates.slice(0, 5);
      const records = present(1, 2, 3, 4);
      expect(summarizeAttendance(1, five, records, strict).quorum.met).toBe(false);
      const s = summarizeAttendance(1, five, records, strict, {
        exclusions: [{ delegateId: 5, kind: 'suspended', note: '条例第五条' }],
      });
      expect(s).toMatchObject({ due: 4, present: 4 });
      expect(s.quorum.met).toBe(true);
    });

    it('property: due = voters − excluded voters; every count ignores the excluded', () => {
      const kinds = fc.constantFrom<ExclusionKind>('suspended', 'deceased', 'transferred');
      fc.assert(
        fc.property(
          rosterWithRecords,
          fc.array(fc.tuple(fc.nat(299), kinds), { maxLength: 40 }),
          fc.option(fc.uniqueArray(fc.nat(299), { maxLength: 50 }), { nil: undefined }),
          ({ delegates: ds, records, rows }, picks, memberPicks) => {
            const exclusions = [...new Map(picks.map(([i, kind]) => [i + 1, kind]))].map(([delegateId, kind]) => ({
              delegateId,
              kind,
              note: null,
            }));
            const electorate: Electorate =
              memberPicks === undefined
                ? { kind: 'delegates' }
                : { kind: 'members', memberIds: new Set(memberPicks.map((i) => i + 1)) };
            const s = summarizeAttendance(3, ds, records, strict, { electorate, exclusions });
            const excluded = new Set(exclusions.map((x) => x.delegateId));
            const voters = rows
              .map((r, i) => ({ ...r, id: i + 1 }))
              .filter((r) => isVoter({ id: r.id, category: r.category }, electorate));
            const due = voters.filter((r) => !excluded.has(r.id));
            expect(s.due).toBe(due.length);
            expect(s.present).toBe(due.filter((r) => r.status === 'present').length);
            expect(s.leave).toBe(due.filter((r) => r.status === 'leave').length);
            expect(s.exclusions.map((x) => x.delegateId).sort((a, b) => a - b)).toEqual(
              voters.filter((r) => excluded.has(r.id)).map((r) => r.id),
            );
            expect(s.byDelegation.reduce((a, g) => a + g.due, 0)).toBe(s.due);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
