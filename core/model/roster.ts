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

/**
 * What reading a roster changes without refusing (issue 15 item 5): each kind is a notice the
 * preview shows with its count and a few examples (core/roster.ts `parseRosterRows`), reason
 * `roster.normalised.<kind>` in core/reasons/roster.json.
 */
export const ROSTER_NOTICE_KINDS = [
  'name_wide_space',
  'name_space',
  'badge',
  'birth_date',
  'birth_number',
  'gender',
  'category',
  'category_empty',
  'category_column',
  'formula',
  'spaces',
  'unicode',
  'empty_rows',
  'above_header',
] as const;
export type RosterNoticeKind = (typeof ROSTER_NOTICE_KINDS)[number];

/** One cell (or row) as the file had it and as it will be stored; `to` is the stored value (a code for 性别/类别). */
export const rosterNoticeExample = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  from: z.string(),
  to: z.string().nullable(),
});
export type RosterNoticeExample = z.infer<typeof rosterNoticeExample>;

export const rosterNotice = z.object({
  kind: z.enum(ROSTER_NOTICE_KINDS),
  /** How many cells (or rows) it concerns. */
  count: z.number().int(),
  /** zh-CN, made from the reason. */
  message: z.string(),
  reason: z.string(),
  params: reasonParams,
  /** The first few, in the file's order. */
  examples: z.array(rosterNoticeExample),
});
export type RosterNotice = z.infer<typeof rosterNotice>;

/** What importing a roster file would do: its rows and problems, who is added, who changes. */
export const rosterPreview = z.object({
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(delegateFields.extend({ row: z.number().int() })),
  errors: z.array(rosterIssue),
  /** What the rows were normalised from: said, not silent (names, dates, categories…). */
  notices: z.array(rosterNotice),
  added: z.array(z.object({ badge: z.string(), name: z.string() })),
  updated: z.array(rosterChange),
  unchanged: z.number().int(),
});
export type RosterPreview = z.infer<typeof rosterPreview>;
