/** Who is at a meeting (实到, 请假, 缺席), who is not due (rule 16), and whether the quorum holds. */
import { z } from 'zod';
import { ATTENDANCE_STATUSES, EXCLUSION_KINDS, MEETING_ELECTORATES } from '../domain.js';
import { id, recorded } from './fields.js';
import { delegate } from './roster.js';

export const attendanceRecord = z.object({
  delegateId: id,
  status: z.enum(ATTENDANCE_STATUSES),
  reason: z.string().nullable(),
  at: z.string(),
  operator: z.string(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecord>;

/** An approved exclusion from 应到 at one meeting; `revokedAt` set once revoked. */
export const dueExclusion = z.object({
  id,
  meetingId: id,
  delegateId: id,
  kind: z.enum(EXCLUSION_KINDS),
  ...recorded,
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedNote: z.string().nullable(),
});
export type DueExclusion = z.infer<typeof dueExclusion>;

export const quorumState = z.object({
  met: z.boolean(),
  /** How many more voting delegates must check in for the quorum to hold (0 when met). */
  needed: z.number().int(),
  allowEqual: z.boolean(),
});
export type QuorumState = z.infer<typeof quorumState>;

/** The four figures of an attendance report, for the meeting and for each delegation. */
const attendanceCounts = {
  /** 应到: voting delegates (or members) due to attend, less approved exclusions (rule 16). */
  due: z.number().int(),
  /** 实到: voting delegates (or members) checked in. */
  present: z.number().int(),
  /** 请假 */
  leave: z.number().int(),
  /** 缺席: voting delegates neither present nor on leave. */
  absent: z.number().int(),
};

const delegationCounts = z.object({ delegation: z.string(), ...attendanceCounts });
export type DelegationCounts = z.infer<typeof delegationCounts>;

export const attendanceSummary = z.object({
  meetingId: id,
  /** Whose figures these are: the voting delegates, or the members of a contest (rule 14). */
  electorate: z.enum(MEETING_ELECTORATES),
  ...attendanceCounts,
  /** Of `absent`, those explicitly marked absent (the rest have simply not arrived). */
  markedAbsent: z.number().int(),
  /**
   * The meeting has started (its oath began, or a round's papers were handed out): those due
   * and not here are 缺席 from then on; before, they are 未到 (issue 15 item 6).
   */
  started: z.boolean(),
  /** 列席 checked in. */
  nonvotingPresent: z.number().int(),
  /** 候补代表 checked in. */
  alternatePresent: z.number().int(),
  quorum: quorumState,
  byDelegation: z.array(delegationCounts),
  /** Rule 14: the members (delegate ids, ascending) who are a plenary's electorate; null at a congress session. */
  memberIds: z.array(id).nullable(),
  /** Rule 16: approved exclusions standing at the meeting: not in 应到, listed on the attendance report. */
  exclusions: z.array(dueExclusion.pick({ delegateId: true, kind: true, note: true })),
});
export type AttendanceSummary = z.infer<typeof attendanceSummary>;

export const checkInOutcome = z.object({
  outcome: z.enum(['checked_in', 'already_present']),
  delegate,
  record: attendanceRecord,
});
export type CheckInOutcome = z.infer<typeof checkInOutcome>;
