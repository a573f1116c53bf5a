import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonFacts } from '../../core/election-types.js';
import { bodyStructure, formatShare, sharePercent, sumStructures } from '../../core/structure.js';

const P = (over: Partial<PersonFacts> = {}): PersonFacts => ({
  gender: 'male',
  birthDate: '1970-01-01',
  ethnicity: '汉族',
  education: '大学',
  ...over,
});
const ELECTION = '2025-06-15';

describe('bodyStructure (rule 11)', () => {
  it('counts women and unknown genders apart', () => {
    const s = bodyStructure([P({ gender: 'female' }), P(), P({ gender: null })], ELECTION);
    expect(s).toMatchObject({ total: 3, women: 1, unknown: { gender: 1, birthDate: 0, ethnicity: 0, education: 0 } });
  });

  it('under 35 on the election day: the 35th birthday on the day is not under 35, the day after is', () => {
    expect(bodyStructure([P({ birthDate: '1990-06-15' })], ELECTION).under35).toBe(0);
    expect(bodyStructure([P({ birthDate: '1990-06-16' })], ELECTION).under35).toBe(1);
    expect(bodyStructure([P({ birthDate: '1990-06-14' })], ELECTION).under35).toBe(0);
  });

  it('a birth month alone is read as the 1st: born 1990-06 is 35 on 2025-06-15, born 1990-07 is not yet', () => {
    expect(bodyStructure([P({ birthDate: '1990-06' })], ELECTION).under35).toBe(0);
    expect(bodyStructure([P({ birthDate: '1990-07' })], ELECTION).under35).toBe(1);
    expect(bodyStructure([P({ birthDate: '1990-06' })], '2025-05-31').under35).toBe(1);
  });

  it('born 29 February: 35 on 1 March of a common year', () => {
    expect(bodyStructure([P({ birthDate: '2000-02-29' })], '2035-02-28').under35).toBe(1);
    expect(bodyStructure([P({ birthDate: '2000-02-29' })], '2035-03-01').under35).toBe(0);
  });

  it('a missing or unreadable birth date is unknown, not "35 or over"', () => {
    const s = bodyStructure(
      [P({ birthDate: null }), P({ birthDate: '1990' }), P({ birthDate: '1990-02-30' })],
      ELECTION,
    );
    expect(s.under35).toBe(0);
    expect(s.unknown.birthDate).toBe(3);
  });

  it('ethnic minority: any ethnicity but 汉族 / 汉; missing is unknown', () => {
    const s = bodyStructure(
      [
        P({ ethnicity: '汉族' }),
        P({ ethnicity: '汉' }),
        P({ ethnicity: '回族' }),
        P({ ethnicity: '蒙古族' }),
        P({ ethnicity: null }),
        P({ ethnicity: ' ' }),
      ],
      ELECTION,
    );
    expect(s.minority).toBe(2);
    expect(s.unknown.ethnicity).toBe(2);
  });

  it('education: counts per level as given, most first', () => {
    const s = bodyStructure(
      [P({ education: '研究生' }), P({ education: '大学' }), P({ education: '大学' }), P({ education: null })],
      ELECTION,
    );
    expect(s.education).toEqual([
      { level: '大学', count: 2 },
      { level: '研究生', count: 1 },
    ]);
    expect(s.unknown.education).toBe(1);
  });

  it('rejects an election date that is not a day', () => {
    expect(() => bodyStructure([], '2025-06')).toThrow(RangeError);
  });

  it('property: every person is counted once per fact, known or unknown', () => {
    const person = fc.record({
      gender: fc.constantFrom<PersonFacts['gender']>('male', 'female', null),
      birthDate: fc.constantFrom('1990-06', '1990-06-15', '1995-01-01', '1960-12', null, 'x'),
      ethnicity: fc.constantFrom('汉族', '回族', '壮族', null),
      education: fc.constantFrom('大学', '大专', null),
    });
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), (people) => {
        const s = bodyStructure(people, ELECTION);
        expect(s.total).toBe(people.length);
        expect(s.women).toBe(people.filter((p) => p.gender === 'female').length);
        expect(s.education.reduce((a, e) => a + e.count, 0) + s.unknown.education).toBe(people.length);
        expect(s.under35).toBeLessThanOrEqual(people.length - s.unknown.birthDate);
        expect(bodyStructure([...people].reverse(), ELECTION)).toEqual(s);
      }),
    );
  });
});

describe('formatShare', () => {
  it('as the reports write it', () => {
    expect(formatShare(229, 617)).toBe('229名,占比37.1%');
    expect(sharePercent(229, 617)).toBe('37.1');
    expect(formatShare(0, 0)).toBe('0名,占比0.0%');
    expect(formatShare(5, 5)).toBe('5名,占比100.0%');
    expect(formatShare(0, 7)).toBe('0名,占比0.0%');
  });

  it('half-up on the decimal: 3/16 = 18.75% → 18.8%, 1/16 = 6.25% → 6.3%, 1/3 → 33.3%', () => {
    expect(formatShare(3, 16)).toBe('3名,占比18.8%');
    expect(formatShare(1, 16)).toBe('1名,占比6.3%');
    expect(formatShare(1, 3)).toBe('1名,占比33.3%');
    expect(formatShare(2, 3)).toBe('2名,占比66.7%');
  });

  it('property: agrees with exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.nat(), (total, k) => {
        const count = k % (total + 1);
        // tenths = round-half-up(1000 × count / total), in BigInt
        const num = 1000n * BigInt(count);
        const den = BigInt(total);
        const tenths = (2n * num + den) / (2n * den);
        expect(formatShare(count, total)).toBe(`${count}名,占比${tenths / 10n}.${tenths % 10n}%`);
      }),
    );
  });
});

describe('sumStructures', () => {
  it('the structure of several bodies together is the structure of all their people', () => {
    const person = fc.record({
      gender: fc.constantFrom('male' as const, 'female' as const, null),
      birthDate: fc.constantFrom('1990-06', '1970-01-15', null),
      ethnicity: fc.constantFrom('汉族', '回族', null),
      education: fc.constantFrom('大学', '研究生', '大专', null),
    });
    fc.assert(
      fc.property(fc.array(fc.array(person, { maxLength: 8 }), { maxLength: 5 }), (bodies) => {
        const summed = sumStructures(bodies.map((b) => bodyStructure(b, '2025-06-15')));
        expect(summed).toEqual(bodyStructure(bodies.flat(), '2025-06-15'));
      }),
    );
  });
});
