import { QueryObserver, type QueryObserverOptions, type QueryObserverResult } from '@tanstack/react-query';
import { queryClient } from '../api/queries.js';

/** A read that a store outside React keeps on screen: its answers, and a way to re-point or re-read it. */
export interface Followed<T> {
  /** Another input or key, or `enabled: false` to stop reading (the answer shown stays). */
  setOptions(options: QueryObserverOptions<T, Error, T, T>): void;
  /** A call now, whatever the cache says (a heartbeat, a retry). */
  refetch(): Promise<QueryObserverResult<T, Error>>;
  current(): QueryObserverResult<T, Error>;
}

/**
 * Follows one query of the fetch layer for a store that is not a component (the open congress,
 * this station's sign-in): an observer makes the query active, so the change events of
 * `STALE_AFTER` read it again at once, as they do for what a component shows with `useCall`.
 */
export function follow<T>(
  options: QueryObserverOptions<T, Error, T, T>,
  onResult: (result: QueryObserverResult<T, Error>) => void,
): Followed<T> {
  const observer = new QueryObserver<T, Error, T, T>(queryClient, options);
  observer.subscribe(onResult);
  return {
    setOptions: (next) => observer.setOptions(next),
    refetch: () => observer.refetch(),
    current: () => observer.getCurrentResult(),
  };
}
