/**
 * The signed result file (DESIGN.md "Signed results", docs/result-file.md): what leaves the
 * venue. One schema, used to write the file, to check a file read back, and to generate the
 * JSON Schema in docs/. Pure: hashing and signing are done by the caller (db/result-file/).
 */
import { z } from 'zod';
import { EXCLUSION_KINDS, GENDERS } from './domain.js';
import { CONTEST_KINDS, DISREGARD_REASONS, type PaperMark, ROUND_KINDS, ROUND_STATUSES } from './election-types.js';
import { markingConvention } from './model/congress.js';

export const RESULT_FORMAT = 'congress-desk-result';
/** The version this app writes. */
export const RESULT_FORMAT_VERSION = 2;
/** Every version a verifier reads: version 1 files (written before issue 10) keep verifying. */
export const RESULT_FORMAT_VERSIONS = [1, 2] as const;
export type ResultFormatVersion = (typeof RESULT_FORMAT_VERSIONS)[number];

/**
 * A ballot's marks as one character per candidate in paper order: `o` ○, `x` ×, `-` no mark.
 * 100,000 ballots of 30 candidates stay a few megabytes, and a line is readable by eye.
 */
const MARK_CHARS: Record<PaperMark, string> = { circle: 'o', cross: 'x', none: '-' };
const CHAR_MARKS: Record<string, PaperMark> = { o: 'circle', x: 'cross', '-': 'none' };

export const encodeMarks = (marks: readonly PaperMark[]): string => marks.map((m) => MARK_CHARS[m]).join('');
export function decodeMarks(text: string): PaperMark[] {
  const out: PaperMark[] = [];
  for (const ch of text) {
    const mark = CHAR_MARKS[ch];
    if (!mark) throw new RangeError(`unknown mark character ${JSON.stringify(ch)}`);
    out.push(mark);
  }
  return out;
}

const count = z.number().int().min(0);
/** A calendar day: the structure counts ages on it, so 2026-13-20 is refused, not guessed. */
const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: '不是有效的日期',
    },
  );
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const nullableText = z.string().nullable();

const personFacts = {
  gender: z.enum(GENDERS).nullable(),
  birthDate: nullableText,
  ethnicity: nullableText,
  education: nullableText,
};

const structure = z
  .object({
    total: count,
    women: count,
    under35: count,
    minority: count,
    education: z.array(z.object({ level: z.string(), count }).strict()),
    unknown: z.object({ gender: count, birthDate: count, ethnicity: count, education: count }).strict(),
  })
  .strict()
  .describe('Rule 11: women, under 35 on the meeting day, ethnic minority, education; missing facts under unknown.');

const ballot = z
  .object({
    seq: z.number().int().min(1).describe('Order of entry in the round, counting every version.'),
    marks: z
      .string()
      .regex(/^[ox-]*$/)
      .describe('One character per candidate in paper order: o = ○, x = ×, - = no mark.'),
    writeIns: z.array(z.object({ name: z.string(), mark: z.enum(['o', 'x', '-']) }).strict()),
    state: z
      .enum(['counted', 'set_aside', 'voided', 'superseded'])
      .describe('Only counted and set_aside ballots are in the tally; voided and superseded are kept as history.'),
    entry: z
      .union([z.literal(1), z.literal(2), z.null()])
      .describe('Double entry: 1 = the keying that counts, 2 = the check keying (never counted).'),
    decision: z
      .enum(['as_entered', 'invalid'])
      .nullable()
      .describe("The scrutineers' verdict on a set-aside ballot; null = undecided."),
  })
  .strict();

const choice = z
  .object({
    name: z.string(),
    votes: count,
    candidateId: z.number().int().nullable().describe('null for a written-in name (另选他人).'),
  })
  .strict();

const settingsV1 = z.object({ quorumAllowEqual: z.boolean(), marking: markingConvention }).strict();

// ——— Version 1 (written until issue 10), frozen: a verifier keeps reading it ———

const tallyV1 = z
  .object({
    counted: count,
    valid: count,
    invalid: count,
    pendingSetAside: count,
    candidates: z.array(z.object({ for: count, against: count, abstain: count }).strict()),
    writeIns: z.array(z.object({ name: z.string(), for: count }).strict()),
  })
  .strict();

