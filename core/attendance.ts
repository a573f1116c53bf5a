import type { AttendanceRecord, AttendanceSummary, CongressSettings, Delegate, DelegationCounts } from './domain.js';
import { quorumState } from './quorum.js';

/** The delegation label used for delegates the roster gives none. */
export const NO_DELEGATION = '';

/**
 * 应到/实到/请假/缺席 for one meeting. 应到 counts voting delegates only; those on leave
 * stay in 应到 (leave excuses the person, it does not lower the bar).
 */
export function summarizeAttendance(
  meetingId: number,
  delegates: readonly Pick<Delegate, 'id' | 'category' | 'delegation'>[],
  records: readonly Pick<AttendanceRecord, 'delegateId' | 'status'>[],
  settings: Pick<CongressSettings, 'quorumAllowEqual'>,
): AttendanceSummary {
  const statusOf = new Map(records.map((r) => [r.delegateId, r.status]));
  let due = 0;
  let present = 0;
  let leave = 0;
  let markedAbsent = 0;
  let nonvotingPresent = 0;
  let alternatePresent = 0;
  const groups = new Map<string, DelegationCounts>();
  for (const d of delegates) {
    const status = statusOf.get(d.id);
    if (d.category !== 'voting') {
      if (status === 'present') {
        if (d.category === 'nonvoting') nonvotingPresent++;
        else alternatePresent++;
      }
      continue;
    }
    const key = d.delegation ?? NO_DELEGATION;
    let g = groups.get(key);
    if (!g) {
      g = { delegation: key, due: 0, present: 0, leave: 0, absent: 0 };
      groups.set(key, g);
    }
    due++;
    g.due++;
    if (status === 'present') {
      present++;
      g.present++;
    } else if (status === 'leave') {
      leave++;
      g.leave++;
    } else {
      if (status === 'absent') markedAbsent++;
      g.absent++;
    }
  }
  const byDelegation = [...groups.values()].sort((a, b) => a.delegation.localeCompare(b.delegation, 'zh-CN'));
  return {
    meetingId,
    due,
    present,
    leave,
    absent: due - present - leave,
    markedAbsent,
    nonvotingPresent,
    alternatePresent,
    quorum: quorumState(due, present, settings.quorumAllowEqual),
    byDelegation,
  };
}
