/**
 * What the backend keeps in memory for one open congress file, beside its connection. Made when
 * the file is opened (db/session.ts) and dropped with it, so that a file closed, replaced or
 * restored from a backup cannot leave figures of another file behind. Reaches handlers through
 * their call (`call.caches`).
 */
import { TallyCache } from './count/tally-cache.js';
import { type ScanHooks, ScanQueue } from './scan/queue.js';

export interface CongressCaches {
  /** The live tally of each round (db/count/tally-cache.ts). */
  tallies: TallyCache;
  /** The scanned pages with the reader now (db/scan/queue.ts); answers for a file closed are dropped. */
  scans: ScanQueue;
}

export const newCaches = (hooks: ScanHooks = {}): CongressCaches => ({
  tallies: new TallyCache(),
  scans: new ScanQueue(hooks),
});
