import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_DELEGATION, summarizeAttendance } from '../../core/attendance.js';
import type { DelegateCategory, StoredAttendanceStatus } from '../../core/domain.js';

type D = { id: number; category: DelegateCategory; delegation: string | null };
type R = { delegateId: number; status: StoredAttendanceStatus };
const strict = { quorumAllowEqual: false };

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
    const s = summarizeAttendance(
      1,
      delegates,
      [
        { delegateId: 1, status: 'present' },
        { delegateId: 6, status: 'present' },
        { delegateId: 7, status: 'present' },
      ],
      strict,
    );
    expect(s.due).toBe(5);
    expect(s.present).toBe(1);
    expect(s.nonvotingPresent).toBe(1);
    expect(s.alternatePresent).toBe(1);
    expect(s.byDelegation.reduce((a, g) => a + g.due, 0)).toBe(5);
  });

  it('leave stays in 应到; 缺席 = 应到 − 实到 − 请假, including those not yet arrived', () => {
    const s = summarizeAttendance(
      1,
      delegates,
      [
        { delegateId: 1, status: 'present' },
        { delegateId: 2, status: 'leave' },
        { delegateId: 3, status: 'absent' },
      ],
      strict,
    );
    expect(s).toMatchObject({ due: 5, present: 1, leave: 1, absent: 3, markedAbsent: 1 });
    expect(s.byDelegation).toContainEqual({ delegation: '机关', due: 2, present: 1, leave: 1, absent: 0 });
    expect(s.byDelegation).toContainEqual({ delegation: NO_DELEGATION, due: 1, present: 0, leave: 0, absent: 1 });
  });

  it('a delegate on leave does not lower the quorum bar', () => {
    const five: D[] = delegates.slice(0, 5);
    // 4 of 5 present is exactly 4/5: not enough, whether or not the fifth is on leave.
    const records: R[] = [1, 2, 3, 4].map((id) => ({ delegateId: id, status: 'present' }));
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
    const records: R[] = [1, 2, 3, 4, 5, 6, 7, 8, 100, 101, 102, 103, 104, 200, 201, 202, 203, 204].map((id) => ({
      delegateId: id,
      status: 'present',
    }));
    const s = summarizeAttendance(1, many, records, strict);
    expect(s).toMatchObject({ due: 10, present: 8, nonvotingPresent: 5, alternatePresent: 5 });
    expect(s.quorum.met).toBe(false);
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
});
