/**
 * Who may call each channel of the contract while the open congress has operators, written out
 * by hand, channel by channel (issue 12, "every call is gated"): the contract declares it
 * (core/contract/*.ts `roles`); this table is what the tests hold it to, so a change of who may
 * call something shows here, on purpose, and a new channel fails the tests until it is named.
 */
import { ANYONE, C, CHIEF, J, K, ROLES, S, Z } from '../../core/contract/spec.js';
import type { Channel } from '../../core/contract.js';

export type ExpectedRule = readonly string[] | typeof CHIEF | typeof ANYONE;

export const BY_RULE: [ExpectedRule, Channel[]][] = [
  // The lock screen (the congress's name, the operator picker, the status, sign-in, lock), the
  // app frame before sign-in (app.info: what is open), and the hall's board and tally windows,
  // which run with nobody signed in (the current meeting's attendance, the contest and its count).
  [
    ANYONE,
    [
      'app.info',
      'congress.get',
      'meetings.list',
      'operators.list',
      'station.signIn',
      'station.lock',
      'station.status',
      'attendance.summary',
      'contests.get',
      'rounds.result',
      // Issue 14: the station's link, for the offline banner on the lock screen and the board too.
      'lan.link',
    ],
  ],
  // What the whole day reads, at any station signed in.
  [
    ROLES,
    [
      'meetings.electorate',
      'meetings.approvals',
      'delegates.list',
      'attendance.list',
      'attendance.exclusions',
      'contests.list',
      'officials.list',
      'ballots.list',
      'stacks.list',
      'stacks.compare',
      'discipline.texts',
      'oath.get',
      'pledges.summary',
      'pledges.history',
      'pledges.signatures',
      'keys.info',
      'result.status',
      'result.verify',
      // Issue 13: the scanned pages and their images, as the ballots they become are read.
      'scan.pages',
      'scan.image',
    ],
  ],
  [
    [S],
    [
      // Another file over this one ends every sign-in: the secretariat's call.
      'congress.create',
      'congress.open',
      'congress.openDemo',
      'congress.close',
      'congress.backup',
      'congress.updateSettings',
      'meetings.create',
      'meetings.setCurrent',
      'meetings.approveResult',
      'delegates.add',
      'delegates.update',
      'roster.preview',
      'roster.import',
      'attendance.exclude',
      'attendance.revokeExclusion',
      'contests.create',
      'contests.update',
      'contests.reduceSeats',
      'candidates.add',
      'candidates.remove',
      'candidates.import',
      'candidates.approveOrder',
      'rounds.openAdditional',
      'contests.createFromPrevote',
      'officials.appoint',
      'officials.remove',
      'discipline.setText',
      'oath.start',
      'oath.finish',
      'pledges.withdraw',
      'operators.add',
      'operators.update',
      'backups.status',
      'backups.restore',
      // The district's sheet (and the file it writes) is the secretariat's; a scrutineer checks one file.
      'result.district',
      'result.districtExport',
      // The district's key registry is its trust root; the enrolment file is written where asked.
      'district.keys.list',
      'district.keys.add',
      'district.keys.remove',
      'district.keys.import',
      'keys.enrol',
    ],
  ],
  [
    [K, S],
    ['attendance.checkInByBadge', 'attendance.checkIn', 'attendance.undoLast', 'attendance.mark'],
  ],
  [
    [S, J, Z],
    [
      'rounds.distribute',
      'rounds.collect',
      // The record of who did what: the secretariat and those who answer for the count.
      'audit.list',
      'audit.names',
      'audit.export',
      'audit.verify',
    ],
  ],
  [CHIEF, ['rounds.close', 'rounds.declareVoid', 'ballots.decide', 'result.export']],
  [
    [C, J, Z],
    // Issue 13: pages are received (and the scanner's folder looked at) by those who key ballots.
    ['ballots.enter', 'ballots.correct', 'scan.inbox', 'scan.addFiles', 'scan.addImage'],
  ],
  [
    [J, Z],
    ['ballots.void', 'stacks.settle'],
  ],
  // Issue 14: the secretariat opens the congress to the venue network and pairs the stations.
  [[S], ['lan.addresses', 'lan.venue', 'lan.openVenue', 'lan.closeVenue', 'lan.newCode', 'lan.revoke']],
  // The station's own calls, answered by its own store (a station that joins has no congress open yet).
  [ROLES, ['lan.join', 'lan.dismiss', 'lan.leave', 'lan.promote']],
  [
    [S, K],
    ['oath.addLatecomer', 'pledges.sign', 'pledges.refuse'],
  ],
];

/** The table by channel; a channel missing here is one nobody classified. */
export const EXPECTED_RULES: Partial<Record<Channel, ExpectedRule>> = Object.fromEntries(
  BY_RULE.flatMap(([rule, named]) => named.map((channel) => [channel, rule])),
);
