/** The oath of election discipline and the pledges (issue 5): the texts, the oath, each pledge. */
import { z } from 'zod';
import { DISCIPLINE_TEXT_KINDS } from '../discipline.js';
import { disciplineText, oath, pledge, pledgeOverview } from '../model/discipline.js';
import { base64, empty, id, multilineText, optionalText, reason } from '../model/fields.js';
import { K, ROLES, S, type Section } from './spec.js';

export const disciplineCalls = {
  /** The current oath and pledge texts (the newest version of each). */
  'discipline.texts': {
    write: false,
    roles: ROLES,
    input: empty,
    output: z.object({ oath: disciplineText, pledge: disciplineText }),
  },
  /** Saves a new version; records already taken keep the version they were taken with. */
  'discipline.setText': {
    write: true,
    roles: [S],
    input: z.object({ kind: z.enum(DISCIPLINE_TEXT_KINDS), body: multilineText(20_000) }).strict(),
    output: disciplineText,
  },
  'oath.get': { write: false, roles: ROLES, input: z.object({ meetingId: id }).strict(), output: oath.nullable() },
  /** The moment the oath begins: the delegates checked in now become its participants. */
  'oath.start': {
    write: true,
    roles: [S],
    input: z.object({ meetingId: id, leader: optionalText(64) }).strict(),
    output: oath,
  },
  /** Records the end (and the leader, when given; null keeps the one recorded). */
  'oath.finish': {
    write: true,
    roles: [S],
    input: z.object({ oathId: id, leader: optionalText(64) }).strict(),
    output: oath,
  },
  /** A delegate checked in after the oath began, who took it late: at the desk too. */
  'oath.addLatecomer': {
    write: true,
    roles: [S, K],
    input: z.object({ oathId: id, delegateId: id }).strict(),
    output: oath,
  },
  /** Every delegate due to pledge, with where they stand at the meeting, and the counts. */
  'pledges.summary': {
    write: false,
    roles: ROLES,
    input: z.object({ meetingId: id }).strict(),
    output: pledgeOverview,
  },
  /** A delegate's pledges, withdrawn ones included, oldest first. */
  'pledges.history': {
    write: false,
    roles: ROLES,
    input: z.object({ delegateId: id }).strict(),
    output: z.array(pledge),
  },
  /** `textId` is the version shown on screen: a pledge is refused against a text since replaced. */
  'pledges.sign': {
    write: true,
    roles: [S, K],
    input: z
      .object({
        delegateId: id,
        meetingId: id.nullable(),
        textId: id,
        signaturePngBase64: base64(2 * 1024 * 1024).min(1),
      })
      .strict(),
    output: pledge,
  },
  'pledges.refuse': {
    write: true,
    roles: [S, K],
    input: z.object({ delegateId: id, meetingId: id.nullable(), textId: id, note: optionalText(200) }).strict(),
    output: pledge,
  },
  /** Only with a reason; the pledge stays in the history and the audit log. */
  'pledges.withdraw': { write: true, roles: [S], input: z.object({ pledgeId: id, reason }).strict(), output: pledge },
  /** The signature images (PNG, base64) for the pledge roster. */
  'pledges.signatures': {
    write: false,
    roles: ROLES,
    input: z.object({ pledgeIds: z.array(id).max(5000) }).strict(),
    output: z.array(z.object({ pledgeId: id, pngBase64: z.string() })),
  },
} as const satisfies Section;
