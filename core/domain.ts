import { DEFAULT_CONVENTION, type MarkingConvention } from './election-types.js';

/**
 * Domain vocabulary shared by every layer. Chinese terms live in comments and UI text,
 * never in identifiers.
 */

/** 类别: 正式代表 votes and counts toward 应到; 候补代表 and 列席 never do (rule 1). */
export const DELEGATE_CATEGORIES = ['voting', 'alternate', 'nonvoting'] as const;
export type DelegateCategory = (typeof DELEGATE_CATEGORIES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Attendance of one delegate at one meeting. `pending` = not arrived yet (no row stored). */
export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type StoredAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type AttendanceStatus = StoredAttendanceStatus | 'pending';

export interface Delegate {
  id: number;
  badge: string;
  name: string;
  gender: Gender | null;
  ethnicity: string | null;
  /** ISO date `YYYY-MM` or `YYYY-MM-DD`, as the roster gave it. */
  birthDate: string | null;
  education: string | null;
  delegation: string | null;
  unit: string | null;
  category: DelegateCategory;
  /** Full pinyin without tones, lower case, no spaces: 张三 → zhangsan. */
  pinyin: string;
  /** Pinyin initials: 张三 → zs. */
  initials: string;
}

export type DelegateFields = Omit<Delegate, 'id' | 'pinyin' | 'initials'>;

/** A delegate's own fields in the order rosters, forms and previews show them. */
export const DELEGATE_FIELD_NAMES = [
  'badge',
  'name',
  'gender',
  'ethnicity',
  'birthDate',
  'education',
  'delegation',
  'unit',
  'category',
] as const satisfies readonly (keyof DelegateFields)[];

export interface CongressSettings {
  /** Rule 3: what ○, × and no mark mean, and when a write-in counts. */
  marking: MarkingConvention;
  /**
   * 超过应到会人数的五分之四 is strict; older guidance read it as "at least", so a congress
   * may allow equality.
   */
  quorumAllowEqual: boolean;
  /**
   * Rule 6. The 条例 ranks a tie revote by votes alone (「就票数相等的被选举人再次投票,得票多的
   * 当选」: the tied passed half already); a congress whose 选举办法 demands more than half again
   * sets this.
   */
  tieRevoteNeedsMajority: boolean;
  /** The check-in desk asks for the discipline pledge right after a delegate checks in. */
  pledgeAtDesk: boolean;
  /** A station locks after this many minutes without a call (once the congress has operators). */
  idleMinutes: number;
  /** Where automatic backups go (a USB stick), or null for none. */
  backupDir: string | null;
}

export const DEFAULT_SETTINGS: CongressSettings = {
  quorumAllowEqual: false,
  tieRevoteNeedsMajority: false,
  marking: DEFAULT_CONVENTION,
  pledgeAtDesk: false,
  idleMinutes: 10,
  backupDir: null,
};

export interface Congress {
  name: string;
  date: string;
  venue: string;
  createdAt: string;
  settings: CongressSettings;
  currentMeetingId: number | null;
}

/**
 * Who votes at a meeting (rule 14): the voting delegates (the congress sessions: 预备会议, 选举大会),
 * or the members elected in a named contest (the first plenary, 一届一次全体会议, of the new
 * committee or of the new 纪委).
 */
export const MEETING_ELECTORATES = ['delegates', 'members'] as const;
export type MeetingElectorate = (typeof MEETING_ELECTORATES)[number];

export interface Meeting {
  id: number;
  name: string;
  date: string;
  position: number;
  electorate: MeetingElectorate;
  /** For a members meeting: the contest whose elected members form the electorate. */
  electorateContestId: number | null;
}

/** Rule 16: why someone is not due (rights suspended under 条例 第五条, death, transfer). Leave is no exclusion. */
export const EXCLUSION_KINDS = ['suspended', 'deceased', 'transferred'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

/** An approved exclusion from 应到 at one meeting; `revokedAt` set once revoked. */
export interface DueExclusion {
  id: number;
  meetingId: number;
  delegateId: number;
  kind: ExclusionKind;
  note: string | null;
  operator: string;
  at: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedNote: string | null;
}

/** Rule 14: the committee's plenary approved the 纪委 plenary's result. */
export interface MeetingApproval {
  id: number;
  /** The approving meeting (the committee's plenary). */
  meetingId: number;
  /** The meeting whose result was approved (the 纪委 plenary). */
  approvedMeetingId: number;
  note: string | null;
  operator: string;
  at: string;
}

export interface AttendanceRecord {
  delegateId: number;
  status: StoredAttendanceStatus;
  reason: string | null;
  at: string;
  operator: string;
}

export interface QuorumState {
  met: boolean;
  /** How many more voting delegates must check in for the quorum to hold (0 when met). */
  needed: number;
  allowEqual: boolean;
}

export interface DelegationCounts {
  delegation: string;
  due: number;
  present: number;
  leave: number;
  absent: number;
}

export interface AttendanceSummary {
  meetingId: number;
  /** Whose figures these are: the voting delegates, or the members of a contest (rule 14). */
  electorate: MeetingElectorate;
  /** 应到: voting delegates (or members) due to attend, less approved exclusions (rule 16). */
  due: number;
  /** 实到: voting delegates (or members) checked in. */
  present: number;
  /** 请假 */
  leave: number;
  /** 缺席: voting delegates neither present nor on leave. */
  absent: number;
  /** Of `absent`, those explicitly marked absent (the rest have simply not arrived). */
  markedAbsent: number;
  /** 列席 checked in. */
  nonvotingPresent: number;
  /** 候补代表 checked in. */
  alternatePresent: number;
  quorum: QuorumState;
  byDelegation: DelegationCounts[];
  /** At a plenary, the members (delegate ids, ascending) who are its electorate; null at a congress session. */
  memberIds: number[] | null;
  /** Approved exclusions standing at this meeting: not in 应到, listed on the attendance report. */
  exclusions: Pick<DueExclusion, 'delegateId' | 'kind' | 'note'>[];
}

export interface AuditEntry {
  id: number;
  at: string;
  operator: string;
  station: string;
  action: string;
  payload: string;
  prevHash: string;
  hash: string;
}

export interface ChangeEvent {
  topic:
    | 'congress'
    | 'roster'
    | 'meetings'
    | 'attendance'
    | 'audit'
    | 'contests'
    | 'ballots'
    | 'discipline'
    | 'operators'
    | 'backups';
  meetingId?: number;
  contestId?: number;
  roundId?: number;
}
