/**
 * The lan.* channels (core/contract/lan.ts), each where its side of the venue network is: the
 * host's (db/lan/host/), the station's (db/lan/station/), the standby's promotion
 * (db/lan/standby/), and this laptop's addresses.
 */
export { addresses } from './addresses.js';
export { closeVenue, newCode, openVenue, revoke, venue } from './host/handlers.js';
export { promote } from './standby/handlers.js';
export { dismiss, join, leave, link } from './station/handlers.js';
