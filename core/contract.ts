/**
 * The one contract: every call the UI can make, declared once with its input and
 * output schema. `db/` implements this table; Electron IPC and the loopback host are
 * thin adapters over it. The renderer imports the types from here, never backend code.
 */
import { z } from 'zod';
import { ATTENDANCE_STATUSES, DELEGATE_CATEGORIES, GENDERS } from './domain.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const partialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, '日期格式应为 YYYY-MM 或 YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable();
const id = z.number().int().positive();
/**
 * Absolute only: a relative path would land wherever the backend process happens to run
 * (`/`, `C:\\`, `\\\\server\\share`).
 */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, '须为完整路径(如 /home/… 或 D:\\…)');

export const delegateFields = z.object({
  badge: text(32),
  name: text(64),
  gender: z.enum(GENDERS).nullable(),
  ethnicity: optionalText(32),
  birthDate: partialDate.nullable(),
  education: optionalText(32),
  delegation: optionalText(64),
  unit: optionalText(200),
  category: z.enum(DELEGATE_CATEGORIES),
});

const delegate = delegateFields.extend({ id, pinyin: z.string(), initials: z.string() });

const settings = z.object({ quorumAllowEqual: z.boolean() });

const congress = z.object({
  name: z.string(),
  date: z.string(),
  venue: z.string(),
  createdAt: z.string(),
  settings,
  currentMeetingId: id.nullable(),
});

const congressFile = z.object({ path: z.string(), congress });

const meeting = z.object({ id, name: z.string(), date: z.string(), position: z.number().int() });

const attendanceRecord = z.object({
  delegateId: id,
  status: z.enum(ATTENDANCE_STATUSES),
  reason: z.string().nullable(),
  at: z.string(),
  operator: z.string(),
});

const quorum = z.object({ met: z.boolean(), needed: z.number().int(), allowEqual: z.boolean() });

const attendanceSummary = z.object({
  meetingId: id,
  due: z.number().int(),
  present: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  markedAbsent: z.number().int(),
  nonvotingPresent: z.number().int(),
  alternatePresent: z.number().int(),
  quorum,
  byDelegation: z.array(
    z.object({
      delegation: z.string(),
      due: z.number().int(),
      present: z.number().int(),
      leave: z.number().int(),
      absent: z.number().int(),
    }),
  ),
});

const rosterFile = z.object({
  fileName: text(260),
  /** The file's bytes, base64: the UI reads the file, the backend parses it. */
  contentBase64: z
    .string()
    .max(64 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是 base64'),
});

const rosterIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});

const rosterChange = z.object({
  badge: z.string(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});

const rosterPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(delegateFields.extend({ row: z.number().int() })),
  errors: z.array(rosterIssue),
  added: z.array(z.object({ badge: z.string(), name: z.string() })),
  updated: z.array(rosterChange),
  unchanged: z.number().int(),
});

const auditEntry = z.object({
  id,
  at: z.string(),
  operator: z.string(),
  station: z.string(),
  action: z.string(),
  payload: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const checkInOutcome = z.object({
  outcome: z.enum(['checked_in', 'already_present']),
  delegate,
  record: attendanceRecord,
});

const empty = z.object({}).strict();

/**
 * `write: true` calls run in one transaction and append one audit row; the dispatcher
 * requires an operator name for them.
 */
export const contract = {
  'app.info': {
    write: false,
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
    input: z.object({ name: text(200), date: isoDate, venue: text(200), path: filePath }).strict(),
    output: congressFile,
  },
  'congress.open': { write: false, input: z.object({ path: filePath }).strict(), output: congressFile },
  'congress.openDemo': { write: false, input: empty, output: congressFile },
  'congress.close': { write: false, input: empty, output: z.object({}) },
  'congress.get': { write: false, input: empty, output: congressFile },
  'congress.backup': {
    write: true,
    input: z.object({ path: filePath }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  'congress.updateSettings': { write: true, input: settings.partial().strict(), output: settings },

  'meetings.list': { write: false, input: empty, output: z.array(meeting) },
  'meetings.create': {
    write: true,
    input: z.object({ name: text(100), date: isoDate }).strict(),
    output: meeting,
  },
  'meetings.setCurrent': { write: true, input: z.object({ meetingId: id }).strict(), output: meeting },

  'delegates.list': { write: false, input: empty, output: z.array(delegate) },
  'delegates.add': { write: true, input: delegateFields.strict(), output: delegate },
  'delegates.update': {
    write: true,
    input: delegateFields.partial().extend({ id }).strict(),
    output: delegate,
  },

  'roster.preview': { write: false, input: rosterFile.strict(), output: rosterPreview },
  'roster.import': {
    write: true,
    input: rosterFile.strict(),
    output: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
  },

  'attendance.summary': { write: false, input: z.object({ meetingId: id }).strict(), output: attendanceSummary },
  'attendance.list': {
    write: false,
    input: z.object({ meetingId: id }).strict(),
    output: z.array(attendanceRecord),
  },
  /** A scanner types the badge number and Enter. */
  'attendance.checkInByBadge': {
    write: true,
    input: z.object({ meetingId: id, badge: text(32) }).strict(),
    output: checkInOutcome,
  },
  'attendance.checkIn': {
    write: true,
    input: z.object({ meetingId: id, delegateId: id }).strict(),
    output: checkInOutcome,
  },
  /** Undo this station's last check-in at the meeting. */
  'attendance.undoLast': {
    write: true,
    input: z.object({ meetingId: id }).strict(),
    output: z.object({ delegate }),
  },
  'attendance.mark': {
    write: true,
    input: z
      .object({
        meetingId: id,
        delegateId: id,
        status: z.enum(['leave', 'absent', 'pending']),
        reason: z.string().trim().max(200).nullable(),
      })
      .strict(),
    output: z.object({ delegate, status: z.enum(['leave', 'absent', 'pending']) }),
  },

  'audit.list': {
    write: false,
    input: z.object({ limit: z.number().int().min(1).max(1000), beforeId: id.nullable() }).strict(),
    output: z.array(auditEntry),
  },
  'audit.verify': {
    write: false,
    input: empty,
    output: z.object({ ok: z.boolean(), count: z.number().int(), firstBrokenId: id.nullable() }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/** Who is at the keyboard: sent with every call by the transport. */
export const callContext = z.object({
  operator: z.string().trim().max(64),
  station: z.string().trim().max(64),
});
export type CallContext = z.infer<typeof callContext>;

/**
 * Calls that only the desktop shell can answer (native dialogs, printing). The Electron
 * main process handles these itself; in a plain browser the renderer falls back to
 * `window.print()` and typed paths. They never reach the store.
 */
export const shellContract = {
  'shell.saveDialog': {
    input: z
      .object({
        title: z.string().max(200),
        defaultPath: z.string().max(4096).nullable(),
        extensions: z.array(z.string().max(16)).max(10),
      })
      .strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  'shell.openDialog': {
    input: z.object({ title: z.string().max(200), extensions: z.array(z.string().max(16)).max(10) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /** Print the calling window (the print dialog), or save it as PDF to `pdfPath`. */
  'shell.print': {
    input: z.object({ pdfPath: z.string().max(4096).nullable() }).strict(),
    output: z.object({ done: z.boolean() }),
  },
} as const;
export type ShellContract = typeof shellContract;
export type ShellChannel = keyof ShellContract;
