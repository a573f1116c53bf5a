/**
 * The field types every entity and call is made of: ids, bounded texts, dates, paths. A bound
 * is the wire's promise (a name of at most 64 characters), so it stands once, here.
 */
import { z } from 'zod';
import { findInvisible, storedText, type TextOptions } from '../names.js';

export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'input.date');
/** `YYYY-MM` or `YYYY-MM-DD`, as rosters give birth dates. */
export const partialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'input.month_or_date');
/**
 * Every text a person types or a file brings, stored as core/names.ts says: NFC, trimmed, and
 * refused (`input.invisible_char`, naming the character and where it is) when it carries a
 * control, bidi, zero-width or other format character — an RLO in a name turns a printed list
 * around, a zero-width space in a write-in makes a second person.
 */
const visibleText = (options: TextOptions = {}) =>
  z
    .string()
    .overwrite((s) => storedText(s, options))
    .superRefine((s, ctx) => {
      const bad = findInvisible(s, options);
      if (bad) ctx.addIssue({ code: 'custom', message: 'input.invisible_char', params: { ...bad } });
    });
export const text = (max: number) => visibleText().min(1).max(max);
export const optionalText = (max: number) => visibleText().max(max).nullable();
/** As `optionalText`, where an empty text is the answer rather than null (the call's operator and station). */
export const lineText = (max: number) => visibleText().max(max);
/** A note or a text's body: as `text`, and its line breaks are part of it. */
export const multilineText = (max: number) => visibleText({ multiline: true }).min(1).max(max);
export const optionalNote = (max: number) => visibleText({ multiline: true }).max(max).nullable();
/** Why an operator corrects, voids or withdraws: always given, never blank. */
export const reason = visibleText({ multiline: true }).min(1, 'input.reason_required').max(500);
export const empty = z.object({}).strict();
/**
 * Absolute only: a relative path would land wherever the backend process happens to run
 * (`/`, `C:\\`, `\\\\server\\share`).
 */
export const filePath = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'input.absolute_path');
/** A file's bytes, base64, of at most `maxBytes`: the UI reads the file, the backend parses it. */
export const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'input.base64');
/** A decision recorded at the desk (an exclusion, an approval): the note given, who recorded it, when. */
export const recorded = { note: z.string().nullable(), operator: z.string(), at: z.string() };
/** A reason key of core/reasons.ts with its values: the UI renders it in its language. */
export const reasonParams = z.record(z.string(), z.union([z.string(), z.number()]));
