/**
 * The one fetch layer for what the renderer shows from the store (issue 11), on
 * `@tanstack/react-query`, as VxSuite's `apps/admin/frontend/src/api.ts` does:
 *
 * - **Query keys per channel**: `[channel, input]`. Two screens that show the same round share one
 *   cached answer and one call in flight.
 * - **Grouped invalidation from change events**: `STALE_AFTER` names, for each cached read, the
 *   change topics that make it stale. The backend announces every committed write with its topic
 *   and the ids it touched (`ChangeEvent`); an event re-reads what is on screen and matches it,
 *   and marks the rest stale for when it is shown again. No polling, no per-store switch.
 * - **Coalesced**: a burst of events (a queue at the door, another window entering ballots) costs
 *   at most one call in flight per query and one after it, as the stores' hand-written
 *   `coalesce` did.
 *
 * zustand keeps what is really client state: the ballot being keyed, the commit queue, the
 * route, the language.
 *
 * Why react-query rather than our own layer on zustand: the cache, sharing, "only what is shown
 * re-reads" and stale-on-mount are exactly its job, it is well kept, and it is what the anchor
 * codebase does; our part is the topic map and the coalescing, below.
 */
import { type Query, QueryClient, type QueryKey, useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import type { Channel, Contract, Input, Output } from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import { type AppError, type Result, refuse } from '../../core/result.js';
import { ANYONE, CALL_RULES } from '../../core/roles.js';
import { invoke, onChange } from './index.js';

type Topic = ChangeEvent['topic'];
type ReadChannel = { [C in Channel]: Contract[C]['write'] extends true ? never : C }[Channel];

/**
 * Reads that change the session or write a file (open, close, lock, verify a file, export a
 * district sheet) or answer for one file picked now (a roster preview) are calls, not queries.
 */
type NotCached =
  | 'congress.open'
  | 'congress.openDemo'
  | 'congress.close'
  | 'station.lock'
  | 'roster.preview'
  | 'result.verify'
  | 'result.district'
  | 'result.districtExport'
  | 'district.keys.list'
  | 'district.keys.add'
  | 'district.keys.remove'
  | 'district.keys.import'
  | 'keys.enrol';

export type QueryChannel = Exclude<ReadChannel, NotCached>;

/** Everything the congress is made of: a change to any of them changes the result's hash. */
const SIGNED: readonly Topic[] = ['congress', 'meetings', 'roster', 'attendance', 'contests', 'ballots', 'discipline'];

/**
 * The change topics after which a read is stale. A topic with ids (`meetingId`, `contestId`,
 * `roundId`) makes stale only the queries whose input names the same ids, or none of them.
 * Stale for more than needed costs one call; stale for less shows a wrong number: when in doubt,
 * list the topic.
 */
export const STALE_AFTER: { [C in QueryChannel]: readonly Topic[] } = {
  // The open file is in it (its name, settings and current meeting), and the recent files.
  'app.info': ['congress', 'meetings'],
  'congress.get': ['congress', 'meetings'],
  'meetings.list': ['congress', 'meetings'],
  'meetings.electorate': ['meetings', 'roster', 'contests', 'attendance'],
  'meetings.approvals': ['meetings', 'contests'],
  'delegates.list': ['roster'],
  'attendance.summary': ['roster', 'attendance', 'meetings', 'contests'],
  'attendance.list': ['roster', 'attendance', 'meetings', 'contests'],
  'attendance.exclusions': ['roster', 'attendance', 'meetings'],
  'audit.list': ['audit'],
  // A name looked up changes with the roster, the contests and the operators; a removed one lives on in the log.
  'audit.names': ['audit', 'roster', 'contests', 'meetings', 'operators', 'discipline', 'attendance'],
  'audit.verify': ['audit'],
  'contests.list': ['contests', 'ballots', 'attendance', 'meetings'],
  'contests.get': ['contests', 'ballots', 'attendance', 'meetings'],
  'rounds.result': ['contests', 'ballots'],
  'officials.list': ['contests', 'roster'],
  'ballots.list': ['ballots', 'contests'],
  'stacks.list': ['ballots', 'contests'],
  'stacks.compare': ['ballots', 'contests'],
  'discipline.texts': ['discipline'],
  'oath.get': ['discipline', 'attendance', 'roster'],
  'pledges.summary': ['discipline', 'attendance', 'roster'],
  'pledges.history': ['discipline'],
  'pledges.signatures': ['discipline', 'roster'],
  'keys.info': [],
  // The forms print the audit head beside the hash: every write moves it.
  'result.status': [...SIGNED, 'audit'],
  'operators.list': ['operators'],
  'station.status': ['operators', 'congress'],
  'backups.status': ['backups', 'congress'],
  // A page received or read is `scan`; a page confirmed is a ballot written.
  'scan.pages': ['scan', 'ballots', 'contests'],
  // A page's stored image never changes.
  'scan.image': [],
  // Files received leave the inbox; new files in the folder say nothing: the screen polls it.
  'scan.inbox': ['scan'],
  'lan.addresses': ['lan'],
  'lan.venue': ['lan'],
  // Not a read of the congress, but of this laptop's link: the station's store announces `lan` when it changes.
  'lan.link': ['lan'],
};

export const queryKey = <C extends QueryChannel>(channel: C, input: Input<C>): QueryKey => [channel, input ?? {}];

const SCOPES = ['meetingId', 'contestId', 'roundId'] as const;

/** Whether `event` makes the query with this key stale. */
export function staleAfter(event: ChangeEvent, key: QueryKey): boolean {
  const [channel, input] = key as [QueryChannel, Record<string, unknown> | undefined];
  const topics = STALE_AFTER[channel];
  if (!topics?.includes(event.topic)) return false;
  // Scoped to the same ids where both name one: a ballot of round 7 leaves round 8's tally alone.
  for (const scope of SCOPES) {
    const a = event[scope];
    const b = input?.[scope];
    if (a !== undefined && typeof b === 'number' && a !== b) return false;
  }
  return true;
}

/** A refused read, as react-query's error: the store's refusal is kept whole for `errorText`. */
export class CallFailed extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Change events say when an answer is stale; nothing else does.
      staleTime: Number.POSITIVE_INFINITY,
      gcTime: 5 * 60_000,
      // A refusal is an answer (no congress open, not found), not a fault to try again.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Answers are replaced whole: comparing a 5,000-row roster field by field costs more than it saves.
      structuralSharing: false,
    },
  },
});

