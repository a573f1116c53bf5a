/**
 * Issue 14: 「A round cannot close while a station still holds papers for it」. The papers a
 * station keyed and has not yet got onto the host (queued while cut off, or being replayed), as
 * its last beat said (db/lan/host/store.ts `papersAt`). Revoking the station lifts it.
 */
import { ok, type Result, refuse } from '../../../core/result.js';
import type { LanRuntime } from '../types.js';

export function papersAtStations(lan: LanRuntime, roundId: number): Result<null> {
  const held = lan.host.papersAt(roundId);
  if (held.length === 0) return ok(null);
  const details = held.map((h) => refuse('conflict', 'lan.papers_at_station', h).error);
  const first = held[0]!;
  return refuse(
    'conflict',
    'lan.papers_at_station',
    { station: first.station, papers: first.papers },
    { field: 'roundId', value: String(roundId), details },
  );
}
