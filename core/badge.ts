/**
 * 代表证号 as every layer keeps and matches them. A scanner or an IME in full-width mode
 * types `００１`; NFKC folds full-width digits and letters to ASCII so that it finds 001.
 * Spaces are never part of a badge number (`A 01` on a printed roster is A01).
 */
export function normalizeBadge(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}