async function read<C extends QueryChannel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new CallFailed(r.error);
  return r.value;
}

/** The key and the read of one query (for `useQuery`, `fetchQuery`, an observer). */
export const callOptions = <C extends QueryChannel>(channel: C, input: Input<C>) => ({
  queryKey: queryKey(channel, input),
  queryFn: () => read(channel, input),
});

export interface CallQuery<T> {
  data: T | undefined;
  error: AppError | null;
  /** No answer yet (the first read is on its way). */
  loading: boolean;
  refetch(): Promise<unknown>;
}

/**
 * Who this window reads as: locked (a congress with operators and nobody signed in here), and
 * the sign-in it reads with. Set by the station store (features/operators/station-store.ts).
 */
const GATE_REFUSALS: readonly string[] = ['locked', 'forbidden'];

const useReadAccess = create<{ locked: boolean; signIn: string | null }>(() => ({ locked: false, signIn: null }));

/**
 * The station locked, or signed in (again, or as another operator). Behind the lock screen the
 * screens stay as they were but read nothing the backend would refuse a locked station (only
 * the ANYONE calls of core/contract/spec.ts); once someone signs in, what a refusal of the gate
 * (`locked`, `forbidden`) left on screen is read again, as that operator.
 */
export function setReadAccess(locked: boolean, signIn: string | null): void {
  const before = useReadAccess.getState();
  if (before.locked === locked && before.signIn === signIn) return;
  useReadAccess.setState({ locked, signIn });
  if (locked) return;
  void queryClient.invalidateQueries({
    predicate: (q) => q.state.error instanceof CallFailed && GATE_REFUSALS.includes(q.state.error.error.code),
  });
}

