/**
 * The check-in desk's one search box: badge number, Chinese name, pinyin initials (`zs`
 * for 张三) or full pinyin. Runs in the renderer on every keystroke, so all per-delegate
 * work (lower-casing, ordering) happens once in `buildSearchIndex`.
 */
import type { Delegate } from './domain.js';
import { searchKey } from './names.js';

export type SearchableDelegate = Pick<Delegate, 'badge' | 'name' | 'pinyin' | 'initials'>;

export interface SearchIndex<T extends SearchableDelegate> {
  /** Delegates in badge order, so that scanning in order yields "ties by badge". */
  readonly items: readonly T[];
  readonly badge: readonly string[];
  /** Badge without leading zeros: a clerk types 12 for badge 0012. */
  readonly badgeNoZeros: readonly string[];
  readonly name: readonly string[];
  readonly pinyin: readonly string[];
  readonly initials: readonly string[];
}

const badgeOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const stripZeros = (s: string) => s.replace(/^0+(?=.)/, '');

export function buildSearchIndex<T extends SearchableDelegate>(delegates: readonly T[]): SearchIndex<T> {
  const items = [...delegates].sort((a, b) => badgeOrder.compare(a.badge, b.badge) || (a.badge < b.badge ? -1 : 1));
  const badge = items.map((d) => d.badge.normalize('NFKC').toLowerCase());
  return {
    items,
    badge,
    badgeNoZeros: badge.map(stripZeros),
    name: items.map((d) => searchKey(d.name)),
    pinyin: items.map((d) => d.pinyin.toLowerCase()),
    initials: items.map((d) => d.initials.toLowerCase()),
  };
}

const HAN = /\p{Script=Han}/u;
const DIGITS = /^\d+$/;
const LATIN = /^[a-z]+$/;

/**
 * Best matches first: exact > prefix > contains within each kind of query, ties by
 * badge. A query of digits looks at badges, Chinese at names, letters at pinyin.
 */
export function search<T extends SearchableDelegate>(index: SearchIndex<T>, query: string, limit = 20): T[] {
  // Read as names are compared (core/names.ts): full-width ｚｓ and １２ from a Chinese IME, a
  // name pasted with a zero-width space in it.
  const q = searchKey(query);
  if (q === '' || limit <= 0) return [];
  const n = index.items.length;
  // Tier buckets of indices; scanning in badge order keeps each bucket sorted by badge.
  const tiers: number[][] = [[], [], [], [], []];
  const full = (t: number) => t === 0 && tiers[0]!.length >= limit;

  if (HAN.test(q)) {
    const names = index.name;
    for (let i = 0; i < n && !full(0); i++) {
      const nm = names[i]!;
      if (nm === q) tiers[0]!.push(i);
      else if (nm.startsWith(q)) tiers[1]!.push(i);
      else if (nm.includes(q)) tiers[2]!.push(i);
    }
  } else if (DIGITS.test(q)) {
    const badges = index.badge;
    const bare = stripZeros(q);
    const noZeros = index.badgeNoZeros;
    for (let i = 0; i < n && !full(0); i++) {
      const b = badges[i]!;
      if (b === q) tiers[0]!.push(i);
      else if (noZeros[i] === bare) tiers[1]!.push(i);
      else if (b.startsWith(q)) tiers[2]!.push(i);
    }
  } else if (LATIN.test(q)) {
    const initials = index.initials;
    const pinyin = index.pinyin;
    const badges = index.badge;
    for (let i = 0; i < n && !full(0); i++) {
      const ini = initials[i]!;
      const py = pinyin[i]!;
      if (ini === q || py === q) tiers[0]!.push(i);
      else if (ini.startsWith(q)) tiers[1]!.push(i);
      else if (py.startsWith(q)) tiers[2]!.push(i);
      else if (py.includes(q)) tiers[3]!.push(i);
      // Badges with letters (A012) are typed as letters first.
      else if (badges[i]!.startsWith(q)) tiers[4]!.push(i);
    }
  } else {
    // Letters and digits mixed: a badge such as A012.
    const badges = index.badge;
    for (let i = 0; i < n && !full(0); i++) {
      const b = badges[i]!;
      if (b === q) tiers[0]!.push(i);
      else if (b.startsWith(q)) tiers[1]!.push(i);
    }
  }

  const out: T[] = [];
  for (const tier of tiers) {
    for (const i of tier) {
      out.push(index.items[i]!);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Whether the query could still become a badge as it is typed on (digits, or the letters a badge
 * such as A012 begins with): then a digit typed next belongs to the badge, not to a choice.
 */
export function startsABadge<T extends SearchableDelegate>(index: SearchIndex<T>, query: string): boolean {
  const q = searchKey(query);
  if (q === '') return false;
  return DIGITS.test(q) || index.badge.some((b) => b.startsWith(q));
}

const cache = new WeakMap<readonly SearchableDelegate[], SearchIndex<SearchableDelegate>>();

/** The roster array's index, built once per array (the store replaces the array on change). */
function indexOf<T extends SearchableDelegate>(delegates: readonly T[]): SearchIndex<T> {
  let index = cache.get(delegates) as SearchIndex<T> | undefined;
  if (!index) {
    index = buildSearchIndex(delegates);
    cache.set(delegates, index as unknown as SearchIndex<SearchableDelegate>);
  }
  return index;
}

/**
 * Convenience for callers holding the roster array itself (the zustand store replaces the
 * array on change): the index is built once per array and reused for every keystroke.
 */
export function searchDelegates<T extends SearchableDelegate>(delegates: readonly T[], query: string, limit = 20): T[] {
  return search(indexOf(delegates), query, limit);
}

/** `startsABadge` on the roster array itself. */
export function startsABadgeOf(delegates: readonly SearchableDelegate[], query: string): boolean {
  return startsABadge(indexOf(delegates), query);
}
