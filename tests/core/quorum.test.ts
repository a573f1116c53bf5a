import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quorumState } from '../../core/quorum.js';

describe('quorumState: 超过应到会人数的五分之四', () => {
  it('10 due: exactly 8 (4/5) fails by default, 9 passes', () => {
    expect(quorumState(10, 8, false)).toEqual({ met: false, needed: 1, allowEqual: false });
    expect(quorumState(10, 9, false)).toEqual({ met: true, needed: 0, allowEqual: false });
  });

  it('10 due: exactly 8 passes when the congress allows equality, 7 does not', () => {
    expect(quorumState(10, 8, true)).toEqual({ met: true, needed: 0, allowEqual: true });
    expect(quorumState(10, 7, true)).toEqual({ met: false, needed: 1, allowEqual: true });
  });

  it('100 due: 80 fails, 81 passes', () => {
    expect(quorumState(100, 80, false).met).toBe(false);
    expect(quorumState(100, 81, false).met).toBe(true);
    expect(quorumState(100, 80, true).met).toBe(true);
  });

  it('needed counts the delegates still to arrive', () => {
    expect(quorumState(10, 0, false).needed).toBe(9);
    expect(quorumState(10, 0, true).needed).toBe(8);
    expect(quorumState(100, 50, false).needed).toBe(31);
    expect(quorumState(100, 50, true).needed).toBe(30);
    // 4/5 of 7 is 5.6: 6 satisfies both readings.
    expect(quorumState(7, 5, false).needed).toBe(1);
    expect(quorumState(7, 5, true).needed).toBe(1);
    expect(quorumState(7, 6, false).met).toBe(true);
  });

  it('due 0: nobody can vote, so the strict rule is not met (5×0 > 4×0 is false)', () => {
    expect(quorumState(0, 0, false).met).toBe(false);
    expect(quorumState(0, 0, true)).toEqual({ met: true, needed: 0, allowEqual: true });
  });

  const met = (due: number, present: number, allowEqual: boolean) =>
    allowEqual ? 5 * present >= 4 * due : 5 * present > 4 * due;

  it('property: met ⇔ 5p > 4d (or ≥ with equality), needed is the least k that meets it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }).chain((due) => fc.tuple(fc.constant(due), fc.integer({ min: 0, max: due }))),
        fc.boolean(),
        ([due, present], allowEqual) => {
          const q = quorumState(due, present, allowEqual);
          expect(q.met).toBe(met(due, present, allowEqual));
          expect(q.needed).toBeGreaterThanOrEqual(0);
          expect(met(due, present + q.needed, allowEqual)).toBe(true);
          if (q.needed > 0) expect(met(due, present + q.needed - 1, allowEqual)).toBe(false);
          else expect(q.met).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
