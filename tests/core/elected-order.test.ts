import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ElectedPerson,
  electedListKindOf,
  electedListOrder,
  orderAlternates,
  orderByPaper,
  orderMembers,
} from '../../core/elected-order.js';

const person = (name: string, votes = 0, paperPosition: number | null = null): ElectedPerson => ({
  name,
  votes,
  paperPosition,
});
const names = (list: ElectedPerson[]) => list.map((p) => p.name);

describe('elected lists (rule 15)', () => {
  it('members and delegates by surname strokes, whatever their votes: 王 (4) 田 (5) 李 (7); 田富 before 田大利', () => {
    const list = [person('李强', 90), person('田大利', 60), person('王芳', 70), person('田富', 50)];
    expect(names(orderMembers(list))).toEqual(['王芳', '田富', '田大利', '李强']);
    expect(names(electedListOrder(list, 'members'))).toEqual(['王芳', '田富', '田大利', '李强']);
  });

  it('alternates by votes, equal votes by strokes', () => {
    const list = [person('李强', 60), person('王芳', 60), person('田富', 80), person('丁一', 50)];
    expect(names(orderAlternates(list))).toEqual(['田富', '王芳', '李强', '丁一']);
  });

  it('书记/副书记 in the approved paper order, a written-in name after', () => {
    const list = [person('王芳', 9, 2), person('李强', 5, 1), person('丁一', 7, null), person('田富', 8, 3)];
    expect(names(orderByPaper(list))).toEqual(['李强', '王芳', '田富', '丁一']);
    expect(names(electedListOrder(list, 'approved'))).toEqual(['李强', '王芳', '田富', '丁一']);
  });

  it('a plenary lists in approved order, a congress session in strokes', () => {
    expect(electedListKindOf('members')).toBe('approved');
    expect(electedListKindOf('delegates')).toBe('members');
    expect(electedListKindOf('delegates', true)).toBe('alternates');
  });

  it('property: every kind is a permutation, independent of the input order; alternates never rank fewer votes first', () => {
    const pool = ['王芳', '田富', '田大利', '李强', '丁一', '欧阳明', '张伟', '刘洋', '陈静', '马兰'];
    const people = fc
      .uniqueArray(fc.constantFrom(...pool), { minLength: 0, maxLength: pool.length })
      .chain((ns) =>
        fc.tuple(
          fc.constant(ns),
          fc.array(fc.nat(20), { minLength: ns.length, maxLength: ns.length }),
          fc.shuffledSubarray(
            ns.map((_, i) => i + 1),
            { minLength: ns.length, maxLength: ns.length },
          ),
        ),
      )
      .map(([ns, votes, places]) => ns.map((n, i) => person(n, votes[i]!, places[i]!)));
    fc.assert(
      fc.property(people, fc.constantFrom('members', 'alternates', 'approved' as const), (list, kind) => {
        const once = names(electedListOrder(list, kind));
        const reversed = names(electedListOrder([...list].reverse(), kind));
        expect([...once].sort()).toEqual(names(list).sort());
        expect(reversed).toEqual(once);
        if (kind === 'alternates') {
          const out = electedListOrder(list, kind);
          for (let i = 1; i < out.length; i++) expect(out[i - 1]!.votes).toBeGreaterThanOrEqual(out[i]!.votes);
        }
      }),
    );
  });
});
