/**
 * The one contract: every call the UI can make, declared once with its input and
 * output schema. `db/` implements this table; Electron IPC and the loopback host are
 * thin adapters over it. The renderer imports the types from here, never backend code.
 */
import { z } from 'zod';
import { DISCIPLINE_TEXT_KINDS, PLEDGE_STATES, PLEDGE_STATUSES } from './discipline.js';
import { ATTENDANCE_STATUSES, DELEGATE_CATEGORIES, EXCLUSION_KINDS, GENDERS, MEETING_ELECTORATES } from './domain.js';
import {
  BALLOT_STATES,
  CONTEST_KINDS,
  DISREGARD_REASONS,
  MEANINGS,
  PAPER_MARKS,
  ROUND_KINDS,
  ROUND_STATUSES,
  WRITE_IN_FATES,
} from './election-types.js';
import { ROLES } from './roles.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'input.date');
const partialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'input.month_or_date');
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
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'input.absolute_path');

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

const meaning = z.enum(MEANINGS);
const markingConvention = z
  .object({
    circle: meaning,
    cross: meaning,
    none: meaning,
    writeInNeedsMark: z.boolean(),
    writeInNeedsAgainst: z.boolean(),
  })
  .strict();

const settings = z.object({
  quorumAllowEqual: z.boolean(),
  /** The default convention for new contests; each contest keeps its own (`contest.marking`). */
  marking: markingConvention,
  /** Rule 6: a tie revote needs more than half again (default false: most votes win among the tied). */
  tieRevoteNeedsMajority: z.boolean(),
  pledgeAtDesk: z.boolean(),
  /** A station locks after this many minutes without a call (once the congress has operators). */
  idleMinutes: z.number().int().min(1).max(240),
  /** Where automatic backups go (a USB stick), or null for none. */
  backupDir: filePath.nullable(),
});

const congress = z.object({
  name: z.string(),
  date: z.string(),
  venue: z.string(),
  createdAt: z.string(),
  settings,
  currentMeetingId: id.nullable(),
});

const congressFile = z.object({ path: z.string(), congress });

const meeting = z.object({
  id,
  name: z.string(),
  date: z.string(),
  position: z.number().int(),
  /** Rule 14: the voting delegates, or the members elected in `electorateContestId`. */
  electorate: z.enum(MEETING_ELECTORATES),
  electorateContestId: id.nullable(),
});

const dueExclusion = z.object({
  id,
  meetingId: id,
  delegateId: id,
  kind: z.enum(EXCLUSION_KINDS),
  note: z.string().nullable(),
  operator: z.string(),
  at: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedNote: z.string().nullable(),
});

const meetingApproval = z.object({
  id,
  meetingId: id,
  approvedMeetingId: id,
  note: z.string().nullable(),
  operator: z.string(),
  at: z.string(),
});

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
  electorate: z.enum(MEETING_ELECTORATES),
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
  /** Rule 14: the members who are a plenary's electorate; null at a congress session. */
  memberIds: z.array(id).nullable(),
  /** Rule 16: approved exclusions standing at the meeting, not counted in 应到. */
  exclusions: z.array(z.object({ delegateId: id, kind: z.enum(EXCLUSION_KINDS), note: z.string().nullable() })),
});

const rosterFile = z.object({
  fileName: text(260),
  /** The file's bytes, base64: the UI reads the file, the backend parses it. */
  contentBase64: z
    .string()
    .max(64 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'input.base64'),
});

