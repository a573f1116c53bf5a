/**
 * 代表证号 as the store keeps and matches them. A scanner or an IME in full-width mode
 * types `００１`; NFKC folds full-width digits and letters to ASCII so that it finds 001.
 */
export function normalizeBadge(raw: string): string {
  return raw.normalize('NFKC').trim();
}
