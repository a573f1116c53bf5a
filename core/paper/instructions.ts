/**
 * The voting instructions printed on a ballot paper, written from the contest's marking
 * convention (rule 3: 「每一项选举(分发选票组)都应写明划票方法」) so that the paper says exactly
 * what the count will apply. Pure: message keys and params; the texts are the papers feature's
 * (renderer/features/papers/messages.*.ts), in the UI's language like the other forms.
 *
 * The zh-CN text reads like the township ballots: 「同意的在候选人姓名上方的空格内划"○",不同意
 * 的划"×",不划任何符号的视为弃权。对候选人投不同意票的,可以另选他人……」.
 */
import type { MarkingConvention, Meaning, RoundKind } from '../election-types.js';

/** The symbol a voter draws for each mark that is drawn (no mark has none). */
const SYMBOL = { circle: '○', cross: '×' } as const;
type Drawn = keyof typeof SYMBOL;

export const INSTRUCTION_KEYS = [
  // What each drawn symbol means; the first clause says where it is drawn.
  'papers.instr.first.for',
  'papers.instr.first.against',
  'papers.instr.first.abstain',
  'papers.instr.then.for',
  'papers.instr.then.against',
  'papers.instr.then.abstain',
  // What a box left empty counts as.
  'papers.instr.none.for',
  'papers.instr.none.against',
  'papers.instr.none.abstain',
  // 另选他人.
  'papers.instr.writeIn.onlyAgainst',
  'papers.instr.writeIn.cap',
  'papers.instr.writeIn.mark',
  'papers.instr.writeIn.plain',
  'papers.instr.writeIn.printed',
  // Rule 4: how many may be chosen.
  'papers.instr.seats',
  'papers.instr.seats.valid',
  'papers.instr.seats.invalid',
  // Rule 6: a tie revote chooses among the tied only.
  'papers.instr.tie.only',
  'papers.instr.tie.noWriteIn',
  // What the reader needs (issue 13): dark ink, the mark inside its box.
  'papers.instr.pen',
  'papers.instr.inBox',
] as const;
export type InstructionKey = (typeof INSTRUCTION_KEYS)[number];

export interface InstructionClause {
  key: InstructionKey;
  params: Record<string, string | number>;
}

/** One sentence: its clauses, which the renderer joins with the language's comma and ends with its full stop. */
export type InstructionSentence = readonly InstructionClause[];

export interface InstructionInput {
  convention: MarkingConvention;
  roundKind: RoundKind;
  seats: number;
  /** 另选他人 lines printed on the paper (core/paper/layout.ts writeInLineCount). */
  writeInLines: number;
}

const MEANING_ORDER: readonly Meaning[] = ['for', 'against', 'abstain'];

const clause = (key: InstructionKey, params: Record<string, string | number> = {}): InstructionClause => ({
  key,
  params,
});

/** The drawn symbol that means `meaning` under the convention, if any (○ first). */
function symbolFor(convention: MarkingConvention, meaning: Meaning): string | null {
  const drawn = (Object.keys(SYMBOL) as Drawn[]).find((m) => convention[m] === meaning);
  return drawn ? SYMBOL[drawn] : null;
}

/** The paper's instructions, sentence by sentence. */
export function paperInstructions(input: InstructionInput): InstructionSentence[] {
  const { convention } = input;
  const sentences: InstructionSentence[] = [];

  // 「同意的在候选人姓名上方的空格内划"○",不同意的划"×",不划任何符号的视为弃权」: the drawn
  // marks in the order for, against, abstain, then what an empty box counts as.
  const drawn = (Object.keys(SYMBOL) as Drawn[])
    .map((m) => ({ meaning: convention[m], symbol: SYMBOL[m] }))
    .sort((a, b) => MEANING_ORDER.indexOf(a.meaning) - MEANING_ORDER.indexOf(b.meaning));
  sentences.push([
    ...drawn.map((d, i) => clause(`papers.instr.${i === 0 ? 'first' : 'then'}.${d.meaning}`, { symbol: d.symbol })),
    clause(`papers.instr.none.${convention.none}`),
  ]);

  if (input.roundKind === 'tie_revote') {
    // 「就票数相等的被选举人再次投票」: only the tied are on the paper, and nobody else can be chosen.
    sentences.push([
      clause('papers.instr.tie.only'),
      clause('papers.instr.tie.noWriteIn'),
      clause('papers.instr.seats', { seats: input.seats }),
    ]);
  } else if (input.writeInLines > 0) {
    // 「对候选人投不赞成票的,可以另选他人」「弃权的不能另选他人」, and the written name is marked.
    const forSymbol = symbolFor(convention, 'for');
    sentences.push([
      ...(convention.writeInNeedsAgainst
        ? [clause('papers.instr.writeIn.onlyAgainst'), clause('papers.instr.writeIn.cap')]
        : []),
      convention.writeInNeedsMark && forSymbol !== null
        ? clause('papers.instr.writeIn.mark', { symbol: forSymbol })
        : clause('papers.instr.writeIn.plain'),
      // Rule 4: a printed candidate written in again gets nothing from the line.
      clause('papers.instr.writeIn.printed'),
    ]);
    sentences.push(seatsSentence(input.seats));
  } else {
    sentences.push(seatsSentence(input.seats));
  }

  sentences.push([clause('papers.instr.pen'), clause('papers.instr.inBox')]);
  return sentences;
}

/** Rule 4: 「所选人数等于或少于应选人数的为有效票,多于应选人数的为无效票」. */
function seatsSentence(seats: number): InstructionSentence {
  return [
    clause('papers.instr.seats', { seats }),
    clause('papers.instr.seats.valid'),
    clause('papers.instr.seats.invalid'),
  ];
}
