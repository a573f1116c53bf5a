import type {
  AttendanceRecord,
  AttendanceSummary,
  CongressSettings,
  Delegate,
  DelegationCounts,
  DueExclusion,
} from './domain.js';
import { quorumState } from './quorum.js';

/** The delegation label used for delegates the roster gives none. */
export const NO_DELEGATION = '';

/**
 * Who votes at a meeting (rule 14). The congress sessions: the voting delegates (候补代表 and 列席
 * never, rule 1). A first plenary: the members elected in its contest, whatever their roster
 * category, and nobody else (「实到会委员」).
 */
export type Electorate = { kind: 'delegates' } | { kind: 'members'; memberIds: ReadonlySet<number> };

export const DELEGATES: Electorate = { kind: 'delegates' };

export function isVoter(delegate: Pick<Delegate, 'id' | 'category'>, electorate: Electorate): boolean {
  return electorate.kind === 'delegates' ? delegate.category === 'voting' : electorate.memberIds.has(delegate.id);
}

/** Who may be checked in at a meeting: anyone on the roster at a congress session, only members at a plenary. */
export function mayAttend(delegate: Pick<Delegate, 'id'>, electorate: Electorate): boolean {
  return electorate.kind === 'delegates' || electorate.memberIds.has(delegate.id);
}

export interface AttendanceScope {
  electorate?: Electorate;
  /** Standing exclusions from 应到 at the meeting (rule 16). */
  exclusions?: readonly Pick<DueExclusion, 'delegateId' | 'kind' | 'note'>[];
  /** The meeting has started (`meetingStarted` in db/attendance): see `AttendanceSummary.started`. */
  started?: boolean;
}

/**
 * 应到/实到/请假/缺席 for one meeting. 应到 counts the meeting's voters (rule 14) except approved
 * exclusions (rule 16: 「应到会人数…除去…经批准的…」); those on leave stay in 应到 (leave excuses
 * the person, it does not lower the bar). An excluded voter counts nowhere, whatever the desk
 * recorded for them, and is listed with the kind and note of the exclusion. `absent` is everyone
 * due neither present nor on leave: 未到 while the meeting has not started, 缺席 once it has.
 * 列席 and 候补 present are counted apart, never in 应到 or 实到 (rule 1).
 */
export function summarizeAttendance(
  meetingId: number,
  delegates: readonly Pick<Delegate, 'id' | 'category' | 'delegation'>[],
  records: readonly Pick<AttendanceRecord, 'delegateId' | 'status'>[],
  settings: Pick<CongressSettings, 'quorumAllowEqual'>,
  scope: AttendanceScope = {},
): AttendanceSummary {
  const electorate = scope.electorate ?? DELEGATES;
  const statusOf = new Map(records.map((r) => [r.delegateId, r.status]));
  const excluded = new Map((scope.exclusions ?? []).map((x) => [x.delegateId, x]));
  const exclusions: AttendanceSummary['exclusions'] = [];
  let due = 0;
  let present = 0;
  let leave = 0;
  let markedAbsent = 0;
  let nonvotingPresent = 0;
  let alternatePresent = 0;
  const groups = new Map<string, DelegationCounts>();
  for (const d of delegates) {
    const status = statusOf.get(d.id);
    if (!isVoter(d, electorate)) {
      // At a plenary nobody else is checked in; at a session 列席 and 候补 are counted apart.
      if (electorate.kind === 'delegates' && status === 'present') {
        if (d.category === 'nonvoting') nonvotingPresent++;
        else alternatePresent++;
      }
      continue;
    }
    const exclusion = excluded.get(d.id);
    if (exclusion) {
      exclusions.push({ delegateId: d.id, kind: exclusion.kind, note: exclusion.note });
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
    electorate: electorate.kind,
    due,
    present,
    leave,
    absent: due - present - leave,
    markedAbsent,
    started: scope.started ?? false,
    nonvotingPresent,
    alternatePresent,
    quorum: quorumState(due, present, settings.quorumAllowEqual),
    byDelegation,
    memberIds: electorate.kind === 'members' ? [...electorate.memberIds].sort((a, b) => a - b) : null,
    exclusions,
  };
}
