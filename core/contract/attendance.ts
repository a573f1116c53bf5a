/** The check-in desk: who arrives, who is on leave or absent, and who is not due (rule 16). */
import { z } from 'zod';
import { EXCLUSION_KINDS } from '../domain.js';
import { attendanceRecord, attendanceSummary, checkInOutcome, dueExclusion } from '../model/attendance.js';
import { id, optionalText, text } from '../model/fields.js';
import { delegate } from '../model/roster.js';
import { ANYONE, K, ROLES, S, type Section } from './spec.js';

const atMeeting = z.object({ meetingId: id }).strict();
const markable = z.enum(['leave', 'absent', 'pending']);

// The desk's writes are the clerks', and the secretariat's standing in.
export const attendanceCalls = {
  'attendance.summary': { write: false, roles: ANYONE, input: atMeeting, output: attendanceSummary },
  'attendance.list': { write: false, roles: ROLES, input: atMeeting, output: z.array(attendanceRecord) },
  /** A scanner types the badge number and Enter. */
  'attendance.checkInByBadge': {
    write: true,
    roles: [K, S],
    input: z.object({ meetingId: id, badge: text(32) }).strict(),
    output: checkInOutcome,
  },
  'attendance.checkIn': {
    write: true,
    roles: [K, S],
    input: z.object({ meetingId: id, delegateId: id }).strict(),
    output: checkInOutcome,
  },
  /** Undo this station's last check-in at the meeting. */
  'attendance.undoLast': { write: true, roles: [K, S], input: atMeeting, output: z.object({ delegate }) },
  'attendance.mark': {
    write: true,
    roles: [K, S],
    input: z.object({ meetingId: id, delegateId: id, status: markable, reason: optionalText(200) }).strict(),
    output: z.object({ delegate, status: markable }),
  },
  /**
   * Rule 16: an approved exclusion from 应到 with its kind (and a note: the decision, the date).
   * It is the organisation's decision, not the desk's: the secretariat records it.
   */
  'attendance.exclude': {
    write: true,
    roles: [S],
    input: z.object({ meetingId: id, delegateId: id, kind: z.enum(EXCLUSION_KINDS), note: optionalText(200) }).strict(),
    output: dueExclusion,
  },
  'attendance.revokeExclusion': {
    write: true,
    roles: [S],
    input: z.object({ exclusionId: id, note: optionalText(200) }).strict(),
    output: dueExclusion,
  },
  /** Every exclusion recorded at the meeting, revoked ones too. */
  'attendance.exclusions': { write: false, roles: ROLES, input: atMeeting, output: z.array(dueExclusion) },
} as const satisfies Section;
