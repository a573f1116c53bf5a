/**
 * The congress file and its meetings: the settings every contest starts from, the sessions and
 * plenaries (rule 14) with who votes at each, and the approvals between plenaries.
 */
import { z } from 'zod';
import { MEETING_ELECTORATES } from '../domain.js';
import { MEANINGS } from '../election-types.js';
import { filePath, id, recorded } from './fields.js';

const meaning = z.enum(MEANINGS);

/**
 * Rule 3: what ○, × and no mark mean, and when a write-in counts. Default: ○ 赞成, × 不赞成,
 * no mark 弃权; some 选举办法 reverse a convention (a pre-vote where no mark means agree).
 */
export const markingConvention = z
  .object({
    circle: meaning,
    cross: meaning,
    none: meaning,
    /** A written name counts only with a mark meaning "for" beside it (另选他人 and ○ the name). */
    writeInNeedsMark: z.boolean(),
    /**
     * 对候选人投不赞成票的,可以另选他人: a write-in counts only in place of a candidate marked
     * against; an abstention cannot carry one. Counted write-ins are capped at the number of
     * candidates marked against on the same ballot, in line order.
     */
    writeInNeedsAgainst: z.boolean(),
  })
  .strict();
export type MarkingConvention = z.infer<typeof markingConvention>;

export const congressSettings = z.object({
  /**
   * 超过应到会人数的五分之四 is strict; older guidance read it as "at least", so a congress
   * may allow equality.
   */
  quorumAllowEqual: z.boolean(),
  /** The default convention for new contests; each contest keeps its own (`contest.marking`). */
  marking: markingConvention,
  /**
   * Rule 6. The 条例 ranks a tie revote by votes alone (「就票数相等的被选举人再次投票,得票多的
   * 当选」: the tied passed half already); a congress whose 选举办法 demands more than half again
   * sets this (default false).
   */
  tieRevoteNeedsMajority: z.boolean(),
  /** The check-in desk asks for the discipline pledge right after a delegate checks in. */
  pledgeAtDesk: z.boolean(),
  /** A station locks after this many minutes without a call (once the congress has operators). */
  idleMinutes: z.number().int().min(1).max(240),
  /** Where automatic backups go (a USB stick), or null for none. */
  backupDir: filePath.nullable(),
});
export type CongressSettings = z.infer<typeof congressSettings>;

export const congress = z.object({
  name: z.string(),
  date: z.string(),
  venue: z.string(),
  createdAt: z.string(),
  settings: congressSettings,
  currentMeetingId: id.nullable(),
  /**
   * The congress's own identity: 128 random bits as 32 lowercase hex digits, made at creation
   * and never changed (migration 010). The audit chain's first row, a restore and the result
   * file name it, so a copy of another congress cannot pass for this one.
   */
  uid: z.string().regex(/^[0-9a-f]{32}$/),
});
export type Congress = z.infer<typeof congress>;

/** The open congress and where its file is. */
export const congressFile = z.object({ path: z.string(), congress });
export type CongressFile = z.infer<typeof congressFile>;

export const meeting = z.object({
  id,
  name: z.string(),
  date: z.string(),
  position: z.number().int(),
  /** Rule 14: the voting delegates, or the members elected in `electorateContestId`. */
  electorate: z.enum(MEETING_ELECTORATES),
  /** For a members meeting: the contest whose elected members form the electorate. */
  electorateContestId: id.nullable(),
});
export type Meeting = z.infer<typeof meeting>;

/** Rule 14: the committee's plenary approved the 纪委 plenary's result. */
export const meetingApproval = z.object({
  id,
  /** The approving meeting (the committee's plenary). */
  meetingId: id,
  /** The meeting whose result was approved (the 纪委 plenary). */
  approvedMeetingId: id,
  ...recorded,
});
export type MeetingApproval = z.infer<typeof meetingApproval>;
