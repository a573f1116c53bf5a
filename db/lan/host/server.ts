/** PLACEHOLDER (issue 14, helper "venue server" replaces it): the HTTPS listener on the venue network. */
import { refuse } from '../../../core/result.js';
import type { LanHost, Venue } from '../types.js';

export function createVenue(_host: LanHost, _dataDir: string): Venue {
  const closed = { open: false, address: null, port: null, fingerprint: null };
  return {
    open: async () => refuse('internal', 'call.internal', { detail: 'not built yet' }),
    close: async () => undefined,
    state: () => closed,
    fingerprintFor: async () => '0'.repeat(64),
  };
}
