/**
 * Election discipline: the collective oath (集中宣誓) and each delegate's pledge
 * (严肃换届纪律承诺书). Who is asked to take them, and how the counts are read.
 */
import { NO_DELEGATION } from './attendance.js';
import type { AttendanceRecord, Delegate } from './domain.js';

export const DISCIPLINE_TEXT_KINDS = ['oath', 'pledge'] as const;
export type DisciplineTextKind = (typeof DISCIPLINE_TEXT_KINDS)[number];

export const PLEDGE_STATUSES = ['signed', 'refused'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];

/**
 * Where a delegate stands: signed or refused (recorded), on leave or absent at the meeting
 * (not there to sign), or pending (not yet asked; `present` says whether they are in the hall).
 */
export const PLEDGE_STATES = ['signed', 'refused', 'leave', 'absent', 'pending'] as const;
export type PledgeState = (typeof PLEDGE_STATES)[number];

/**
 * The oath and the pledge are the delegates' (“镇党代表集中宣誓”): 正式代表 and 候补代表.
 * 列席 attendees are not delegates and are neither counted nor asked.
 */
export const takesDisciplineVows = (d: Pick<Delegate, 'category'>): boolean => d.category !== 'nonvoting';

/** The delegates who take part in an oath that begins now: every delegate checked in. */
export function oathSnapshot(delegates: readonly Delegate[], attendance: ReadonlyMap<number, AttendanceRecord>) {
  return delegates.filter((d) => takesDisciplineVows(d) && attendance.get(d.id)?.status === 'present');
}

export function pledgeState(
  current: { status: PledgeStatus } | undefined,
  attendance: Pick<AttendanceRecord, 'status'> | undefined,
): PledgeState {
  if (current) return current.status;
  if (attendance?.status === 'leave' || attendance?.status === 'absent') return attendance.status;
  return 'pending';
}

export interface PledgeCounts {
  due: number;
  signed: number;
  refused: number;
  leave: number;
  absent: number;
  pending: number;
}

export interface DelegationPledgeCounts extends PledgeCounts {
  delegation: string;
}

export interface PledgeSummary extends PledgeCounts {
  byDelegation: DelegationPledgeCounts[];
}

const zero = (): PledgeCounts => ({ due: 0, signed: 0, refused: 0, leave: 0, absent: 0, pending: 0 });

/**
 * Pledges signed of those due, in total and per delegation (sorted like the attendance
 * summary; delegates without one under `NO_DELEGATION`). One row per delegate due.
 */
export function summarizePledges(rows: readonly { delegation: string | null; state: PledgeState }[]): PledgeSummary {
  const total = zero();
  const by = new Map<string, PledgeCounts>();
  for (const row of rows) {
    const key = row.delegation ?? NO_DELEGATION;
    const counts = by.get(key) ?? zero();
    by.set(key, counts);
    for (const c of [total, counts]) {
      c.due += 1;
      c[row.state] += 1;
    }
  }
  const byDelegation = [...by]
    .map(([delegation, c]) => ({ delegation, ...c }))
    .sort((a, b) => a.delegation.localeCompare(b.delegation, 'zh-CN'));
  return { ...total, byDelegation };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A signature arrives as PNG bytes (the signature pad's canvas); anything else is refused. */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}
