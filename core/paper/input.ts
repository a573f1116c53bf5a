/**
 * The paper of a round from the records that make it: one place that says which congress,
 * contest and round fields a ballot paper is printed from, for the print route, the reader's
 * expectation (db/scan) and the scan screen's overlay alike — so the paper printed and the paper
 * expected cannot be made from different fields.
 */
import type { MarkingConvention, RoundKind } from '../election-types.js';
import type { PaperInput } from './layout.js';

export function paperInputOf(
  congress: { uid: string; name: string },
  contest: { id: number; title: string; marking: MarkingConvention },
  round: { id: number; number: number; kind: RoundKind; seats: number },
  /** The round's candidates in paper order (`round.candidateIds`). */
  candidates: readonly { id: number; name: string }[],
): PaperInput {
  return {
    congressUid: congress.uid,
    congressTitle: congress.name,
    contestTitle: contest.title,
    contestId: contest.id,
    roundId: round.id,
    roundNumber: round.number,
    roundKind: round.kind,
    seats: round.seats,
    candidates: candidates.map((c) => ({ id: c.id, name: c.name })),
    convention: contest.marking,
  };
}
