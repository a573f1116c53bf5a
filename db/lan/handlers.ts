/**
 * The lan.* channels (core/contract/lan.ts). PLACEHOLDERS while issue 14 is being built: each
 * helper replaces the entries it owns (host side: db/lan/host/handlers.ts; station side:
 * db/lan/station/handlers.ts) and this file then only re-exports them.
 */
import type { Channel } from '../../core/contract.js';
import { refuse } from '../../core/result.js';
import type { SessionHandler } from '../handler-types.js';

const notYet = <C extends Channel>(): SessionHandler<C> => ({
  kind: 'session',
  run: () => refuse('internal', 'call.internal', { detail: 'not built yet' }),
  changes: () => [],
});

export { addresses } from './addresses.js';
export { closeVenue, newCode, openVenue, revoke, venue } from './host/handlers.js';
export { promote } from './standby/handlers.js';
export { dismiss, join, leave, link } from './station/handlers.js';
