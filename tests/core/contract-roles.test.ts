/**
 * Who may call each channel is declared with it in the contract (core/contract/*.ts `roles`),
 * reads included (issue 12, "every call is gated"); core/roles.ts reads them. The table the
 * tests hold them to is written out by hand in tests/core/call-rules.ts: a change of who may
 * call something shows there, on purpose, and a channel nobody classified fails here.
 */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Section } from '../../core/contract/spec.js';
import { channels } from '../../core/contract.js';
import { ANYONE, CALL_RULES, CHIEF, permission, ROLES, WRITE_PERMISSIONS } from '../../core/roles.js';
import { BY_RULE, EXPECTED_RULES } from './call-rules.js';

describe('roles declared with every channel', () => {
  it('every channel of the contract, read or write, names who may call it', () => {
    for (const channel of channels) {
      const rule = CALL_RULES[channel] as unknown;
      const named = rule === CHIEF || rule === ANYONE || (Array.isArray(rule) && rule.length > 0);
      expect(named, channel).toBe(true);
    }
  });

  it('the table the dispatcher enforces is the one written out by hand, channel by channel; none left unnamed', () => {
    const unnamed = channels.filter((c) => EXPECTED_RULES[c] === undefined);
    expect(unnamed, 'channels nobody classified in tests/core/call-rules.ts').toEqual([]);
    const named = BY_RULE.flatMap(([, list]) => list);
    expect(new Set(named).size, 'a channel named twice').toBe(named.length);
    expect(named.filter((c) => !channels.includes(c))).toEqual([]);
    expect(CALL_RULES).toEqual(EXPECTED_RULES);
  });

  it('only the lock screen, the app frame and the hall board are open to a locked station', () => {
    const open = channels.filter((c) => CALL_RULES[c] === ANYONE).sort();
    expect(open).toEqual(
      [
        'app.info',
        'attendance.summary',
        'congress.get',
        'contests.get',
        'lan.link',
        'meetings.list',
        'operators.list',
        'rounds.result',
        'station.lock',
        'station.signIn',
        'station.status',
      ].sort(),
    );
    // A read never asks for the chief's PIN: that is for four writes.
    const chief = channels.filter((c) => CALL_RULES[c] === CHIEF).sort();
    expect(chief).toEqual(['ballots.decide', 'result.export', 'rounds.close', 'rounds.declareVoid']);
    expect(Object.keys(WRITE_PERMISSIONS)).toContain('station.signIn');
  });

  it('answers per role: allowed, the chief, refused, or locked for nobody signed in', () => {
    expect(permission('attendance.checkIn', 'clerk')).toBe('allowed');
    expect(permission('attendance.exclude', 'clerk')).toBe('refused');
    expect(permission('ballots.enter', 'secretariat')).toBe('refused');
    expect(permission('audit.list', 'clerk')).toBe('refused');
    expect(permission('delegates.list', 'counter')).toBe('allowed');
    for (const role of ROLES) expect(permission('rounds.close', role)).toBe('chief');
    expect(permission('delegates.list', null)).toBe('locked');
    expect(permission('rounds.close', null)).toBe('locked');
    expect(permission('result.districtExport', null)).toBe('locked');
    expect(permission('rounds.result', null)).toBe('allowed');
    expect(permission('station.signIn', null)).toBe('allowed');
  });

  it('does not compile a read or a write without roles, nor a read asking for the chief', () => {
    const section = {
      // @ts-expect-error a write must say who may make it
      'x.write': { write: true, input: z.object({}), output: z.object({}) },
      // @ts-expect-error a read must say who may make it, too
      'x.read': { write: false, input: z.object({}), output: z.object({}) },
      // @ts-expect-error the chief's PIN is for writes
      'x.chiefRead': { write: false, roles: CHIEF, input: z.object({}), output: z.object({}) },
      'x.open': { write: false, roles: ANYONE, input: z.object({}), output: z.object({}) },
    } satisfies Section;
    expect(Object.keys(section)).toHaveLength(4);
  });
});
