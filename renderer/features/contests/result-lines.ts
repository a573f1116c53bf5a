import { type Candidate, paperOrder, type RoundResult } from './store.js';

type Choice = RoundResult['decision']['elected'][number]['choice'];
type Decided = readonly { choice: Choice }[];

const sameChoice = (a: Choice, b: Choice): boolean =>
  a.kind === 'candidate' ? b.kind === 'candidate' && a.index === b.index : b.kind === 'writeIn' && a.name === b.name;

/** One line of a round's result: a candidate in paper order, or a written-in name, with its votes. */
export interface ResultLine {
  key: string;
  /** Its number on the list, candidates first. */
  no: number;
  name: string;
  writeIn: boolean;
  for: number;
  /** A written-in name has only 赞成 (rule 4). */
  against: number | null;
  abstain: number | null;
  elected: boolean;
  /** Passed the threshold (elected or not: more passed than seats). */
  passed: boolean;
}

/**
 * The lines of a round's result as the panel and the count form show them: every candidate in
 * paper order, then every written-in name. `elected` is the decision's unless told (a void round
 * elects nobody).
 */
export function resultLines(
  result: RoundResult,
  candidates: readonly Candidate[],
  elected: Decided = result.decision.elected,
): ResultLine[] {
  const { round, tally, decision } = result;
  const order = paperOrder(round, candidates);
  const line = (choice: Choice) => ({
    elected: elected.some((e) => sameChoice(e.choice, choice)),
    passed: decision.passed.some((e) => sameChoice(e.choice, choice)),
  });
  return [
    ...order.map((c, index) => ({
      key: `c${c.id}`,
      no: index + 1,
      name: c.name,
      writeIn: false,
      ...(tally.candidates[index] ?? { for: 0, against: 0, abstain: 0 }),
      ...line({ kind: 'candidate', index }),
    })),
    ...tally.writeIns.map((w, i) => ({
      key: `w${w.name}`,
      no: order.length + i + 1,
      name: w.name,
      writeIn: true,
      for: w.for,
      against: null,
      abstain: null,
      ...line({ kind: 'writeIn', name: w.name }),
    })),
  ];
}
