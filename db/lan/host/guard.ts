/**
 * Issue 14: 「A round cannot close while a station still holds papers for it」. The papers a
 * station keyed and has not yet got onto the host (queued while cut off, or being replayed), as
 * its last beat said (db/lan/host/store.ts `papersAt`), or a station that keyed papers of the
 * round and has gone silent (what it keyed since is not known). Revoking the station lifts it.
 */
import { type AppError, ok, type Result, refuse } from '../../../core/result.js';
import type { LanRuntime } from '../types.js';

export function papersAtStations(lan: LanRuntime, roundId: number): Result<null> {
  const held = lan.host.papersAt(roundId);
  if (held.length === 0) return ok(null);
  type Held = (typeof held)[number];
  const refusalOf = (h: Held, extra?: { field: string; value: string; details: AppError[] }) =>
    h.silentSeconds === undefined
      ? refuse('conflict', 'lan.papers_at_station', { station: h.station, papers: h.papers }, extra)
      : refuse(
          'conflict',
          'lan.station_silent',
          { station: h.station, seconds: h.silentSeconds, papers: h.papers },
          extra,
        );
  const details = held.map((h) => refusalOf(h).error);
  return refusalOf(held[0]!, { field: 'roundId', value: String(roundId), details });
}
