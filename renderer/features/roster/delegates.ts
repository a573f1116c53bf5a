import { useMemo } from 'react';
import type { Delegate } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { fetchCall, useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';

/** The roster as the screens use it: in badge order, and by id. */
export interface Roster {
  delegates: Delegate[];
  byId: Map<number, Delegate>;
}

export interface RosterView extends Roster {
  /** The first answer is in (an empty roster is loaded too). */
  loaded: boolean;
  error: AppError | null;
}

const compareBadges = (a: Delegate, b: Delegate): number =>
  a.badge.localeCompare(b.badge, 'zh-CN', { numeric: true }) || a.id - b.id;

const EMPTY: Roster = { delegates: [], byId: new Map() };
/** One sorted roster per answer, however many screens show it (3,000 names sort in milliseconds, not nothing). */
const sorted = new WeakMap<readonly Delegate[], Roster>();

export function rosterOf(answer: readonly Delegate[] | undefined): Roster {
  if (!answer) return EMPTY;
  let roster = sorted.get(answer);
  if (!roster) {
    const delegates = [...answer].sort(compareBadges);
    roster = { delegates, byId: new Map(delegates.map((d) => [d.id, d])) };
    sorted.set(answer, roster);
  }
  return roster;
}

/** The open congress's roster, kept up to date by the change events (topic `roster`). */
export function useDelegates(): RosterView {
  const open = useCongress((s) => s.file !== null);
  const q = useCall('delegates.list', open ? {} : null);
  const roster = rosterOf(q.data);
  return useMemo(() => ({ ...roster, loaded: q.data !== undefined, error: q.error }), [roster, q.data, q.error]);
}

/** The same roster outside React (a store's action): cached if fresh, else one call. */
export async function fetchDelegates(): Promise<Result<Roster>> {
  const r = await fetchCall('delegates.list', {});
  return r.ok ? { ok: true, value: rosterOf(r.value) } : r;
}
