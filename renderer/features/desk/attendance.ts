import { useRef } from 'react';
import type { AttendanceRecord, AttendanceSummary, DueExclusion } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { queryClient, queryKey, useCall } from '../../api/queries.js';

/** One meeting's attendance as the desk shows it, read through the fetch layer. */
export interface Attendance {
  summary: AttendanceSummary | null;
  /** Each delegate's record, by delegate id. */
  records: Map<number, AttendanceRecord>;
  /** Rule 16: the exclusions from 应到 standing at the meeting, by delegate. */
  exclusions: Map<number, DueExclusion>;
  error: AppError | null;
}

export const recordsOf = (list: readonly AttendanceRecord[] | undefined): Map<number, AttendanceRecord> =>
  new Map((list ?? []).map((r) => [r.delegateId, r]));

export const standingOf = (all: readonly DueExclusion[] | undefined): Map<number, DueExclusion> =>
  new Map((all ?? []).filter((x) => x.revokedAt === null).map((x) => [x.delegateId, x]));

export function sameRecords(a: Map<number, AttendanceRecord>, b: Map<number, AttendanceRecord>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, r] of b) {
    const c = a.get(id);
    if (c === undefined || c.status !== r.status || c.at !== r.at || c.reason !== r.reason) return false;
  }
  return true;
}

export function sameExclusions(a: Map<number, DueExclusion>, b: Map<number, DueExclusion>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, x] of b) if (a.get(id)?.id !== x.id) return false;
  return true;
}

/**
 * The previous value while the new one says the same: the lists of thousands are memoised on
 * these Maps, and the re-read after a check-in (already applied here) must not draw them again.
 */
function useUnchanged<T>(next: T, same: (a: T, b: T) => boolean): T {
  const kept = useRef(next);
  if (kept.current !== next && !same(kept.current, next)) kept.current = next;
  return kept.current;
}

function useDerived<A, T>(answer: A, derive: (a: A) => T): T {
  const memo = useRef<{ answer: A; value: T } | null>(null);
  if (memo.current === null || memo.current.answer !== answer) memo.current = { answer, value: derive(answer) };
  return memo.current.value;
}

export function useAttendance(meetingId: number | null): Attendance {
  const input = meetingId === null ? null : { meetingId };
  const summary = useCall('attendance.summary', input);
  const list = useCall('attendance.list', input);
  const all = useCall('attendance.exclusions', input);
  const records = useUnchanged(useDerived(list.data, recordsOf), sameRecords);
  const exclusions = useUnchanged(useDerived(all.data, standingOf), sameExclusions);
  return {
    summary: summary.data ?? null,
    records,
    exclusions,
    error: summary.error ?? list.error ?? all.error,
  };
}

/**
 * A record the desk has just written, shown at once in the cached list (the clerk is already
 * typing the next badge); the change event's re-read confirms it a moment later.
 */
export function applyRecord(meetingId: number, delegateId: number, record: AttendanceRecord | null): void {
  queryClient.setQueryData<AttendanceRecord[]>(queryKey('attendance.list', { meetingId }), (list) => {
    if (!list) return list;
    const rest = list.filter((r) => r.delegateId !== delegateId);
    return record ? [...rest, record] : rest;
  });
}
