/**
 * Roles are declared with each write of the contract (core/contract/*.ts); core/roles.ts reads
 * them. The table below is what they were when they stood in one table in roles.ts: a change of
 * who may make a write shows here, on purpose.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { C, J, K, S, type Section, Z } from '../../core/contract/spec.js';
import { channels, contract } from '../../core/contract.js';
import { CHIEF, permission, ROLES, WRITE_PERMISSIONS, type WriteChannel } from '../../core/roles.js';

/** Who may make each write, by rule: the roles (in the order they are named), or the chief's PIN. */
const BY_RULE: [readonly string[] | typeof CHIEF, WriteChannel[]][] = [
  [ROLES, ['congress.create', 'station.signIn']],
  [
    [S],
    [
      'congress.backup',
      'congress.updateSettings',
      'meetings.create',
      'meetings.setCurrent',
      'meetings.approveResult',
      'delegates.add',
      'delegates.update',
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
      'backups.restore',
    ],
  ],
  [
    [K, S],
    ['attendance.checkInByBadge', 'attendance.checkIn', 'attendance.undoLast', 'attendance.mark'],
  ],
  [
    [S, J, Z],
    ['rounds.distribute', 'rounds.collect'],
  ],
  [CHIEF, ['rounds.close', 'rounds.declareVoid', 'ballots.decide', 'result.export']],
  [
    [C, J, Z],
    ['ballots.enter', 'ballots.correct'],
  ],
  [
    [J, Z],
    ['ballots.void', 'stacks.settle'],
  ],
  [
    [S, K],
    ['oath.addLatecomer', 'pledges.sign', 'pledges.refuse'],
  ],
];
const EXPECTED = Object.fromEntries(BY_RULE.flatMap(([rule, writes]) => writes.map((w) => [w, rule])));

describe('roles declared with the channel', () => {
  it('every write of the contract names its roles, and no read does', () => {
    for (const channel of channels) {
      const spec = contract[channel] as { write: boolean; roles?: unknown };
      if (spec.write) {
        expect(spec.roles === CHIEF || (Array.isArray(spec.roles) && spec.roles.length > 0), channel).toBe(true);
      } else {
        expect(spec.roles, channel).toBeUndefined();
      }
    }
  });

  it('derives the table the dispatcher enforces, unchanged', () => {
    expect(WRITE_PERMISSIONS).toEqual(EXPECTED);
    expect(Object.keys(EXPECTED)).toHaveLength(Object.keys(WRITE_PERMISSIONS).length);
  });

  it('answers per role: allowed, the chief, or refused', () => {
    expect(permission('attendance.checkIn', 'clerk')).toBe('allowed');
    expect(permission('attendance.exclude', 'clerk')).toBe('refused');
    expect(permission('ballots.enter', 'secretariat')).toBe('refused');
    for (const role of ROLES) expect(permission('rounds.close', role)).toBe('chief');
  });

  it('does not compile a write without roles', () => {
    const section = {
      // @ts-expect-error a write must say who may make it
      'x.write': { write: true, input: z.object({}), output: z.object({}) },
      'x.read': { write: false, input: z.object({}), output: z.object({}) },
    } satisfies Section;
    expect(Object.keys(section)).toHaveLength(2);
  });
});
