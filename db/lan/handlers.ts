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
export const venue = notYet<'lan.venue'>();
export const openVenue = notYet<'lan.openVenue'>();
export const closeVenue = notYet<'lan.closeVenue'>();
export const newCode = notYet<'lan.newCode'>();
export const revoke = notYet<'lan.revoke'>();
export const join = notYet<'lan.join'>();
export const link = notYet<'lan.link'>();
export const dismiss = notYet<'lan.dismiss'>();
export const leave = notYet<'lan.leave'>();
export const promote = notYet<'lan.promote'>();
