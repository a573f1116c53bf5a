/**
 * The one module for people's text: how what is typed or imported is STORED (names, titles,
 * notes, write-ins), how two names are COMPARED, and how the check-in desk's SEARCH reads a query.
 *
 * Stored: NFC with the whitespace around it trimmed, exactly what the person typed otherwise
 * (full-width letters stay as typed; the paper form prints what the roster said). Text that
 * carries a character nobody can see is REFUSED, not cleaned, so the person who typed or
 * exported it learns where it came from: control characters (\p{Cc}; a multi-line note keeps
 * its line breaks), bidi overrides, embeddings, isolates and marks (U+200E/F, U+202A–E,
 * U+2066–9, U+061C), zero-width characters (U+200B–D, U+2060, U+FEFF), every other format
 * character (\p{Cf}: the soft hyphen, the invisible operators) and the line/paragraph
 * separators U+2028/9. An RLO (U+202E) in one roster name turns the printed 缺席 line around
 * (甲一、乙二戊、四丁、三丙、五); a zero-width space makes a second person of a write-in.
 *
 * Compared (`normaliseName`): NFKC of the stored text with every whitespace and invisible
 * character removed. NFKC is for comparison only: it folds full-width ｌｉ to li, which is the
 * same name, but the stored text keeps what the roster said. For any accepted text `t`,
 * `normaliseName(storedText(t)) === normaliseName(t)`, and a file written before these checks
 * (with invisible characters in it) still compares its names the same way.
 *
 * Searched (`searchKey`): the comparison key, lower-cased, so a name pasted from a chat message
 * with a zero-width space in it still finds the delegate.
 */

/** Characters no stored text may carry; `\n` is allowed in multi-line text only (see `findInvisible`). */
const FORBIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const FORBIDDEN_ALL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The characters a message names by their own name (core/reasons/terms.json `char`); any other
 * is named by its class: `control` (\p{Cc}), `format` (\p{Cf}) or `separator` (U+2028/9).
 */
export const NAMED_CHARS = [
  'U+0000',
  'U+0007',
  'U+0008',
  'U+0009',
  'U+000A',
  'U+000B',
  'U+000C',
  'U+000D',
  'U+001B',
  'U+007F',
  'U+00AD',
  'U+061C',
  'U+200B',
  'U+200C',
  'U+200D',
  'U+200E',
  'U+200F',
  'U+202A',
  'U+202B',
  'U+202C',
  'U+202D',
  'U+202E',
  'U+2060',
  'U+2066',
  'U+2067',
  'U+2068',
  'U+2069',
  'U+FEFF',
] as const;
const NAMED = new Set<string>(NAMED_CHARS);

/** An invisible character found in a text: where (1-based, in characters), which, and its name's key. */
export interface Invisible {
  /** Position in the text as a person counts characters (code points), from 1. */
  at: number;
  /** `U+202E` */
  code: string;
  /** A key of core/reasons/terms.json `char`: the code itself when named there, else its class. */
  kind: string;
}

export const codeOf = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function kindOf(ch: string): string {
  const code = codeOf(ch);
  if (NAMED.has(code)) return code;
  if (/\p{Cc}/u.test(ch)) return 'control';
  if (/\p{Cf}/u.test(ch)) return 'format';
  return 'separator';
}

export interface TextOptions {
  /** A note or an oath's body: line breaks (`\n`; `\r\n` and `\r` become `\n`) are part of it. */
  multiline?: boolean;
}

/** The first character of `text` no stored text may carry, or null. */
export function findInvisible(text: string, options: TextOptions = {}): Invisible | null {
  if (!FORBIDDEN.test(text)) return null;
  let at = 0;
  for (const ch of text) {
    at++;
    if (options.multiline && ch === '\n') continue;
    if (FORBIDDEN.test(ch)) return { at, code: codeOf(ch), kind: kindOf(ch) };
  }
  return null;
}

/**
 * The stored form of accepted text: NFC, trimmed, line breaks as `\n` in multi-line text. It
 * does not remove an invisible character: `checkText` refuses those.
 */
export function storedText(raw: string, options: TextOptions = {}): string {
  const lines = options.multiline ? raw.replace(/\r\n?/g, '\n') : raw;
  return lines.normalize('NFC').trim();
}

export type CheckedText = { ok: true; value: string } | { ok: false; invisible: Invisible };

/** `storedText`, or the first invisible character that refuses the text. */
export function checkText(raw: string, options: TextOptions = {}): CheckedText {
  const value = storedText(raw, options);
  const invisible = findInvisible(value, options);
  return invisible ? { ok: false, invisible } : { ok: true, value };
}

/**
 * Text as a message may quote it: every invisible character written out as ⟨U+202E⟩, so the
 * message that names the character is not itself turned around by it.
 */
export const shownText = (text: string): string => text.replace(FORBIDDEN_ALL, (ch) => `⟨${codeOf(ch)}⟩`);

const CJK = '\\p{Script=Han}';
const BETWEEN_HAN = new RegExp(`(?<=${CJK})\\s+(?=${CJK})`, 'gu');

/**
 * A roster's or a candidate list's name cell: rosters pad two-character names to line up with
 * three-character ones ("张  三"); a space between Chinese characters is layout, not part of the
 * name. Latin names keep one space.
 */
export function layoutName(text: string): string {
  return text.replace(BETWEEN_HAN, '').replace(/\s+/g, ' ');
}

/**
 * Removed before comparing: every whitespace (the ideographic space U+3000 included), and the
 * characters storage refuses — older files and pasted search queries may still carry them.
 */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}]/gu;

/**
 * One normalisation for a person's name wherever two names are compared: a written-in name
 * against the names printed on the paper and against those already elected in the contest
 * (rule 4: 「A write-in is a vote for a person not on the paper」), a written-in name against the
 * roster, a name in a revote against the contest's candidates, and the verifier's check that
 * nobody is elected twice. Two names are the same person's name when they are equal after NFKC
 * and removing every whitespace and invisible character. Nothing else changes: the middle dot
 * of 阿依古丽·买买提 stays, letters keep their case.
 */
export function normaliseName(name: string): string {
  // Removing a character can bring a combining mark next to a letter (a¨ → a ̈ → ä), so NFKC
  // and the removal repeat until nothing changes: equal names stay equal when normalised again.
  let out = name.normalize('NFKC').replace(INVISIBLE, '');
  for (let again = out.normalize('NFKC').replace(INVISIBLE, ''); again !== out; ) {
    out = again;
    again = out.normalize('NFKC').replace(INVISIBLE, '');
  }
  return out;
}

/** Two names name the same person by `normaliseName`. */
export const sameName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);

/**
 * The desk's search box reads a query as a name is compared, lower-cased: a Chinese IME in
 * full-width mode types ｚｓ and １２, and a name pasted from a chat carries zero-width spaces.
 */
export const searchKey = (query: string): string => normaliseName(query).toLowerCase();
