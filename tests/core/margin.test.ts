import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { marginShortfall, requiredCandidates } from '../../core/margin.js';

describe('requiredCandidates (rule 8: 差额不少于 20%, rounded up)', () => {
  it('7 seats → 9, 5 → 6, 10 → 12, 1 → 2, 3 → 4', () => {
    expect(requiredCandidates(7, 20)).toBe(9);
    expect(requiredCandidates(5, 20)).toBe(6);
    expect(requiredCandidates(10, 20)).toBe(12);
    expect(requiredCandidates(1, 20)).toBe(2);
    expect(requiredCandidates(3, 20)).toBe(4);
  });

  it('0% is an equal-number contest (等额)', () => {
    expect(requiredCandidates(7, 0)).toBe(7);
  });

  it('rejects fractions and negatives', () => {
    expect(() => requiredCandidates(7, 0.2)).toThrow(RangeError);
    expect(() => requiredCandidates(-1, 20)).toThrow(RangeError);
  });

  it('property: the least count whose margin over the seats is at least the percent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 100 }), (seats, m) => {
        const extra = requiredCandidates(seats, m) - seats;
        expect(extra * 100).toBeGreaterThanOrEqual(seats * m);
        if (extra > 0) expect((extra - 1) * 100).toBeLessThan(seats * m);
      }),
    );
  });
});

describe('marginShortfall', () => {
  it('7 seats, 20%: 8 candidates are 1 short, 9 are enough, 12 too', () => {
    expect(marginShortfall(7, 20, 8)).toBe(1);
    expect(marginShortfall(7, 20, 9)).toBe(0);
    expect(marginShortfall(7, 20, 12)).toBe(0);
    expect(marginShortfall(7, 20, 0)).toBe(9);
  });
});
