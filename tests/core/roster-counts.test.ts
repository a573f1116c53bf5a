/** Issue 15 item 5: the preview counts what it will import — by category, women, by delegation, in all. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELEGATE_CATEGORIES, GENDERS } from '../../core/domain.js';
import { type CountedRow, rosterCounts } from '../../core/roster-counts.js';

const r = (category: CountedRow['category'], gender: CountedRow['gender'], delegation: string | null): CountedRow => ({
  category,
  gender,
  delegation,
});

describe('rosterCounts', () => {
  it('counts by category, women, men, gender not given, and by delegation in the file’s order, those without one last', () => {
    const c = rosterCounts([
      r('voting', 'female', '青山村代表团'),
      r('alternate', 'male', null),
      r('voting', 'male', '机关代表团'),
      r('nonvoting', null, '青山村代表团'),
      r('voting', 'female', '机关代表团'),
    ]);
    expect(c).toMatchObject({
      total: 5,
      byCategory: { voting: 3, alternate: 1, nonvoting: 1 },
      women: 2,
      men: 2,
      genderUnknown: 1,
    });
    expect(c.delegations.map((d) => [d.delegation, d.total, d.women, d.byCategory.voting])).toEqual([
      ['青山村代表团', 2, 1, 1],
      ['机关代表团', 2, 1, 2],
      [null, 1, 0, 0],
    ]);
  });

  it('an empty file counts nothing', () => {
    expect(rosterCounts([])).toMatchObject({ total: 0, women: 0, delegations: [] });
  });

  it('property: the delegations add up to the whole, and categories and genders each add up to the total', () => {
    const row = fc.record({
      category: fc.constantFrom(...DELEGATE_CATEGORIES),
      gender: fc.constantFrom(...GENDERS, null),
      delegation: fc.constantFrom('甲代表团', '乙代表团', '丙代表团', null),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), (rows) => {
        const c = rosterCounts(rows);
        const sum = (f: (d: (typeof c.delegations)[number]) => number) => c.delegations.reduce((s, d) => s + f(d), 0);
        expect(c.total).toBe(rows.length);
        expect(sum((d) => d.total)).toBe(c.total);
        expect(sum((d) => d.women)).toBe(c.women);
        for (const k of DELEGATE_CATEGORIES) expect(sum((d) => d.byCategory[k])).toBe(c.byCategory[k]);
        expect(c.byCategory.voting + c.byCategory.alternate + c.byCategory.nonvoting).toBe(c.total);
        expect(c.women + c.men + c.genderUnknown).toBe(c.total);
        expect(new Set(c.delegations.map((d) => d.delegation)).size).toBe(c.delegations.length);
      }),
    );
  });
});
