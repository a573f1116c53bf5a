import { type UseQueryResult, useQueries } from '@tanstack/react-query';
import type { Input, Output } from '../../../core/contract.js';
import type { ChangeEvent } from '../../../core/domain.js';
import { type AppError, type Result, refuse } from '../../../core/result.js';
import { CallFailed, callOptions, type QueryChannel, queryClient, staleAfter } from '../../api/queries.js';

export interface CallsQuery<T> {
  /** One answer per input, in the same order; undefined while it is read. */
  data: (T | undefined)[];
  /** The first refusal among them. */
  error: AppError | null;
  loading: boolean;
}

const asAppError = (e: Error): AppError =>
  e instanceof CallFailed ? e.error : refuse('internal', 'call.internal', { detail: e.message }).error;

/**
 * The same read for several inputs at once (every contest of a meeting, every counted round of
 * a contest), each cached and kept up to date as `useCall` keeps one.
 */
export function useCalls<C extends QueryChannel>(channel: C, inputs: readonly Input<C>[]): CallsQuery<Output<C>> {
  return useQueries({
    queries: inputs.map((input) => callOptions(channel, input)),
    combine: combineCalls,
  }) as CallsQuery<Output<C>>;
}

// One function for every `useCalls`: react-query combines again only when an answer changes.
function combineCalls(results: UseQueryResult<unknown, Error>[]): CallsQuery<unknown> {
  const failed = results.find((r) => r.error);
  return {
    data: results.map((r) => r.data),
    error: failed?.error ? asAppError(failed.error) : null,
    loading: results.some((r) => r.isPending),
  };
}

/**
 * A write's answer, with what it touched marked stale and read again where shown. The change
 * event that follows does the same (and is what other windows go by); this covers a window whose
 * events lag, without holding the dialog that made the write until the reads are back.
 */
export function written<T>(r: Result<T>, touched: ChangeEvent): Result<T> {
  if (r.ok) void queryClient.invalidateQueries({ predicate: (q) => staleAfter(touched, q.queryKey) });
  return r;
}
