/** PLACEHOLDER (issue 14, helper "station link" replaces it): this laptop as a station of another's host. */
import { refuse } from '../../../core/result.js';
import type { StationLink } from '../types.js';

export function createStationLink(_options: { dataDir: string }): StationLink {
  const alone = {
    mode: 'alone' as const,
    kind: null,
    name: null,
    congress: null,
    host: null,
    online: false,
    queued: 0,
    unsafe: 0,
    told: [],
    copy: null,
  };
  const nope = () => refuse('internal', 'call.internal', { detail: 'not built yet' });
  return {
    forwards: () => false,
    invoke: async () => nope(),
    onChange: () => () => undefined,
    status: () => alone,
    join: async () => nope(),
    dismiss: () => alone,
    leave: async () => ({ ok: true, value: alone }),
    copy: () => null,
    promoted: () => undefined,
    close: async () => undefined,
  };
}
