/**
 * Domain vocabulary shared by every layer. Chinese terms live in comments and UI text,
 * never in identifiers. The entities built from it are in core/model/.
 */
import { DEFAULT_CONVENTION } from './election-types.js';
import type { CongressSettings } from './model/congress.js';
import type { DelegateFields } from './model/roster.js';

export type {
  AttendanceRecord,
  AttendanceSummary,
  DelegationCounts,
  DueExclusion,
  QuorumState,
} from './model/attendance.js';
export type { AuditEntry } from './model/audit.js';
export type { Congress, CongressSettings, Meeting, MeetingApproval } from './model/congress.js';
export type { Delegate, DelegateFields } from './model/roster.js';

/** 类别: 正式代表 votes and counts toward 应到; 候补代表 and 列席 never do (rule 1). */
export const DELEGATE_CATEGORIES = ['voting', 'alternate', 'nonvoting'] as const;
export type DelegateCategory = (typeof DELEGATE_CATEGORIES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Attendance of one delegate at one meeting. `pending` = not arrived yet (no row stored). */
export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent'] as const;
export type StoredAttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export type AttendanceStatus = StoredAttendanceStatus | 'pending';

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

/** What is known of a person typed in by name alone, with no roster row behind the name: nothing. */
export const NO_FACTS = { gender: null, birthDate: null, ethnicity: null, education: null, unit: null } as const;

/** A voting delegate known by badge and name only, as the secretariat adds one by hand. */
export const namedDelegate = (badge: string, name: string): DelegateFields => ({
  badge,
  name,
  ...NO_FACTS,
  delegation: null,
  category: 'voting',
});

export const DEFAULT_SETTINGS: CongressSettings = {
  quorumAllowEqual: false,
  tieRevoteNeedsMajority: false,
  marking: DEFAULT_CONVENTION,
  pledgeAtDesk: false,
  idleMinutes: 10,
  backupDir: null,
};

/**
 * Who votes at a meeting (rule 14): the voting delegates (the congress sessions: 预备会议, 选举大会),
 * or the members elected in a named contest (the first plenary, 一届一次全体会议, of the new
 * committee or of the new 纪委).
 */
export const MEETING_ELECTORATES = ['delegates', 'members'] as const;
export type MeetingElectorate = (typeof MEETING_ELECTORATES)[number];

/** Rule 16: why someone is not due (rights suspended under 条例 第五条, death, transfer). Leave is no exclusion. */
export const EXCLUSION_KINDS = ['suspended', 'deceased', 'transferred'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

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
    | 'backups'
    /** Scanned pages of a round: received, or a reading landed (issue 13). */
    | 'scan'
    /** Issue 14: the venue network: stations paired, seen, revoked; this station's link and outbox. */
    | 'lan';
  meetingId?: number;
  contestId?: number;
  roundId?: number;
}
