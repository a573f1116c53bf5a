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

const EXPECTED: Record<WriteChannel, readonly string[] | typeof CHIEF> = {
  'congress.create': ROLES,
  'congress.backup': [S],
  'congress.updateSettings': [S],
  'meetings.create': [S],
  'meetings.setCurrent': [S],
  'meetings.approveResult': [S],
  'delegates.add': [S],
  'delegates.update': [S],
  'roster.import': [S],
  'attendance.checkInByBadge': [K, S],
  'attendance.checkIn': [K, S],
  'attendance.undoLast': [K, S],
  'attendance.mark': [K, S],
  'attendance.exclude': [S],
  'attendance.revokeExclusion': [S],
  'contests.create': [S],
  'contests.update': [S],
  'contests.reduceSeats': [S],
  'candidates.add': [S],
  'candidates.remove': [S],
  'candidates.import': [S],
  'candidates.approveOrder': [S],
  'rounds.distribute': [S, J, Z],
  'rounds.collect': [S, J, Z],
  'rounds.close': CHIEF,
  'rounds.openAdditional': [S],
  'rounds.declareVoid': CHIEF,
  'contests.createFromPrevote': [S],
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
