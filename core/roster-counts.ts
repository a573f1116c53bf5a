/**
 * Who a roster file lists, counted as the organisation department counts them before anyone
 * imports it (issue 15 item 5): by category, women, by delegation, in all. Pure, on the
 * preview's rows, so the secretariat checks 「正式代表 270 名,其中女代表 98 名」 against the
 * department's letter before the file becomes the congress's roster.
 */
import { DELEGATE_CATEGORIES, type DelegateCategory, type DelegateFields } from './domain.js';

export type CountedRow = Pick<DelegateFields, 'category' | 'gender' | 'delegation'>;

export interface RosterTally {
  total: number;
  byCategory: Record<DelegateCategory, number>;
  women: number;
  men: number;
  /** No 性别 given: neither a woman nor a man in the counts. */
  genderUnknown: number;
}

export interface DelegationTally extends RosterTally {
  /** null: the rows without a 代表团. */
  delegation: string | null;
}

export interface RosterCounts extends RosterTally {
  /** In the order the file first names each delegation (the department's order); those without one last. */
  delegations: DelegationTally[];
}

const emptyTally = (): RosterTally => ({
  total: 0,
  byCategory: Object.fromEntries(DELEGATE_CATEGORIES.map((c) => [c, 0])) as Record<DelegateCategory, number>,
  women: 0,
  men: 0,
  genderUnknown: 0,
});

function add(t: RosterTally, row: CountedRow): void {
  t.total++;
  t.byCategory[row.category]++;
  if (row.gender === 'female') t.women++;
  else if (row.gender === 'male') t.men++;
  else t.genderUnknown++;
}

export function rosterCounts(rows: readonly CountedRow[]): RosterCounts {
  const all = emptyTally();
  const byDelegation = new Map<string | null, DelegationTally>();
  for (const row of rows) {
    add(all, row);
    const key = row.delegation ?? null;
    let d = byDelegation.get(key);
    if (!d) {
      d = { ...emptyTally(), delegation: key };
      byDelegation.set(key, d);
    }
    add(d, row);
  }
  const delegations = [...byDelegation.values()];
  const none = delegations.findIndex((d) => d.delegation === null);
  if (none >= 0) delegations.push(...delegations.splice(none, 1));
  return { ...all, delegations };
}
