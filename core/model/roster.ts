/** The delegates (代表) on the roster, and what a roster file's import would change. */
import { z } from 'zod';
import { DELEGATE_CATEGORIES, GENDERS } from '../domain.js';
import { id, optionalText, partialDate, reasonParams, text } from './fields.js';

/** A delegate's own fields, as the roster and the secretariat give them. */
export const delegateFields = z.object({
  badge: text(32),
  name: text(64),
  gender: z.enum(GENDERS).nullable(),
  ethnicity: optionalText(32),
  /** ISO date `YYYY-MM` or `YYYY-MM-DD`, as the roster gave it. */
  birthDate: partialDate.nullable(),
  education: optionalText(32),
  delegation: optionalText(64),
  unit: optionalText(200),
  category: z.enum(DELEGATE_CATEGORIES),
});
export type DelegateFields = z.infer<typeof delegateFields>;

export const delegate = delegateFields.extend({
  id,
  /** Full pinyin without tones, lower case, no spaces: 张三 → zhangsan. */
  pinyin: z.string(),
  /** Pinyin initials: 张三 → zs. */
  initials: z.string(),
});
export type Delegate = z.infer<typeof delegate>;

/** A delegate as lists of the oath and the pledges name them. */
export const delegateBrief = z.object({
  id,
  badge: z.string(),
  name: z.string(),
  delegation: z.string().nullable(),
  category: z.enum(DELEGATE_CATEGORIES),
});
export type DelegateBrief = z.infer<typeof delegateBrief>;

/** One problem in a roster file, named by row (1-based, as the spreadsheet shows it) and column header. */
export const rosterIssue = z.object({
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  /** zh-CN, made from the reason where there is one (core/reasons.ts `roster.*`). */
  message: z.string(),
  /** Why, as a key of core/reasons.ts with its values: the UI renders it in its language. */
  reason: z.string().optional(),
  params: reasonParams.optional(),
});
export type RosterIssue = z.infer<typeof rosterIssue>;

export const rosterChange = z.object({
  badge: z.string(),
  name: z.string(),
  fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
export type RosterChange = z.infer<typeof rosterChange>;

/** What importing a roster file would do: its rows and problems, who is added, who changes. */
export const rosterPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(delegateFields.extend({ row: z.number().int() })),
  errors: z.array(rosterIssue),
  added: z.array(z.object({ badge: z.string(), name: z.string() })),
  updated: z.array(rosterChange),
  unchanged: z.number().int(),
});
export type RosterPreview = z.infer<typeof rosterPreview>;
