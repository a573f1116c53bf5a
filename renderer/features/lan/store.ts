/**
 * The venue network's reads and writes for its screens. What the host lists (`lan.venue`) and a
 * station's link (`lan.link`) change with every beat a station sends, which is no change of the
 * congress: while shown they are also read again every beat (BEAT_MS), as the backups card looks
 * at its folder. A laptop alone (no station) is not asked again.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Input, Output } from '../../../core/contract.js';
import { BEAT_MS } from '../../../core/lan/protocol.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { CallFailed, callOptions, queryClient, queryKey } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';

export type VenueStatus = Output<'lan.venue'>;
export type LinkStatus = Output<'lan.link'>;
export type StationRow = VenueStatus['stations'][number];

const asError = (e: unknown): AppError | null =>
  e instanceof CallFailed ? e.error : e ? { code: 'internal', message: String(e) } : null;

/** The host's view of its venue network, every beat while the screen shows it. */
export function useVenue(enabled = true): { data: VenueStatus | undefined; error: AppError | null } {
  const q = useQuery({ ...callOptions('lan.venue', {}), refetchInterval: BEAT_MS, enabled });
  return { data: q.data, error: asError(q.error) };
}

/**
 * This laptop's link to a host, for the banner: read once, then every beat while it is a
 * station (its store also announces `lan` when the link changes).
 */
export function useLink(): LinkStatus | undefined {
  const q = useQuery({
    ...callOptions('lan.link', {}),
    refetchInterval: (query) => (query.state.data && query.state.data.mode !== 'alone' ? BEAT_MS : false),
  });
  return q.data;
}

/** The clock for 「12 秒前」 and a code's countdown: re-renders every `everyMs`. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A write's answer shown at once, before its change event reads the status again. */
function settle<T>(channel: 'lan.venue' | 'lan.link', r: Result<T>, value?: (v: T) => unknown): Result<T> {
  if (r.ok && value) queryClient.setQueryData(queryKey(channel, {}), value(r.value));
  void queryClient.invalidateQueries({ queryKey: queryKey(channel, {}) });
  return r;
}

export const openVenue = async (input: Input<'lan.openVenue'>) =>
  settle('lan.venue', await invoke('lan.openVenue', input), (v) => v);

export const closeVenue = async () => settle('lan.venue', await invoke('lan.closeVenue', {}), (v) => v);

export const newCode = async (input: Input<'lan.newCode'>) => settle('lan.venue', await invoke('lan.newCode', input));

export const revokeStation = async (stationId: number) =>
  settle('lan.venue', await invoke('lan.revoke', { stationId }), (v) => v);

/** Pairs this laptop with a host; once joined, the congress it shows is the host's. */
export async function joinHost(input: Input<'lan.join'>): Promise<Result<LinkStatus>> {
  const r = settle('lan.link', await invoke('lan.join', input), (v) => v);
  if (r.ok) await useCongress.getState().refresh();
  return r;
}

export const dismissTold = async (at: string) => settle('lan.link', await invoke('lan.dismiss', { at }), (v) => v);

/** A standby becomes the host: its copy is the congress from now on. */
export async function promoteStandby(operatorId: number, pin: string): Promise<Result<LinkStatus>> {
  const r = settle('lan.link', await invoke('lan.promote', { operatorId, pin }), (v) => v);
  if (r.ok) await useCongress.getState().refresh();
  return r;
}