const roundV1 = z
  .object({
    number: z.number().int().min(1),
    kind: z.enum(ROUND_KINDS),
    seats: z.number().int().min(1),
    status: z.enum(ROUND_STATUSES),
    candidateIds: z.array(z.number().int()).describe("The round's candidates in paper order."),
    votersPresent: count.nullable().describe('实到会有选举权人数 when the ballots were issued.'),
    due: count.nullable().describe('应到会人数 when the ballots were issued.'),
    ballotsPrinted: count.nullable(),
    issued: count.nullable(),
    spareVoided: count.nullable(),
    collected: count.nullable(),
    closedBy: nullableText,
    closedAt: nullableText,
    ballots: z.array(ballot),
    tally: tallyV1.describe('As stated by the app; a verifier recounts it from `ballots`.'),
    decision: z
      .object({
        threshold: count,
        basis: count,
        basisKind: z.enum(['present', 'due']),
        elected: z.array(choice),
        tie: z
          .object({ tied: z.array(choice), seats: count })
          .strict()
          .nullable(),
        unfilled: count,
      })
      .strict()
      .nullable()
      .describe('Rules 5–7 on the tally; null for a round that was never counted (void or not closed).'),
  })
  .strict();

const candidate = z
  .object({ id: z.number().int(), name: z.string(), ...personFacts, unit: nullableText, fromWriteIn: z.boolean() })
  .strict();

const contestV1 = z
  .object({
    id: z.number().int(),
    meetingId: z.number().int(),
    title: z.string(),
    kind: z.enum(CONTEST_KINDS),
    seats: z.number().int().min(1),
    marginPercent: count,
    seatsReducedTo: count.nullable(),
    seatsReducedNote: nullableText,
    status: z.enum(['setup', 'voting', 'closed']),
    candidates: z.array(candidate),
    rounds: z.array(roundV1),
    elected: z
      .array(
        z
          .object({
            name: z.string(),
            round: z.number().int(),
            votes: count,
            candidateId: z.number().int().nullable(),
            ...personFacts,
          })
          .strict(),
      )
      .describe('Everyone elected in the closed rounds, round by round, with the facts the structure counts.'),
    structure,
  })
  .strict();

const meetingV1 = z
  .object({
    id: z.number().int(),
    name: z.string(),
    date: calendarDay,
    attendance: z
      .object({
        due: count,
        present: count,
        leave: count,
        absent: count,
        nonvotingPresent: count,
        alternatePresent: count,
      })
      .strict()
      .describe('Voting delegates: 应到, 实到, 请假, 缺席; 列席 and 候补 present are counted apart.'),
    oath: z
      .object({
        startedAt: z.string(),
        endedAt: nullableText,
        leader: nullableText,
        participants: count,
        latecomers: count,
        textVersion: z.number().int(),
      })
      .strict()
      .nullable()
      .describe('The collective oath (集中宣誓) of the meeting, if taken.'),
  })
  .strict();

const resultContentV1 = z
  .object({
    congress: z
      .object({
        name: z.string(),
        date: calendarDay,
        venue: z.string(),
        settings: settingsV1,
      })
      .strict(),
    meetings: z.array(meetingV1),
    pledges: z
      .object({ due: count, signed: count, refused: count })
      .strict()
      .describe('Discipline pledges (严肃换届纪律承诺书) of the delegates (正式 and 候补).'),
    contests: z.array(contestV1),
    delegates: z
      .object({ voting: count, alternate: count, nonvoting: count })
      .strict()
      .describe('The roster by category; the file carries no names of voters.'),
  })
  .strict();

export const resultFileSchemaV1 = z
  .object({
    format: z.literal(RESULT_FORMAT),
    formatVersion: z.literal(1),
    app: z.object({ name: z.string(), version: z.string() }).strict(),
    exportedAt: z.string(),
    content: resultContentV1,
    contentHash: hex64.describe(
      'SHA-256 (hex) of the RFC 8785 canonical JSON of `content`: the hash printed on the forms.',
    ),
    audit: z
      .object({ entries: count, head: hex64 })
      .strict()
      .describe("The congress file's audit chain: number of rows and the hash of the last one at export."),
    signature: z
      .object({
        algorithm: z.literal('Ed25519'),
        publicKey: base64.describe('The raw 32-byte Ed25519 public key, base64.'),
        fingerprint: z.string().describe('The key fingerprint as printed on the forms (see docs/result-file.md).'),
        value: base64.describe(
          'Ed25519 signature (64 bytes, base64) of the canonical JSON of the file without `signature`.',
        ),
      })
      .strict(),
  })
  .strict();

