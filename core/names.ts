/**
 * One normalisation for a person's name wherever two names are compared: a written-in name
 * against the names printed on the paper and against those already elected in the contest
 * (rule 4: 「A write-in is a vote for a person not on the paper」), a written-in name against the
 * roster, a name in a revote against the contest's candidates, and the verifier's check that
 * nobody is elected twice.
 *
 * Counters key names as they read them off a paper: with a space between surname and given
 * name (田 富), with full-width letters or spaces from a Chinese input method, and text pasted
 * from a spreadsheet may carry zero-width or direction marks nobody can see. Two names are the
 * same person's name when they are equal after:
 *  - NFKC (full-width letters, digits and spaces fold to their ordinary forms);
 *  - removing every whitespace character (including the ideographic space U+3000);
 *  - removing zero-width characters (U+200B–U+200D, U+2060, U+FEFF), bidi controls
 *    (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and every other control or format
 *    character (\p{Cc}, \p{Cf}).
 * Nothing else changes: the middle dot of 阿依古丽·买买提 stays, letters keep their case.
 */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\u200B-\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

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
