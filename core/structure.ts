import type { BodyStructure, PersonFacts } from './election-types.js';

const HAN = new Set(['汉族', '汉']);
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * Rule 11. The structure of an elected body, as the organisation department reports it upward:
 * women, under 35 on the election day, ethnic minority, education. A fact that is missing is
 * counted under `unknown`, never silently as "no".
 *
 * Under 35: the person's 35th birthday falls after the election day (on the day itself they are
 * 35). A birth date known only to the month (出生年月, how cadre rosters record it) is taken as the
 * 1st of that month: the oldest the person can be, so the "35岁以下" figure is never overstated,
 * and it matches the reports' month-based reckoning (born 1990-06 is 35 throughout June 2025).
 * Born 29 February: the 35th birthday in a common year is taken as 1 March.
 */
export function bodyStructure(people: readonly PersonFacts[], electionDate: string): BodyStructure {
  const day = parseDate(electionDate);
  if (day === null || day.d === null) throw new RangeError(`election date must be YYYY-MM-DD, got ${electionDate}`);
  const onDay = day.y * 10000 + day.m * 100 + day.d;
  const unknown = { gender: 0, birthDate: 0, ethnicity: 0, education: 0 };
  let women = 0;
  let under35 = 0;
  let minority = 0;
  const education = new Map<string, number>();

  for (const p of people) {
    if (p.gender === 'female') women++;
    else if (p.gender !== 'male') unknown.gender++;

    const born = p.birthDate === null ? null : parseDate(p.birthDate.trim());
    if (born === null) unknown.birthDate++;
    else if ((born.y + 35) * 10000 + born.m * 100 + (born.d ?? 1) > onDay) under35++;

    const eth = p.ethnicity?.normalize('NFKC').trim() ?? '';
    if (eth === '') unknown.ethnicity++;
    else if (!HAN.has(eth)) minority++;

    const edu = p.education?.normalize('NFKC').trim() ?? '';
    if (edu === '') unknown.education++;
    else education.set(edu, (education.get(edu) ?? 0) + 1);
  }

  return {
    total: people.length,
    women,
    under35,
    minority,
    education: [...education]
      .map(([level, count]) => ({ level, count }))
      .sort((a, b) => b.count - a.count || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0)),
    unknown,
  };
}

/**
 * The body of several bodies taken together: the elected of several rounds (each person is
 * elected in one round only), or of several townships in the district view.
 */
export function sumStructures(list: readonly BodyStructure[]): BodyStructure {
  const total: BodyStructure = {
    total: 0,
    women: 0,
    under35: 0,
    minority: 0,
    education: [],
    unknown: { gender: 0, birthDate: 0, ethnicity: 0, education: 0 },
  };
  for (const s of list) {
    total.total += s.total;
    total.women += s.women;
    total.under35 += s.under35;
    total.minority += s.minority;
    for (const e of s.education) {
      const row = total.education.find((x) => x.level === e.level);
      if (row) row.count += e.count;
      else total.education.push({ ...e });
    }
    for (const k of ['gender', 'birthDate', 'ethnicity', 'education'] as const) total.unknown[k] += s.unknown[k];
  }
  // As bodyStructure orders them: most first, then by name.
  total.education.sort((a, b) => b.count - a.count || (a.level < b.level ? -1 : a.level > b.level ? 1 : 0));
  return total;
}

function parseDate(s: string): { y: number; m: number; d: number | null } | null {
  const match = DATE.exec(s);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = match[3] === undefined ? null : Number(match[3]);
  if (m < 1 || m > 12) return null;
  if (d !== null && (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate())) return null;
  return { y, m, d };
}

/**
 * A share as the reports write it: "229名,占比37.1%". One decimal, half-up on the decimal, computed
 * on integers (229/617 → 371.15‰ → 37.1%); a total of 0 gives "0名,占比0.0%".
 */
export function formatShare(count: number, total: number): string {
  return `${count}名,占比${sharePercent(count, total)}%`;
}

/** The percentage with one decimal, rounded half up on exact integers: 229 of 617 → "37.1". */
export function sharePercent(count: number, total: number): string {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || total < 0 || count > total) {
    throw new RangeError(`share ${count} of ${total}`);
  }
  // Tenths of a percent, rounded half up: ⌊(1000 × count / total) + ½⌋ = ⌊(2000 × count + total) / (2 × total)⌋.
  const tenths = total === 0 ? 0 : Math.floor((2000 * count + total) / (2 * total));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}
