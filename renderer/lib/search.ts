import type { Delegate } from '../../core/domain.js';
import { searchDelegates } from '../../core/search.js';

export { searchDelegates };

/** The normalisation the search uses: full-width digits and letters from an IME, no spaces. */
export const normalizeQuery = (query: string): string => query.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

const stripZeros = (s: string) => s.replace(/^0+(?=.)/, '');

/**
 * When the search box holds a badge number (what a scanner types before Enter), the badge
 * to check in: the roster's own spelling when it knows the badge (also without leading
 * zeros, 12 for 012), else the digits as typed so the backend says "not found".
 * Null when the query is not a badge number.
 */
export function badgeOf(query: string, delegates: readonly Delegate[]): string | null {
  const q = normalizeQuery(query);
  if (q === '') return null;
  const exact = delegates.find((d) => d.badge.normalize('NFKC').toLowerCase() === q);
  if (exact) return exact.badge;
  if (!/^\d+$/.test(q)) return null;
  const bare = stripZeros(q);
  const loose = delegates.filter((d) => stripZeros(d.badge.normalize('NFKC').toLowerCase()) === bare);
  return loose.length === 1 ? loose[0]!.badge : q;
}