// ——— Version 2 (issue 10): conventions per contest, plenary meetings, the day's decisions ———

const settingsV2 = settingsV1
  .extend({
    marking: markingConvention.describe(
      "The congress's default convention; each contest states its own in `contest.marking`, which is the one counted.",
    ),
    tieRevoteNeedsMajority: z
      .boolean()
      .describe(
        'Rule 6: false (the 条例) = a tie revote elects by most votes among the tied without a second more-than-half test; true = the 选举办法 demands more than half again.',
      ),
  })
  .strict();

const tallyV2 = tallyV1
  .extend({
    disregardedWriteIns: z
      .array(z.object({ name: z.string(), reason: z.enum(DISREGARD_REASONS), count: z.number().int().min(1) }).strict())
      .describe(
        'Rule 4: marked write-ins on valid ballots that count for nobody — naming a printed candidate (`printed`), someone elected in an earlier round of the contest (`elected`), or any write-in in a tie revote (`tie_revote`) — per normalised name and reason, in that reason order, then by name.',
      ),
  })
  .strict();

/**
 * A ballot of version 2 with what issue 13 added (optional: earlier version 2 files keep
 * verifying): the SHA-256 of the scanned page a person confirmed it from.
 */
const ballotV2 = ballot
  .extend({
    imageSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .optional()
      .describe(
        'SHA-256 (hex) of the stored image of the scanned page this paper was confirmed from, kept with the congress (`<congress>.scans/<sha256>.jpg|png`) for the scrutineers; null = keyed by hand. Every version of a paper carries its page; a page counts for one paper only.',
      ),
  })
  .strict();

const roundV2 = roundV1
  .extend({
    ballots: z.array(ballotV2),
    tally: tallyV2.describe('As stated by the app; a verifier recounts it from `ballots`.'),
    decision: roundV1.shape.decision
      .unwrap()
      .extend({
        majorityTest: z
          .boolean()
          .describe(
            "Whether rule 5's more-than-half applied: false only in a tie revote when `tieRevoteNeedsMajority` is false, and then `threshold` is 0.",
          ),
      })
      .strict()
      .nullable()
      .describe('Rules 5–7 on the tally; null for a round that was never counted (void or not closed).'),
    voidDeclaration: z
      .object({ reason: z.string(), by: z.string(), at: z.string().describe('ISO 8601 UTC.') })
      .strict()
      .nullable()
      .describe(
        'Rule 16: the presidium declared the round void (选举无效) with its reason; the round is `void` and a rerun follows. null for a round voided by rule 2 (collected > issued) or not void.',
      ),
  })
  .strict();

const official = z
  .object({
    role: z.enum(['chief_scrutineer', 'scrutineer', 'counter']),
    name: z.string(),
    approval: nullableText.describe(
      'How the meeting approved a 总监票人 or 监票人 (「经大会表决通过」); null for a 计票人.',
    ),
    appointedBy: z.string(),
    appointedAt: z.string().describe('ISO 8601 UTC.'),
  })
  .strict();

const contestV2 = contestV1
  .extend({
    marking: markingConvention.describe(
      "This contest's marking convention (one per paper group, rule 3): the verifier counts its ballots with it.",
    ),
    rounds: z.array(roundV2),
    officials: z
      .array(official)
      .describe(
        'Rule 13: the 总监票人 (chief_scrutineer), 监票人 (scrutineer) — voters who are not candidates in this contest — and 计票人 (counter), in that order, each in the order appointed.',
      ),
    fromPrevoteId: z
      .number()
      .int()
      .nullable()
      .describe("Rule 12: the closed `prevote` contest whose elected became this formal contest's candidates."),
  })
  .strict();

const electorate = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('delegates') }).strict(),
    z
      .object({
        kind: z.literal('members'),
        contestId: z.number().int().describe("The contest whose elected members are this meeting's electorate."),
      })
      .strict(),
  ])
  .describe(
    "Who votes at the meeting: the congress's voting delegates, or the members elected in a named contest (the first plenary sessions, rule 14).",
  );

const meetingV2 = meetingV1
  .extend({
    electorate,
    exclusions: z
      .array(z.object({ kind: z.enum(EXCLUSION_KINDS), note: nullableText }).strict())
      .describe(
        'Rule 16: approved exclusions from 应到 standing at the meeting (suspended = rights suspended under 条例 第五条, deceased, transferred), in the order approved; no names. `attendance.due` + their number = the electorate.',
      ),
    approvals: z
      .array(
        z
          .object({
            approvedMeetingId: z.number().int(),
            note: nullableText,
            by: z.string(),
            at: z.string().describe('ISO 8601 UTC.'),
          })
          .strict(),
      )
      .describe(
        "Rule 14: this meeting (the committee's first plenary) approved the named meeting's result (the 纪委 plenary).",
      ),
  })
  .strict();

