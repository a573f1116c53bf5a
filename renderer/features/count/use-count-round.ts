import { useQueries } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import { writeInContext } from '../../../core/ballot.js';
import type { Output } from '../../../core/contract.js';
import type { WriteInContext } from '../../../core/election-types.js';
import type { AppError } from '../../../core/result.js';
import { callOptions, useCall } from '../../api/queries.js';
import { paperOrder } from '../contests/store.js';
import type { ContestDetail, Round } from './types.js';

export interface CountRound {
  round: Round | null;
  /** The round's result as core decides it (final once the round is closed). */
  result: Output<'rounds.result'> | null;
  detail: ContestDetail | null;
  /** In paper order. */
  candidates: ContestDetail['candidates'];
  context: WriteInContext;
  ballots: Output<'ballots.list'>;
  stacks: Output<'stacks.list'>;
  stacksError: AppError | null;
  error: AppError | null;
}

const NONE: never[] = [];

/**
 * What the counting screen reads of round `roundId`, through the fetch layer (kept up to date
 * by the change events): the round and its contest, the candidates in paper order, rule 4's
 * view of the write-ins (those elected in the contest's earlier closed rounds are disregarded),
 * the ballots entered, and in double entry the stacks.
 */
export function useCountRound(roundId: number | null): CountRound {
  const result = useCall('rounds.result', roundId === null ? null : { roundId });
  const contestId = result.data?.round.contestId;
  const detail = useCall('contests.get', contestId === undefined ? null : { contestId });
  const ballots = useCall('ballots.list', roundId === null ? null : { roundId });
  const doubleEntry = detail.data?.contest.doubleEntry ?? false;
  const stacks = useCall('stacks.list', roundId !== null && doubleEntry ? { roundId } : null);

  const round = useMemo(
    () => detail.data?.rounds.find((r) => r.id === roundId) ?? result.data?.round ?? null,
    [detail.data, result.data, roundId],
  );
  // The contest is read again after every ballot (its rounds' counts change); the paper's rows
  // do not: the same array keeps the sheet and the lists beside it from rendering again.
  const candidates = useSameRows(
    useMemo(() => (round && detail.data ? paperOrder(round, detail.data.candidates) : NONE), [round, detail.data]),
  );
  const earlier = useMemo(
    () =>
      round && detail.data ? detail.data.rounds.filter((r) => r.number < round.number && r.status === 'closed') : NONE,
    [round, detail.data],
  );
  const earlierResults = useQueries({
    queries: earlier.map((r: Round) => callOptions('rounds.result', { roundId: r.id })),
  });
  const excludedKey = earlierResults
    .map((q) => q.data?.decision.elected.map((e) => e.name).join('\u0000') ?? '')
    .join('\u0001');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names elected earlier, not the query objects
  const context = useMemo(
    () =>
      writeInContext({
        printed: candidates.map((c) => c.name),
        excluded: earlierResults.flatMap((q) => q.data?.decision.elected.map((e) => e.name) ?? []),
        onlyTied: round?.kind === 'tie_revote',
      }),
    [candidates, excludedKey, round?.kind],
  );

  return {
    round,
    result: result.data ?? null,
    detail: detail.data ?? null,
    candidates,
    context,
    ballots: ballots.data ?? NONE,
    stacks: stacks.data ?? NONE,
    stacksError: stacks.error,
    error: result.error ?? detail.error ?? ballots.error,
  };
}

type Candidates = ContestDetail['candidates'];

/** The previous rows while the ids and names in paper order are the same. */
function useSameRows(rows: Candidates): Candidates {
  const kept = useRef(rows);
  const before = kept.current;
  const same =
    before.length === rows.length && before.every((c, i) => c.id === rows[i]!.id && c.name === rows[i]!.name);
  if (!same) kept.current = rows;
  return kept.current;
}
