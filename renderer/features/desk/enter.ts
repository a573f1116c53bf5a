/**
 * What a key in the desk's search box does with the matches on screen. A wrong name in 实到
 * is worse than one more key: at a queue of 300 it tells the real delegate later 「已报到」.
 * So Enter checks in only on an unambiguous match — a badge number, exactly one match, or the
 * row the clerk moved to with ↑↓ — and with several it asks which one (issue 15 item 1).
 */

/** The answer to Enter. */
export type EnterChoice<T> =
  /** A badge number (a scanner's, or typed): the backend finds it, or says it is unknown. */
  | { kind: 'badge'; badge: string }
  | { kind: 'delegate'; delegate: T }
  /** Several match: nobody is checked in; the list stays for the clerk to choose from. */
  | { kind: 'ask'; count: number }
  | { kind: 'none' };

export interface EnterFacts<T> {
  /** The row the clerk moved to with ↑↓, if they did. */
  chosen: T | undefined;
  /** The query read as a badge number (`badgeOf`), or null when it is none. */
  badge: string | null;
  /** Every delegate the query matches. */
  matches: readonly T[];
}

export function enterChoice<T>(facts: EnterFacts<T>): EnterChoice<T> {
  if (facts.chosen !== undefined) return { kind: 'delegate', delegate: facts.chosen };
  if (facts.badge !== null) return { kind: 'badge', badge: facts.badge };
  if (facts.matches.length === 1) return { kind: 'delegate', delegate: facts.matches[0]! };
  if (facts.matches.length > 1) return { kind: 'ask', count: facts.matches.length };
  return { kind: 'none' };
}

/** The most rows a digit can choose (1–9); the list shows no more. */
export const DIGIT_ROWS = 9;

/**
 * Whether the rows show a digit to choose them by: several on screen, and the query is no badge
 * being typed (then the digit belongs to the badge: `startsABadge`).
 */
export function offersDigits(shown: number, badgeBeingTyped: boolean): boolean {
  return shown > 1 && !badgeBeingTyped;
}

/** The row a digit key chooses (its index), or null when the key is no digit of a row shown. */
export function digitChoice(key: string, shown: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const n = Number(key);
  return n <= Math.min(shown, DIGIT_ROWS) ? n - 1 : null;
}

/**
 * The highlight after ↑ or ↓. Until the clerk moves, no row of several is highlighted (Enter
 * asks); the first ↓ reaches the first row, the first ↑ the last.
 */
export function moveChoice(current: number | null, delta: 1 | -1, count: number): number | null {
  if (count <= 0) return null;
  if (current === null) return delta > 0 ? 0 : count - 1;
  return (current + delta + count) % count;
}
