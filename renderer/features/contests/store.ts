import type { Channel, Input, Output } from '../../../core/contract.js';
import type { Contest, RoundResult } from '../../../core/model/index.js';
import type { Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { written } from './calls.js';

export type { Contest, RoundResult };

export type ContestDetail = Output<'contests.get'>;
export type Candidate = ContestDetail['candidates'][number];
export type Round = ContestDetail['rounds'][number];
export type CandidateInput = Omit<Input<'candidates.add'>, 'contestId'>;
export type ContestFields = Omit<Input<'contests.create'>, 'meetingId'>;

/**
 * A write to one contest (its fields, candidates, officials, rounds): the contest, its meeting's
 * list and its rounds' results are read again. What is shown comes from the fetch
 * layer (`./queries.ts`); nothing of the server is kept here.
 */
export async function writeContest<C extends Channel>(
  contestId: number | null,
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  return written(await invoke(channel, input), { topic: 'contests', ...(contestId === null ? {} : { contestId }) });
}

/** Contests in the meeting's order. */
export const byPosition = (a: Contest, b: Contest): number => a.position - b.position || a.id - b.id;

/** The round people work on: the latest one (a rerun or later round follows the one it replaces). */
export function currentRound(rounds: readonly Round[]): Round | null {
  return [...rounds].sort((a, b) => b.number - a.number)[0] ?? null;
}

/** A round's candidates in its paper order. */
export function paperOrder(round: Round, candidates: readonly Candidate[]): Candidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return round.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => c !== undefined);
}

/** Rounds with ballots have a result; a round in setup has none, a void one was never counted. */
export const isCounted = (round: Round): boolean => round.status === 'voting' || round.status === 'closed';