/** Why an automatic backup was made (db/backups.ts). */
export const BACKUP_REASONS = ['interval', 'round_closed', 'folder_set'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

const rosterIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
  /** Why, as a key of core/reasons.ts with its values: the UI renders it in its language. */
  reason: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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

// ——— Contests, rounds and ballots (issue 3) ———

const paperMark = z.enum(PAPER_MARKS);
const writeIn = z.object({ name: text(64), mark: paperMark }).strict();
/** A ballot as entered. Marks are checked against the round's candidate count by the handler. */
const ballotMarks = { marks: z.array(paperMark).max(500), writeIns: z.array(writeIn).max(100) };
const reason = z.string().trim().min(1, 'input.reason_required').max(500);

const personFacts = {
  gender: z.enum(GENDERS).nullable(),
  birthDate: partialDate.nullable(),
  ethnicity: optionalText(32),
  education: optionalText(32),
};

const contest = z.object({
  id,
  meetingId: id,
  title: z.string(),
  kind: z.enum(CONTEST_KINDS),
  seats: z.number().int(),
  marginPercent: z.number().int(),
  /** Candidates the margin asks for: seats + ⌈seats × margin⌉ (rule 8). */
  requiredCandidates: z.number().int(),
  doubleEntry: z.boolean(),
  /** Contests sharing a paper group are issued together on separate papers (rule 10). */
  paperGroup: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(['setup', 'voting', 'closed']),
  /** The presidium's recorded decision to reduce seats (rule 7), if any. */
  seatsReducedTo: z.number().int().nullable(),
  seatsReducedNote: z.string().nullable(),
  /**
   * Rule 3: this contest's marking convention (「each contest (paper group) says which」), fixed
   * once it has a ballot; contests of one paper group share it.
   */
  marking: markingConvention,
  /** Rule 12: the closed 预选 whose result made this formal contest's candidates, if any. */
  fromPrevoteId: id.nullable(),
});

const candidate = z.object({
  id,
  contestId: id,
  delegateId: id.nullable(),
  name: z.string(),
  ...personFacts,
  unit: z.string().nullable(),
  /** Approved paper order (1-based), null until the secretariat approves an order. */
  position: z.number().int().nullable(),
  /** Added as a written-in name carried into a later round. */
  fromWriteIn: z.boolean(),
});

const round = z.object({
  id,
  contestId: id,
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  seats: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  /** Paper order of this round's candidates. */
  candidateIds: z.array(id),
  votersPresent: z.number().int().nullable(),
  due: z.number().int().nullable(),
  ballotsPrinted: z.number().int().nullable(),
  issued: z.number().int().nullable(),
  spareVoided: z.number().int().nullable(),
  collected: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Rule 16: the presidium declared the round void (选举无效) with this reason; a rerun follows. */
  voidDeclaration: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});

/** Rule 13: 总监票人, 监票人 (voters not standing in the contest, approved by the meeting), 计票人. */
export const OFFICIAL_ROLES = ['chief_scrutineer', 'scrutineer', 'counter'] as const;
const official = z.object({
  id,
  contestId: id,
  role: z.enum(OFFICIAL_ROLES),
  /** The voter on the roster; null only for a counter. */
  delegateId: id.nullable(),
  name: z.string(),
  /** How the meeting approved them (「经大会表决通过」); null only for a counter. */
  approval: z.string().nullable(),
  appointedBy: z.string(),
  appointedAt: z.string(),
});

const ballot = z.object({
  id,
  roundId: id,
  /** Order of entry in the round, 1-based, counting every version. */
  seq: z.number().int(),
  stack: z.number().int().nullable(),
  /** In double entry: first or second keying of the stack. */
  entry: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Position within the stack's entry, 1-based. */
  stackPosition: z.number().int().nullable(),
  state: z.enum(BALLOT_STATES),
  marks: z.array(paperMark),
  writeIns: z.array(z.object({ name: z.string(), mark: paperMark })),
  /** Rule 4's fate of each write-in line, in line order (core/ballot.ts `writeInLines`). */
  writeInFates: z.array(z.enum(WRITE_IN_FATES)),
  /** Rule 4 on the marks; null while set aside and undecided. */
  valid: z.boolean().nullable(),
  chosen: z.number().int(),
  decision: z
    .object({ verdict: z.enum(['as_entered', 'invalid']), by: z.string(), note: z.string().nullable(), at: z.string() })
    .nullable(),
  replaces: id.nullable(),
  reason: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

const rankedChoice = z.object({
  choice: z.union([
    z.object({ kind: z.literal('candidate'), index: z.number().int() }),
    z.object({ kind: z.literal('writeIn'), name: z.string() }),
  ]),
  name: z.string(),
  votes: z.number().int(),
});

/** Rule 11's structure of an elected body (core/structure.ts). */
const bodyStructureSchema = z.object({
  total: z.number().int(),
  women: z.number().int(),
  under35: z.number().int(),
  minority: z.number().int(),
  education: z.array(z.object({ level: z.string(), count: z.number().int() })),
  unknown: z.object({
    gender: z.number().int(),
    birthDate: z.number().int(),
    ethnicity: z.number().int(),
    education: z.number().int(),
  }),
});

const roundResult = z.object({
  round,
  tally: z.object({
    counted: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    pendingSetAside: z.number().int(),
    candidates: z.array(z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() })),
    writeIns: z.array(z.object({ name: z.string(), for: z.number().int() })),
    /** Marked write-ins rule 4 disregarded on valid ballots, per normalised name and reason. */
    disregardedWriteIns: z.array(
      z.object({ name: z.string(), reason: z.enum(DISREGARD_REASONS), count: z.number().int() }),
    ),
  }),
  decision: z.object({
    threshold: z.number().int(),
    basis: z.number().int(),
    basisKind: z.enum(['present', 'due']),
    passed: z.array(rankedChoice),
    elected: z.array(rankedChoice),
    tie: z.object({ tied: z.array(rankedChoice), seats: z.number().int() }).nullable(),
    unfilled: z.number().int(),
    /** False in a tie revote ranked by votes alone (rule 6); `threshold` is then 0. */
    majorityTest: z.boolean(),
  }),
  /** Why the figures are not final yet (entries missing, set-aside ballots, unreconciled stacks, not closed). */
  provisional: z.array(z.enum(['not_closed', 'ballots_missing', 'set_aside_pending', 'stacks_unreconciled'])),
  /** Structure of those elected (rule 11): women, under 35 on the election day, minority, education. */
  structure: bodyStructureSchema,
});

const stackSummary = z.object({
  stack: z.number().int(),
  first: z.number().int(),
  second: z.number().int(),
  differences: z.number().int(),
  reconciled: z.boolean(),
});

const candidateInput = z
  .object({ delegateId: id.nullable(), name: text(64), ...personFacts, unit: optionalText(200) })
  .strict();

export const electionContract = {
  'contests.list': { write: false, input: z.object({ meetingId: id }).strict(), output: z.array(contest) },
  'contests.get': {
    write: false,
    input: z.object({ contestId: id }).strict(),
    output: z.object({ contest, candidates: z.array(candidate), rounds: z.array(round) }),
  },
  'contests.create': {
    write: true,
    input: z
      .object({
        meetingId: id,
        title: text(100),
        kind: z.enum(CONTEST_KINDS),
        seats: z.number().int().min(1).max(500),
        marginPercent: z.number().int().min(0).max(100),
        doubleEntry: z.boolean(),
        paperGroup: optionalText(50),
        /** Rule 3: default the paper group's convention, else the congress setting. */
        marking: markingConvention.optional(),
      })
      .strict(),
    output: contest,
  },
  /** Only while the contest is in setup (no ballots issued). */
  'contests.update': {
    write: true,
    input: z
      .object({
        contestId: id,
        title: text(100).optional(),
        kind: z.enum(CONTEST_KINDS).optional(),
        seats: z.number().int().min(1).max(500).optional(),
        marginPercent: z.number().int().min(0).max(100).optional(),
        doubleEntry: z.boolean().optional(),
        paperGroup: optionalText(50).optional(),
        /** Applies to every contest of the paper group; refused once any of them has a ballot. */
        marking: markingConvention.optional(),
      })
      .strict(),
    output: contest,
  },
  /** Rule 7: the presidium reduces the seats instead of another round; the app records it. */
  'contests.reduceSeats': {
    write: true,
    input: z.object({ contestId: id, seats: z.number().int().min(0).max(500), note: reason }).strict(),
    output: contest,
  },
  'candidates.add': { write: true, input: candidateInput.extend({ contestId: id }).strict(), output: candidate },
  'candidates.remove': { write: true, input: z.object({ candidateId: id }).strict(), output: z.object({}) },
  /** The same columns as the roster (姓名, 性别, 出生年月, 民族, 学历, 工作单位); no badge needed. */
  'candidates.import': {
    write: true,
    input: z.object({ contestId: id, fileName: text(260), contentBase64: z.string().max(64 * 1024 * 1024) }).strict(),
    output: z.array(candidate),
  },
  /** The presidium-approved paper order (rule 9); refused once ballots are issued. */
  'candidates.approveOrder': {
    write: true,
    input: z.object({ contestId: id, candidateIds: z.array(id).min(1).max(500) }).strict(),
    output: z.array(candidate),
  },
  /** Ballots printed, issued (= voters present, rule 2), spare voided in public. Needs the quorum. */
  'rounds.distribute': {
    write: true,
    input: z
      .object({
        roundId: id,
        ballotsPrinted: z.number().int().min(0).max(100_000),
        issued: z.number().int().min(0).max(100_000),
        spareVoided: z.number().int().min(0).max(100_000),
      })
      .strict(),
    output: round,
  },
  /** Collected > issued voids the round and opens a rerun with a fresh ballot set (rule 2). */
  'rounds.collect': {
    write: true,
    input: z.object({ roundId: id, collected: z.number().int().min(0).max(100_000) }).strict(),
    output: z.object({ round, rerun: round.nullable() }),
  },
  'rounds.result': { write: false, input: z.object({ roundId: id }).strict(), output: roundResult },
  /** Final only when closed (by the chief scrutineer); a tie at the cut opens a revote among the tied. */
  'rounds.close': {
    write: true,
    input: z.object({ roundId: id }).strict(),
    output: z.object({ result: roundResult, next: round.nullable() }),
  },
  /**
   * 另行选举 for unfilled seats, among candidates not elected, as the presidium decides (rule 7);
   * candidates added after further 酝酿 come in `newCandidates` (from the roster by delegateId, or
   * by name with facts) and join the contest. The whole paper is in suggested stroke order.
   */
  'rounds.openAdditional': {
    write: true,
    input: z
      .object({
        contestId: id,
        seats: z.number().int().min(1).max(500),
        candidateIds: z.array(id).max(500),
        newCandidates: z.array(candidateInput).max(100).default([]),
        /** The presidium's decision on the added candidates (酝酿), recorded in the audit row. */
        note: optionalText(500).default(null),
      })
      .strict(),
    output: round,
  },
  /** Rule 16: the presidium declares a round void (选举无效) with its reason; opens a rerun. */
  'rounds.declareVoid': {
    write: true,
    input: z.object({ roundId: id, reason }).strict(),
    output: z.object({ round, rerun: round }),
  },
  /** Rule 12: the formal contest from a closed 预选, its elected as candidates in stroke order, not approved. */
  'contests.createFromPrevote': {
    write: true,
    input: z
      .object({
        prevoteContestId: id,
        /** Default: the pre-vote's meeting. */
        meetingId: id.nullable().default(null),
        title: text(100),
        seats: z.number().int().min(1).max(500),
        marginPercent: z.number().int().min(0).max(100),
        doubleEntry: z.boolean().default(false),
        paperGroup: optionalText(50).default(null),
      })
      .strict(),
    output: z.object({ contest, candidates: z.array(candidate) }),
  },
  'officials.list': { write: false, input: z.object({ contestId: id }).strict(), output: z.array(official) },
  /** A scrutineer must be a voter of the contest's meeting and no candidate in it; a counter may be anyone. */
  'officials.appoint': {
    write: true,
    input: z
      .object({
        contestId: id,
        role: z.enum(OFFICIAL_ROLES),
        delegateId: id.nullable(),
        /** Used for a counter not on the roster; ignored when delegateId is given. */
        name: text(64).nullable().default(null),
        approval: optionalText(200).default(null),
      })
      .strict(),
    output: official,
  },
  /** Before the contest's first distribution only. */
  'officials.remove': { write: true, input: z.object({ officialId: id }).strict(), output: z.object({}) },
  'ballots.list': { write: false, input: z.object({ roundId: id }).strict(), output: z.array(ballot) },
  'ballots.enter': {
    write: true,
    input: z
      .object({
        roundId: id,
        ...ballotMarks,
        setAside: z.boolean(),
        stack: z.number().int().min(1).max(10_000).nullable(),
        entry: z.union([z.literal(1), z.literal(2)]).nullable(),
      })
      .strict(),
    output: ballot,
  },
  'ballots.correct': {
    write: true,
    input: z.object({ ballotId: id, ...ballotMarks, reason }).strict(),
    output: ballot,
  },
  'ballots.void': { write: true, input: z.object({ ballotId: id, reason }).strict(), output: ballot },
  /** The chief scrutineer's decision on a set-aside ballot, recorded with who made it. */
  'ballots.decide': {
    write: true,
    input: z
      .object({ ballotId: id, verdict: z.enum(['as_entered', 'invalid']), note: z.string().trim().max(500).nullable() })
      .strict(),
    output: ballot,
  },
  'stacks.list': { write: false, input: z.object({ roundId: id }).strict(), output: z.array(stackSummary) },
  'stacks.compare': {
    write: false,
    input: z.object({ roundId: id, stack: z.number().int().min(1) }).strict(),
    output: z.array(
      z.object({ position: z.number().int(), first: ballot.nullable(), second: ballot.nullable(), same: z.boolean() }),
    ),
  },
  /** Scrutineers settle one differing position by keeping the first or second keying. */
  'stacks.settle': {
    write: true,
    input: z
      .object({
        roundId: id,
        stack: z.number().int().min(1),
        position: z.number().int().min(1),
        keep: z.union([z.literal(1), z.literal(2)]),
      })
      .strict(),
    output: stackSummary,
  },
} as const;

// ——— The oath of election discipline and the pledges (issue 5) ———

const base64 = (maxBytes: number) =>
  z
    .string()
    .min(1)
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'input.base64');