/** Whether a read may be made now: a locked station makes only the lock screen's and the board's. */
const mayRead = (channel: QueryChannel, locked: boolean): boolean => !locked || CALL_RULES[channel] === ANYONE;

/**
 * A read shown on screen, kept up to date by change events. `input: null` waits (nothing
 * chosen yet), as does a read a locked station may not make. The previous answer stays shown
 * while a new one is read.
 */
export function useCall<C extends QueryChannel>(channel: C, input: Input<C> | null): CallQuery<Output<C>> {
  const locked = useReadAccess((s) => s.locked);
  const q = useQuery({
    ...callOptions(channel, (input ?? {}) as Input<C>),
    enabled: input !== null && mayRead(channel, locked),
  });
  return {
    data: q.data,
    error: q.error instanceof CallFailed ? q.error.error : q.error ? internalError(q.error) : null,
    loading: input !== null && q.isPending,
    refetch: q.refetch,
  };
}

const internalError = (e: Error): AppError => refuse('internal', 'call.internal', { detail: e.message }).error;

/** The same read outside React (a store's action): the cached answer if fresh, else one call. */
export async function fetchCall<C extends QueryChannel>(channel: C, input: Input<C>): Promise<Result<Output<C>>> {
  try {
    return { ok: true, value: await queryClient.fetchQuery(callOptions(channel, input)) };
  } catch (e) {
    return { ok: false, error: e instanceof CallFailed ? e.error : internalError(e as Error) };
  }
}

/** The cached answer, if any, without a call. */
export const peekCall = <C extends QueryChannel>(channel: C, input: Input<C>): Output<C> | undefined =>
  queryClient.getQueryData(queryKey(channel, input));

/** Queries to read again once their call in flight answers (the "one after it" of a burst). */
const again = new Set<string>();

function invalidate(query: Query): void {
  if (query.state.fetchStatus === 'fetching') {
    // The call in flight may have been read before this change committed: one more after it.
    again.add(query.queryHash);
    return;
  }
  void query.invalidate();
  if (query.isActive()) void query.fetch().catch(() => undefined);
}

let started = false;

/** Follows the backend's change events for the life of the window (renderer/main.tsx). */
export function startLiveQueries(): () => void {
  if (started) return () => undefined;
  started = true;
  const cache = queryClient.getQueryCache();
  const unsubscribeCache = cache.subscribe((e) => {
    if (e.type !== 'updated' || e.query.state.fetchStatus === 'fetching' || !again.has(e.query.queryHash)) return;
    again.delete(e.query.queryHash);
    invalidate(e.query);
  });
  const unsubscribeEvents = onChange(applyChange);
  return () => {
    started = false;
    unsubscribeCache();
    unsubscribeEvents();
  };
}

/** One event: every cached read it makes stale; those on screen are read again now. */
export function applyChange(event: ChangeEvent): void {
  for (const query of queryClient.getQueryCache().getAll()) {
    if (staleAfter(event, query.queryKey)) invalidate(query);
  }
}

/**
 * Everything read again, as if every kind of change had happened: after a restore the open
 * congress is another version of itself.
 */
export function refreshEverything(): void {
  for (const query of queryClient.getQueryCache().getAll()) invalidate(query);
}

/** The congress closed, or another was opened: nothing read from the old one stays. */
export function forgetCongress(): void {
  queryClient.removeQueries({ predicate: (q) => !['app.info', 'keys.info'].includes(q.queryKey[0] as string) });
}
