/**
 * Who may do what on election day, enforced by the backend for every call (the UI only hides
 * what the contract forbids). Every channel — reads too — names who may call it while the open
 * congress has operators, where it is declared, in its contract section (core/contract/*.ts,
 * the forms are in core/contract/spec.ts); this module reads that table.
 *
 * A locked station (nobody signed in) may call only the ANYONE channels: the lock screen's and
 * those of the hall's board and tally, which run with nobody signed in.
 *
 * Four writes need the chief scrutineer (总监票人) at that moment, on whatever station:
 * closing a round (and with it a contest), declaring a round void, deciding a set-aside ballot
 * (“由总监票人…确定”), and signing the result file. The station's own role does not matter for
 * them; the chief's PIN, typed for that one call, does.
 */

import { ANYONE, type ReadSpec, type WriteSpec } from './contract/spec.js';
import { type Channel, type Contract, channels, contract } from './contract.js';
import { CHIEF, type Role } from './model/operators.js';

export { ANYONE } from './contract/spec.js';
export { CHIEF, ROLES, type Role } from './model/operators.js';

export type WriteChannel = { [C in Channel]: Contract[C]['write'] extends true ? C : never }[Channel];

/** Who may call a channel: roles, the chief's PIN (writes), or anyone, a locked station too. */
export type CallRule = ReadSpec['roles'] | WriteSpec['roles'];

/** Every channel of the contract with who may call it. */
export const CALL_RULES = Object.fromEntries(
  channels.map((channel) => [channel, (contract[channel] as ReadSpec | WriteSpec).roles]),
) as { readonly [C in Channel]: CallRule };

const isWrite = (channel: Channel): channel is WriteChannel => contract[channel].write;

/** Every write of the contract: the roles whose station may make it, the chief's confirmation, or anyone. */
export const WRITE_PERMISSIONS = Object.fromEntries(
  channels.filter(isWrite).map((channel) => [channel, CALL_RULES[channel]]),
) as { readonly [W in WriteChannel]: WriteSpec['roles'] };

/**
 * What a station signed in with `role` (null: nobody signed in, a locked station) may do with
 * `channel`: allowed, the chief's PIN, refused for its role, or locked (sign in first).
 */
export function permission(channel: Channel, role: Role | null): 'allowed' | 'chief' | 'refused' | 'locked' {
  const rule: CallRule = CALL_RULES[channel];
  if (rule === ANYONE) return 'allowed';
  if (role === null) return 'locked';
  if (rule === CHIEF) return 'chief';
  return rule.includes(role) ? 'allowed' : 'refused';
}
