/**
 * Who may do what on election day, enforced by the backend for every call (the UI only hides
 * what the contract forbids). Reading is open to every window of the app (the hall's board and
 * tally have no one signed in); every write names the roles that may make it where it is
 * declared, in its contract section (core/contract/*.ts). This module reads that table.
 *
 * Three writes need the chief scrutineer (总监票人) at that moment, on whatever station:
 * closing a round (and with it a contest), deciding a set-aside ballot (“由总监票人…确定”), and
 * signing the result file. The station's own role does not matter for them; the chief's PIN,
 * typed for that one call, does.
 */

import type { WriteSpec } from './contract/spec.js';
import { type Channel, type Contract, channels, contract } from './contract.js';
import { CHIEF, type Role } from './model/operators.js';

export { CHIEF, ROLES, type Role } from './model/operators.js';

export type WriteChannel = { [C in Channel]: Contract[C]['write'] extends true ? C : never }[Channel];

const isWrite = (channel: Channel): channel is WriteChannel => contract[channel].write;

/** Every write of the contract: the roles whose station may make it, or the chief's confirmation. */
export const WRITE_PERMISSIONS = Object.fromEntries(
  channels.filter(isWrite).map((channel) => [channel, (contract[channel] as WriteSpec).roles]),
) as { readonly [W in WriteChannel]: WriteSpec['roles'] };

/** What a station signed in with `role` may do with `channel`: allowed, the chief's PIN, or refused. */
export function permission(channel: WriteChannel, role: Role): 'allowed' | 'chief' | 'refused' {
  const rule = WRITE_PERMISSIONS[channel];
  if (rule === CHIEF) return 'chief';
  return rule.includes(role) ? 'allowed' : 'refused';
}