/** The congress's random identity (issue 12, migration 010): 32 lowercase hex digits. */
const congressUid = z
  .string()
  .regex(/^[0-9a-f]{32}$/)
  .optional()
  .describe(
    "The congress's own random 128-bit id, made when it was created and named by its audit chain's anchor; absent in files written before issue 12.",
  );

export const resultContentSchema = resultContentV1
  .extend({
    congress: resultContentV1.shape.congress.extend({ settings: settingsV2, uid: congressUid }).strict(),
    meetings: z.array(meetingV2),
    contests: z.array(contestV2),
  })
  .strict();

/**
 * The audit section of version 2, with what issue 12 added (optional: earlier version 2 files
 * keep verifying): the anchor's row and which key signed which checkpoint (db/audit/checkpoint.ts).
 */
const auditV2 = resultFileSchemaV1.shape.audit
  .extend({
    anchorId: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .describe(
        "The audit row naming the congress's uid and its first signing key: 1 for a congress made by this version, later for a file upgraded from before (what precedes it is trusted as found).",
      ),
    checkpoints: z
      .array(z.object({ auditId: z.number().int().min(1), fingerprint: z.string() }).strict())
      .optional()
      .describe(
        "The signed checkpoints of the chain, oldest first, and the fingerprint of the installation key that signed each (each round close, each export; the last one is this export's own, the row `head` names). A congress moved to another laptop shows a second key from there on.",
      ),
  })
  .strict();

export const resultFileSchema = resultFileSchemaV1
  .extend({ formatVersion: z.literal(2), content: resultContentSchema, audit: auditV2 })
  .strict();

export type ResultFileV1 = z.infer<typeof resultFileSchemaV1>;
export type ResultFile = z.infer<typeof resultFileSchema>;
export type ResultContent = z.infer<typeof resultContentSchema>;
export type ResultContest = ResultContent['contests'][number];
export type ResultRound = ResultContest['rounds'][number];
export type ResultBallot = ResultRound['ballots'][number];
export type ResultMeeting = ResultContent['meetings'][number];
export type UnsignedResultFile = Omit<ResultFile, 'signature'>;

/**
 * A version 1 file's content in the version 2 shape, with what version 1 meant: one convention
 * for every contest (the congress's), every meeting's electorate the delegates, and tie revotes
 * that applied more than half again (the rule the app followed before issue 10).
 */
export function upgradeContentV1(content: ResultFileV1['content']): ResultContent {
  return {
    ...content,
    congress: { ...content.congress, settings: { ...content.congress.settings, tieRevoteNeedsMajority: true } },
    meetings: content.meetings.map((m) => ({
      ...m,
      electorate: { kind: 'delegates' as const },
      exclusions: [],
      approvals: [],
    })),
    contests: content.contests.map((c) => ({
      ...c,
      marking: content.congress.settings.marking,
      officials: [],
      fromPrevoteId: null,
      rounds: c.rounds.map((r) => ({
        ...r,
        tally: { ...r.tally, disregardedWriteIns: [] },
        decision: r.decision && { ...r.decision, majorityTest: true },
        voidDeclaration: null,
      })),
    })),
  };
}

/** The fingerprint people read aloud: 20 digits in five groups, from SHA-256 of the raw key. */
export function fingerprintOf(publicKeySha256: Uint8Array): string {
  const groups: string[] = [];
  for (let g = 0; g < 5; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = n * 256 + publicKeySha256[g * 5 + i]!;
    groups.push(String(n % 10000).padStart(4, '0'));
  }
  return groups.join(' ');
}

/** The file format as a JSON Schema (draft 2020-12), for docs/result-file.schema.json. */
export function resultJsonSchema(): Record<string, unknown> {
  return {
    title: 'Congress Desk signed result file',
    description:
      'RFC 8785 canonical JSON. `signature.value` is Ed25519 over the canonical JSON of the file without `signature`; `contentHash` is SHA-256 of the canonical JSON of `content`. See docs/result-file.md.',
    ...z.toJSONSchema(resultFileSchema, { target: 'draft-2020-12' }),
  };
}