const disciplineText = z.object({
  id,
  kind: z.enum(DISCIPLINE_TEXT_KINDS),
  /** 1, 2, … per kind: the oath and each pledge keep the version that was read. */
  version: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

const delegateBrief = z.object({
  id,
  badge: z.string(),
  name: z.string(),
  delegation: z.string().nullable(),
  category: z.enum(DELEGATE_CATEGORIES),
});

const oath = z.object({
  id,
  meetingId: id,
  text: disciplineText,
  leader: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  operator: z.string(),
  /** The delegates checked in when the oath began, then latecomers with their own time. */
  participants: z.array(
    z.object({ delegate: delegateBrief, joinedAt: z.string(), late: z.boolean(), operator: z.string() }),
  ),
});

const pledge = z.object({
  id,
  delegateId: id,
  status: z.enum(PLEDGE_STATUSES),
  textId: id,
  textVersion: z.number().int(),
  meetingId: id.nullable(),
  note: z.string().nullable(),
  at: z.string(),
  operator: z.string(),
  station: z.string(),
  /** Size and SHA-256 of the stored PNG; the image itself comes from `pledges.signatures`. */
  signature: z.object({ bytes: z.number().int(), sha256: z.string() }).nullable(),
  withdrawn: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});

const pledgeCounts = {
  due: z.number().int(),
  signed: z.number().int(),
  refused: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  pending: z.number().int(),
};

export const disciplineContract = {
  /** The current oath and pledge texts (the newest version of each). */
  'discipline.texts': {
    write: false,
    input: empty,
    output: z.object({ oath: disciplineText, pledge: disciplineText }),
  },
  /** Saves a new version; records already taken keep the version they were taken with. */
  'discipline.setText': {
    write: true,
    input: z.object({ kind: z.enum(DISCIPLINE_TEXT_KINDS), body: text(20_000) }).strict(),
    output: disciplineText,
  },
  'oath.get': { write: false, input: z.object({ meetingId: id }).strict(), output: oath.nullable() },
  /** The moment the oath begins: the delegates checked in now become its participants. */
  'oath.start': {
    write: true,
    input: z.object({ meetingId: id, leader: optionalText(64) }).strict(),
    output: oath,
  },
  /** Records the end (and the leader, when given; null keeps the one recorded). */
  'oath.finish': {
    write: true,
    input: z.object({ oathId: id, leader: optionalText(64) }).strict(),
    output: oath,
  },
  /** A delegate checked in after the oath began, who took it late. */
  'oath.addLatecomer': {
    write: true,
    input: z.object({ oathId: id, delegateId: id }).strict(),
    output: oath,
  },
  /** Every delegate due to pledge, with where they stand at the meeting, and the counts. */
  'pledges.summary': {
    write: false,
    input: z.object({ meetingId: id }).strict(),
    output: z.object({
      ...pledgeCounts,
      byDelegation: z.array(z.object({ delegation: z.string(), ...pledgeCounts })),
      rows: z.array(
        z.object({
          delegate: delegateBrief,
          state: z.enum(PLEDGE_STATES),
          present: z.boolean(),
          pledge: pledge.nullable(),
        }),
      ),
    }),
  },
  /** A delegate's pledges, withdrawn ones included, oldest first. */
  'pledges.history': { write: false, input: z.object({ delegateId: id }).strict(), output: z.array(pledge) },
  /** `textId` is the version shown on screen: a pledge is refused against a text since replaced. */
  'pledges.sign': {
    write: true,
    input: z
      .object({ delegateId: id, meetingId: id.nullable(), textId: id, signaturePngBase64: base64(2 * 1024 * 1024) })
      .strict(),
    output: pledge,
  },
  'pledges.refuse': {
    write: true,
    input: z.object({ delegateId: id, meetingId: id.nullable(), textId: id, note: optionalText(200) }).strict(),
    output: pledge,
  },
  /** Only with a reason; the pledge stays in the history and the audit log. */
  'pledges.withdraw': { write: true, input: z.object({ pledgeId: id, reason }).strict(), output: pledge },
  /** The signature images (PNG, base64) for the pledge roster. */
  'pledges.signatures': {
    write: false,
    input: z.object({ pledgeIds: z.array(id).max(5000) }).strict(),
    output: z.array(z.object({ pledgeId: id, pngBase64: z.string() })),
  },
} as const;

// ——— Signed results, verification and the district view (issue 4) ———

export const VERIFY_FAILURE_KINDS = [
  'malformed',
  'unknown_format',
  'bad_signature',
  'unknown_key',
  'recount_differs',
  'attendance_inconsistent',
  /** Rule 1: a meeting that voted, or a round's snapshot, without more than four fifths present. */
  'quorum_not_met',
  /** The same person (by normalised name) elected twice in one contest. */
  'elected_twice',
  /** Rule 13: a 总监票人 or 监票人 who is a candidate in the contest. */
  'official_is_candidate',
] as const;

const verifyReport = z.object({
  /** True only when every check holds. */
  ok: z.boolean(),
  failures: z.array(
    z.object({
      kind: z.enum(VERIFY_FAILURE_KINDS),
      message: z.string(),
      /** The meeting's name, when the failure is about a meeting or one of its contests. */
      meeting: z.string().nullable(),
      contest: z.string().nullable(),
      round: z.number().int().nullable(),
      subject: z.string().nullable(),
      stated: z.string().nullable(),
      recounted: z.string().nullable(),
    }),
  ),
  signatureValid: z.boolean(),
  /** The fingerprint of the key that signed (null when the file could not be read that far). */
  fingerprint: z.string().nullable(),
  summary: z
    .object({
      congress: z.object({ name: z.string(), date: z.string(), venue: z.string() }),
      exportedAt: z.string(),
      appVersion: z.string(),
      /** The file's format version (docs/result-file.md): 1 files keep verifying with their own rules. */
      formatVersion: z.number().int(),
      contentHash: z.string(),
      shortHash: z.string(),
      audit: z.object({ entries: z.number().int(), head: z.string() }),
      fingerprint: z.string(),
      contests: z.array(
        z.object({
          title: z.string(),
          kind: z.enum(CONTEST_KINDS),
          seats: z.number().int(),
          elected: z.array(z.string()),
          structure: bodyStructureSchema,
        }),
      ),
      seats: z.number().int(),
      elected: z.number().int(),
      structure: bodyStructureSchema,
      meetings: z.array(
        z.object({
          name: z.string(),
          date: z.string(),
          due: z.number().int(),
          present: z.number().int(),
          oathParticipants: z.number().int().nullable(),
        }),
      ),
      pledges: z.object({ due: z.number().int(), signed: z.number().int(), refused: z.number().int() }),
    })
    .nullable(),
});

const fingerprintInput = z.string().trim().max(64).nullable();

export const resultContract = {
  /** The installation key's fingerprint, made on first use. */
  'keys.info': {
    write: false,
    input: empty,
    output: z.object({
      fingerprint: z.string(),
      publicKey: z.string(),
      createdAt: z.string(),
      protection: z.enum(['safeStorage', 'file']),
    }),
  },
  /** Whether the result can be exported, and the hash the forms print. */
  'result.status': {
    write: false,
    input: empty,
    output: z.object({
      ready: z.boolean(),
      /** Contests not closed yet (the export waits for all). */
      open: z.array(z.object({ contestId: id, title: z.string() })),
      contentHash: z.string(),
      shortHash: z.string(),
      fingerprint: z.string(),
    }),
  },
  /** The signed result file (and a CSV of the results when `csvPath` is given), written atomically. */
  'result.export': {
    write: true,
    input: z.object({ path: filePath, csvPath: filePath.nullable() }).strict(),
    output: z.object({
      path: z.string(),
      bytes: z.number().int(),
      csvPath: z.string().nullable(),
      contentHash: z.string(),
      shortHash: z.string(),
      fingerprint: z.string(),
    }),
  },
  /** Checks a result file from anywhere; needs no congress open. */
  'result.verify': {
    write: false,
    input: z.object({ path: filePath, fingerprint: fingerprintInput }).strict(),
    output: verifyReport,
  },
  /** The district view: many result files verified, per township and in total (verified files only). */
  'result.district': {
    write: false,
    input: z.object({ paths: z.array(filePath).min(1).max(1000), fingerprint: fingerprintInput }).strict(),
    output: z.object({
      /** `duplicateOf`: an earlier file with the same content (one township counted once). */
      files: z.array(z.object({ path: z.string(), report: verifyReport, duplicateOf: z.string().nullable() })),
      total: z.object({
        townships: z.number().int(),
        contests: z.number().int(),
        seats: z.number().int(),
        elected: z.number().int(),
        structure: bodyStructureSchema,
      }),
    }),
  },
  /** The district view as an .xlsx workbook. */
  'result.districtExport': {
    write: false,
    input: z
      .object({ paths: z.array(filePath).min(1).max(1000), fingerprint: fingerprintInput, out: filePath })
      .strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const;

// ——— Operators, stations and backups (issue 6) ———

const operator = z.object({
  id,
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
});
const pin = z.string().regex(/^\d{4,12}$/, 'input.pin_format');

const backupEntry = z.object({ path: z.string(), bytes: z.number().int(), modifiedAt: z.string() });

export const operatorContract = {
  'operators.list': { write: false, input: empty, output: z.array(operator) },
  /** The first operator must be the secretariat: from then on every write needs a signed-in station. */
  'operators.add': {
    write: true,
    input: z.object({ name: text(64), role: z.enum(ROLES), pin }).strict(),
    output: operator,
  },
  'operators.update': {
    write: true,
    input: z
      .object({ operatorId: id, role: z.enum(ROLES).optional(), pin: pin.optional(), disabled: z.boolean().optional() })
      .strict(),
    output: operator,
  },
  /** Opens this station for an operator; the answer's token goes with every later call. */
  'station.signIn': {
    write: true,
    input: z.object({ operatorId: id, pin: z.string().max(32) }).strict(),
    output: z.object({ token: z.string(), operator, idleMinutes: z.number().int() }),
  },
  /** Locks this station (the token in the call's context stops working). */
  'station.lock': { write: false, input: empty, output: z.object({}) },
  /** Whether the open congress asks for sign-in, and who is signed in at this station. */
  'station.status': {
    write: false,
    input: empty,
    output: z.object({ enforced: z.boolean(), operator: operator.nullable(), idleMinutes: z.number().int() }),
  },
  /** Automatic backups of the open congress: the folder, the last copy, the copies there. */
  'backups.status': {
    write: false,
    input: empty,
    output: z.object({
      dir: z.string().nullable(),
      /** Why the copy was made: on the interval, at a round's close, when the folder was set. */
      last: z.object({ path: z.string(), at: z.string(), reason: z.enum(BACKUP_REASONS) }).nullable(),
      /** The last automatic copy that failed, as a reason (core/reasons.ts `backup.auto_failed`). */
      lastError: z
        .object({
          at: z.string(),
          reason: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          message: z.string(),
        })
        .nullable(),
      copies: z.array(backupEntry),
    }),
  },
  /** Replaces `path` by a backup copy, after checking the copy (ours, intact, audit chain whole). */
  'backups.restore': {
    write: true,
    input: z.object({ backupPath: filePath, path: filePath }).strict(),
    output: z.object({ path: z.string(), restoredFrom: z.string(), previousKeptAt: z.string().nullable() }),
  },
} as const;

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
  'meetings.setCurrent': { write: true, input: z.object({ meetingId: id }).strict(), output: meeting },
  /** Who may attend and vote: null member ids at a congress session (every voting delegate). */
  'meetings.electorate': {
    write: false,
    input: z.object({ meetingId: id }).strict(),
    output: z.object({
      meetingId: id,
      electorate: z.enum(MEETING_ELECTORATES),
      contestId: id.nullable(),
      memberIds: z.array(id).nullable(),
    }),
  },
  /** Rule 14: the committee's plenary records that it approved the 纪委 plenary's result. */
  'meetings.approveResult': {
    write: true,
    input: z.object({ meetingId: id, approvedMeetingId: id, note: optionalText(500) }).strict(),
    output: meetingApproval,
  },
  'meetings.approvals': { write: false, input: empty, output: z.array(meetingApproval) },

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
  /** Rule 16: an approved exclusion from 应到 with its kind (and a note: the decision, the date). */
  'attendance.exclude': {
    write: true,
    input: z.object({ meetingId: id, delegateId: id, kind: z.enum(EXCLUSION_KINDS), note: optionalText(200) }).strict(),
    output: dueExclusion,
  },
  'attendance.revokeExclusion': {
    write: true,
    input: z.object({ exclusionId: id, note: optionalText(200) }).strict(),
    output: dueExclusion,
  },
  /** Every exclusion recorded at the meeting, revoked ones too. */
  'attendance.exclusions': {
    write: false,
    input: z.object({ meetingId: id }).strict(),
    output: z.array(dueExclusion),
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
  ...electionContract,
  ...disciplineContract,
  ...resultContract,
  ...operatorContract,
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
  /** The station's sign-in (`station.signIn`), once the congress has operators. */
  session: z.string().max(128).optional(),
  /** The chief scrutineer's PIN typed for this one call (closing a round, deciding a ballot, signing). */
  confirm: z
    .object({ operatorId: z.number().int().positive(), pin: z.string().max(32) })
    .strict()
    .optional(),
  /**
   * The reasons of the warnings (core/reasons.ts) the operator saw and acknowledged for this call:
   * a write that raises a warning not listed here is answered `warnings` and writes nothing.
   */
  acknowledge: z.array(z.string().max(80)).max(32).optional(),
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
