/** The app, the congress file and its settings, and the meetings of the day (rule 14). */
import { z } from 'zod';
import { MEETING_ELECTORATES } from '../domain.js';
import { congressFile, congressSettings, meeting, meetingApproval } from '../model/congress.js';
import { empty, filePath, id, isoDate, optionalText, text } from '../model/fields.js';
import { ANYONE, ROLES, S, type Section } from './spec.js';

export const congressCalls = {
  'app.info': {
    write: false,
    roles: ANYONE,
    input: empty,
    output: z.object({
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      defaultDirectory: z.string(),
      recentFiles: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() })),
      open: congressFile.nullable(),
    }),
  },
  'congress.create': {
    write: true,
    // With no congress open, or one without operators, anyone creates one (the gate is open);
    // over an open congress with operators it ends every sign-in: the secretariat's call.
    roles: [S],
    writes: { path: 'file' },
    input: z.object({ name: text(200), date: isoDate, venue: text(200), path: filePath }).strict(),
    output: congressFile,
  },
  'congress.open': { write: false, roles: [S], input: z.object({ path: filePath }).strict(), output: congressFile },
  'congress.openDemo': { write: false, roles: [S], input: empty, output: congressFile },
  'congress.close': { write: false, roles: [S], input: empty, output: z.object({}) },
  'congress.get': { write: false, roles: ANYONE, input: empty, output: congressFile },
  'congress.backup': {
    write: true,
    roles: [S],
    writes: { path: 'file' },
    input: z.object({ path: filePath }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  'congress.updateSettings': {
    write: true,
    roles: [S],
    // The automatic backups go there from now on (db/backups/scheduler.ts).
    writes: { backupDir: 'folder' },
    input: congressSettings.partial().strict(),
    output: congressSettings,
  },
} as const satisfies Section;

export const meetingCalls = {
  'meetings.list': { write: false, roles: ANYONE, input: empty, output: z.array(meeting) },
  'meetings.create': {
    write: true,
    roles: [S],
    input: z
      .object({
        name: text(100),
        date: isoDate,
        /** Rule 14: a first plenary names the closed contest whose members it gathers. Default: the delegates. */
        electorate: z.enum(MEETING_ELECTORATES).optional(),
        electorateContestId: id.nullable().optional(),
      })
      .strict()
      .refine((m) => (m.electorate === 'members') === (m.electorateContestId != null), {
        message: 'input.members_need_contest',
        path: ['electorateContestId'],
      }),
    output: meeting,
  },
  'meetings.setCurrent': { write: true, roles: [S], input: z.object({ meetingId: id }).strict(), output: meeting },
  /** Who may attend and vote: null member ids at a congress session (every voting delegate). */
  'meetings.electorate': {
    write: false,
    roles: ROLES,
    input: z.object({ meetingId: id }).strict(),
    output: z.object({
      meetingId: id,
      electorate: z.enum(MEETING_ELECTORATES),
      contestId: id.nullable(),
      memberIds: z.array(id).nullable(),
    }),
  },
  /**
   * Rule 14: the committee's plenary records that it approved the 纪委 plenary's result; the
   * plenary's decision, recorded by the secretariat.
   */
  'meetings.approveResult': {
    write: true,
    roles: [S],
    input: z.object({ meetingId: id, approvedMeetingId: id, note: optionalText(500) }).strict(),
    output: meetingApproval,
  },
  'meetings.approvals': { write: false, roles: ROLES, input: empty, output: z.array(meetingApproval) },
} as const satisfies Section;
