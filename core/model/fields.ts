/**
 * The field types every entity and call is made of: ids, bounded texts, dates, paths. A bound
 * is the wire's promise (a name of at most 64 characters), so it stands once, here.
 */
import { z } from 'zod';

export const id = z.number().int().positive();
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'input.date');
/** `YYYY-MM` or `YYYY-MM-DD`, as rosters give birth dates. */
export const partialDate = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'input.month_or_date');
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable();
/** Why an operator corrects, voids or withdraws: always given, never blank. */
export const reason = z.string().trim().min(1, 'input.reason_required').max(500);
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
