/**
 * Names offered while a written-in name is typed: names already written in on this round's
 * papers (the most often first: the same name tends to come again), then roster matches.
 * Pure: the roster search is passed in.
 */

const MAX_SUGGESTIONS = 8;

/** The names written in on `ballots`, the most frequent first. */
export function earlierWriteIns(ballots: readonly { writeIns: readonly { name: string }[] }[]): string[] {
  const names = new Map<string, number>();
  for (const b of ballots) for (const w of b.writeIns) names.set(w.name, (names.get(w.name) ?? 0) + 1);
  return [...names].sort((a, b) => b[1] - a[1]).map(([n]) => n);
}

/**
 * Up to eight names for what is typed: earlier write-ins containing it, then roster matches,
 * each once, never the name exactly as typed (nothing to pick).
 */
export function writeInSuggestions(
  typed: string,
  earlier: readonly string[],
  rosterMatches: (query: string, limit: number) => string[],
): string[] {
  const q = typed.trim();
  const fromBallots = earlier.filter((n) => n.includes(q));
  const fromRoster = rosterMatches(q, MAX_SUGGESTIONS);
  return [...new Set([...fromBallots, ...fromRoster])].filter((n) => n !== q).slice(0, MAX_SUGGESTIONS);
}
