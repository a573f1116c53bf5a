/** Papers and conventions for the tests of rules 3–5 (core/ballot.ts) and of the tally (core/tally.ts). */
import fc from 'fast-check';
import { type BallotMarks, type MarkingConvention, MEANINGS, type PaperMark } from '../../core/election-types.js';

/** 'oxo' → ○ × ○, one character a candidate ('o' ○, 'x' ×, anything else no mark), and the write-in lines. */
export const B = (marks: string, writeIns: [string, PaperMark][] = []): BallotMarks => ({
  marks: [...marks].map((c) => (c === 'o' ? 'circle' : c === 'x' ? 'cross' : 'none')),
  writeIns: writeIns.map(([name, mark]) => ({ name, mark })),
});

/** Any 选举办法: each mark with any meaning, either write-in rule on or off. */
export const conventionArb: fc.Arbitrary<MarkingConvention> = fc.record({
  circle: fc.constantFrom(...MEANINGS),
  cross: fc.constantFrom(...MEANINGS),
  none: fc.constantFrom(...MEANINGS),
  writeInNeedsMark: fc.boolean(),
  writeInNeedsAgainst: fc.boolean(),
});
