/**
 * Who may do what on election day: one table, enforced by the backend for every call (the UI
 * only hides what the table forbids). Reading is open to every window of the app (the hall's
 * board and tally have no one signed in); every write names the roles that may make it.
 *
 * Three writes need the chief scrutineer (总监票人) at that moment, on whatever station:
 * closing a round (and with it a contest), deciding a set-aside ballot (“由总监票人…确定”), and
 * signing the result file. The station's own role does not matter for them; the chief's PIN,
 * typed for that one call, does.
 */
import type { Channel, Contract } from './contract.js';

export const ROLES = ['secretariat', 'clerk', 'counter', 'scrutineer', 'chief_scrutineer'] as const;
export type Role = (typeof ROLES)[number];

export type WriteChannel = { [C in Channel]: Contract[C]['write'] extends true ? C : never }[Channel];

const S: Role = 'secretariat';
const K: Role = 'clerk';
const C: Role = 'counter';
const J: Role = 'scrutineer';
const Z: Role = 'chief_scrutineer';

/** The chief scrutineer's PIN, for this call. */
export const CHIEF = 'chief_confirms' as const;

/** Every write of the contract: the roles whose station may make it, or the chief's confirmation. */
export const WRITE_PERMISSIONS: { [W in WriteChannel]: readonly Role[] | typeof CHIEF } = {
  // Creating a congress file happens before anyone is an operator of it.
  'congress.create': ROLES,
  'congress.backup': [S],
  'congress.updateSettings': [S],
  'meetings.create': [S],
  'meetings.setCurrent': [S],
  // Rule 14: the committee plenary's approval of the 纪委 plenary's result, recorded by the secretariat.
  'meetings.approveResult': [S],
  'delegates.add': [S],
  'delegates.update': [S],
  'roster.import': [S],
  // The desk: clerks, and the secretariat standing in.
  'attendance.checkInByBadge': [K, S],
  'attendance.checkIn': [K, S],
  'attendance.undoLast': [K, S],
  'attendance.mark': [K, S],
  // Rule 16: an approved exclusion from 应到 is the organisation's decision, not the desk's.
  'attendance.exclude': [S],
  'attendance.revokeExclusion': [S],
  'contests.create': [S],
  'contests.update': [S],
  // Rule 7: the presidium's decision, recorded by the secretariat.
  'contests.reduceSeats': [S],
  'candidates.add': [S],
  'candidates.remove': [S],
  'candidates.import': [S],
  'candidates.approveOrder': [S],
  // Issuing and collecting papers happens under the scrutineers' eyes.
  'rounds.distribute': [S, J, Z],
  'rounds.collect': [S, J, Z],
  'rounds.close': CHIEF,
  'rounds.openAdditional': [S],
  // Rule 16: the presidium's declaration of 选举无效 is a decision on the count: the chief scrutineer confirms it.
  'rounds.declareVoid': CHIEF,
  // Rule 12: the formal list from a closed 预选, for the presidium to approve.
  'contests.createFromPrevote': [S],
  // Rule 13: the officials the meeting approved, recorded by the secretariat.
  'officials.appoint': [S],
  'officials.remove': [S],
  'ballots.enter': [C, J, Z],
  'ballots.correct': [C, J, Z],
  'ballots.void': [J, Z],
  'ballots.decide': CHIEF,
  'stacks.settle': [J, Z],
  'discipline.setText': [S],
  'oath.start': [S],
  'oath.finish': [S],
  'oath.addLatecomer': [S, K],
  'pledges.sign': [S, K],
  'pledges.refuse': [S, K],
  'pledges.withdraw': [S],
  'result.export': CHIEF,
  'operators.add': [S],
  'operators.update': [S],
  'station.signIn': ROLES,
  'backups.restore': [S],
};

/** What a station signed in with `role` may do with `channel`: allowed, the chief's PIN, or refused. */
export function permission(channel: WriteChannel, role: Role): 'allowed' | 'chief' | 'refused' {
  const rule = WRITE_PERMISSIONS[channel];
  if (rule === CHIEF) return 'chief';
  return rule.includes(role) ? 'allowed' : 'refused';
}
