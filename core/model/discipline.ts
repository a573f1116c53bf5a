/** The oath of election discipline (集中宣誓) and each delegate's pledge (承诺书), with the texts read. */
import { z } from 'zod';
import { DISCIPLINE_TEXT_KINDS, PLEDGE_STATES, PLEDGE_STATUSES } from '../discipline.js';
import { id } from './fields.js';
import { delegateBrief } from './roster.js';

export const disciplineText = z.object({
  id,
  kind: z.enum(DISCIPLINE_TEXT_KINDS),
  /** 1, 2, … per kind: the oath and each pledge keep the version that was read. */
  version: z.number().int(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DisciplineText = z.infer<typeof disciplineText>;

export const oath = z.object({
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
export type Oath = z.infer<typeof oath>;

export const pledge = z.object({
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
export type Pledge = z.infer<typeof pledge>;

const pledgeCounts = {
  due: z.number().int(),
  signed: z.number().int(),
  refused: z.number().int(),
  leave: z.number().int(),
  absent: z.number().int(),
  pending: z.number().int(),
};

/** Every delegate due to pledge, with where they stand at the meeting, and the counts. */
export const pledgeOverview = z.object({
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
});
export type PledgeOverview = z.infer<typeof pledgeOverview>;
export type PledgeRow = PledgeOverview['rows'][number];
