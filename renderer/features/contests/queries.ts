import { useMemo } from 'react';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useCalls } from './calls.js';
import { byPosition, type Contest, type ContestDetail, type Round, type RoundResult } from './store.js';

export interface ContestList {
  contests: Contest[];
  /** Each contest's candidates, rounds and officials' count, in the order of `contests`. */
  details: (ContestDetail | undefined)[];
  loaded: boolean;
  error: AppError | null;
}

/** The contests of a meeting in their order, with each one's detail (candidates for the margin warning, rounds). */
export function useContestList(meetingId: number | null): ContestList {
  const list = useCall('contests.list', meetingId === null ? null : { meetingId });
  const contests = useMemo(() => [...(list.data ?? [])].sort(byPosition), [list.data]);
  const details = useCalls(
    'contests.get',
    contests.map((c) => ({ contestId: c.id })),
  );
  const loaded = list.data !== undefined || list.error !== null;
  const error = list.error ?? details.error;
  return useMemo(() => ({ contests, details: details.data, loaded, error }), [contests, details.data, loaded, error]);
}

export interface ContestView {
  detail: ContestDetail | undefined;
  error: AppError | null;
  /** The attendance of the contest's meeting: voters present before the papers are distributed. */
  summary: AttendanceSummary | null;
  /** Each round's result by round id, for the rounds with papers. */
  results: Record<number, RoundResult>;
}

/** The result of each of these rounds, by round id, kept up to date. */
export function useRoundResults(rounds: readonly Round[]): {
  results: Record<number, RoundResult>;
  complete: boolean;
  error: AppError | null;
} {
  const tallies = useCalls(
    'rounds.result',
    rounds.map((r) => ({ roundId: r.id })),
  );
  const results = useMemo(() => {
    const byRound: Record<number, RoundResult> = {};
    for (const r of tallies.data) if (r) byRound[r.round.id] = r;
    return byRound;
  }, [tallies.data]);
  return { results, complete: !tallies.loading, error: tallies.error };
}

/** One contest open in the detail view: its candidates, rounds, each round's result and its meeting's attendance. */
export function useContestView(contestId: number | null): ContestView {
  const detail = useCall('contests.get', contestId === null ? null : { contestId });
  const meetingId = detail.data?.contest.meetingId;
  const summary = useCall('attendance.summary', meetingId === undefined ? null : { meetingId });
  // Rounds with papers have a result worth showing; a round in setup has none yet.
  const rounds = useMemo(() => (detail.data?.rounds ?? []).filter((r) => r.status !== 'setup'), [detail.data]);
  const { results } = useRoundResults(rounds);
  return { detail: detail.data, error: detail.error, summary: summary.data ?? null, results };
}
