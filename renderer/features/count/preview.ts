/**
 * The validity preview: what rule 4 would make of the paper as keyed so far, shown under the
 * sheet before it is committed. Pure; `core/ballot.ts` `judgeBallot` is the one judge, here and
 * in the store.
 */
import { judgeBallot } from '../../../core/ballot.js';
import {
  type BallotJudgement,
  type BallotMarks,
  DEFAULT_CONVENTION,
  type MarkingConvention,
  type WriteInContext,
} from '../../../core/election-types.js';

/**
 * What the sheet shows of a paper. `idle`: nobody has keyed this paper yet (a fresh all-○ sheet
 * of 9 for 7 would be "invalid", and a red line before the first key teaches counters to ignore
 * red); otherwise the verdict of rule 4 with every write-in line's fate.
 */
export type SheetVerdict =
  | { kind: 'idle' }
  | {
      kind: 'judged';
      judgement: BallotJudgement;
      /** Written-in names that will not count (any fate but counts/empty), with their fates. */
      notCounting: { index: number; name: string; fate: BallotJudgement['lines'][number]['fate'] }[];
    };

export function sheetVerdict(
  touched: boolean,
  paper: BallotMarks,
  seats: number,
  convention: MarkingConvention,
  context: WriteInContext,
): SheetVerdict {
  if (!touched) return { kind: 'idle' };
  const judgement = judgeBallot(paper, seats, convention, context);
  const notCounting = judgement.lines.flatMap((line, index) =>
    line.fate === 'counts' || line.fate === 'empty'
      ? []
      : [{ index, name: paper.writeIns[index]!.name, fate: line.fate }],
  );
  return { kind: 'judged', judgement, notCounting };
}

/** A written-in name on this paper will not count: Enter first shows why, a second Enter commits. */
export const holdsEnter = (verdict: SheetVerdict): boolean =>
  verdict.kind === 'judged' && verdict.notCounting.length > 0;

/**
 * The convention the round's papers are read by: the contest's own (rule 3, 「each contest says
 * which」) when the contest carries one, else the congress setting.
 */
export function contestConvention(
  contest: object | undefined,
  congressMarking: MarkingConvention | undefined,
): MarkingConvention {
  const own = (contest as { marking?: MarkingConvention } | undefined)?.marking;
  return own ?? congressMarking ?? DEFAULT_CONVENTION;
}
