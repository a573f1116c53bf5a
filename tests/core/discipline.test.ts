import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPng,
  oathSnapshot,
  PLEDGE_STATES,
  type PledgeCounts,
  pledgeState,
  summarizePledges,
} from '../../core/discipline.js';
import type { AttendanceRecord, Delegate } from '../../core/domain.js';

const person = (id: number, category: Delegate['category'], delegation: string | null = null): Delegate => ({
  id,
  badge: String(id),
  name: `代表${id}`,
  gender: null,
  ethnicity: null,
  birthDate: null,
  education: null,
  delegation,
  unit: null,
  category,
  pinyin: '',
  initials: '',
});
const at = (status: AttendanceRecord['status']): AttendanceRecord => ({
  delegateId: 0,
  status,
  reason: status === 'leave' ? '病假' : null,
  at: '2026-03-20T08:00:00Z',
  operator: 'x',
});

describe('who takes the oath', () => {
  it('every delegate checked in (正式 and 候补), never 列席, never those on leave or absent', () => {
    const delegates = [
      person(1, 'voting'),
      person(2, 'alternate'),
      person(3, 'nonvoting'),
      person(4, 'voting'),
      person(5, 'voting'),
    ];
    const attendance = new Map([
      [1, at('present')],
      [2, at('present')],
      [3, at('present')],
      [4, at('leave')],
      [5, at('absent')],
    ]);
    expect(oathSnapshot(delegates, attendance).map((d) => d.id)).toEqual([1, 2]);
  });
});

describe('where a delegate stands on the pledge', () => {
  it('a recorded pledge wins over attendance; leave and absent show when nothing is recorded', () => {
    expect(pledgeState({ status: 'signed' }, at('absent'))).toBe('signed');
    expect(pledgeState({ status: 'refused' }, at('present'))).toBe('refused');
    expect(pledgeState(undefined, at('leave'))).toBe('leave');
    expect(pledgeState(undefined, at('absent'))).toBe('absent');
    expect(pledgeState(undefined, at('present'))).toBe('pending');
    expect(pledgeState(undefined, undefined)).toBe('pending');
  });

  it('the counts add up: each state sums to due, in total and per delegation', () => {
    const row = fc.record({
      delegation: fc.option(fc.constantFrom('机关', '农村', '企业'), { nil: null }),
      state: fc.constantFrom(...PLEDGE_STATES),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const s = summarizePledges(rows);
        const sum = (c: PledgeCounts) => c.signed + c.refused + c.leave + c.absent + c.pending;
        expect(s.due).toBe(rows.length);
        expect(sum(s)).toBe(s.due);
        for (const d of s.byDelegation) expect(sum(d)).toBe(d.due);
        expect(s.byDelegation.reduce((n, d) => n + d.signed, 0)).toBe(rows.filter((r) => r.state === 'signed').length);
      }),
    );
  });
});

describe('signature bytes', () => {
  it('accepts the PNG signature only', () => {
    const head = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    expect(isPng(Uint8Array.from([...head, ...new Array(30).fill(0)]))).toBe(true);
    expect(isPng(Uint8Array.from([0xff, 0xd8, 0xff, ...new Array(30).fill(0)]))).toBe(false);
    expect(isPng(Uint8Array.from(head))).toBe(false);
  });
});
