/** Operators and stations (issue 6): who may sign in where, with which role. */
import { z } from 'zod';
import { empty, id, text } from '../model/fields.js';
import { operator, ROLES } from '../model/operators.js';
import { ANYONE, S, type Section } from './spec.js';

/**
 * A new or changed PIN: 6 to 12 digits (PIN_MIN_DIGITS; a million values at least; db/operators/attempts.ts says
 * how few of them a guesser gets to try). Signing in takes any PIN up to 32 characters, so that
 * a shorter PIN set before this rule still opens its station, which then asks for a new one.
 */
const pin = z.string().regex(/^\d{6,12}$/, 'input.pin_format');

export const operatorCalls = {
  'operators.list': { write: false, roles: ANYONE, input: empty, output: z.array(operator) },
  /** The first operator must be the secretariat: from then on every write needs a signed-in station. */
  'operators.add': {
    write: true,
    roles: [S],
    input: z.object({ name: text(64), role: z.enum(ROLES), pin }).strict(),
    output: operator,
  },
  'operators.update': {
    write: true,
    roles: [S],
    input: z
      .object({ operatorId: id, role: z.enum(ROLES).optional(), pin: pin.optional(), disabled: z.boolean().optional() })
      .strict(),
    output: operator,
  },
  /** Opens this station for an operator (any role); the answer's token goes with every later call. */
  'station.signIn': {
    write: true,
    // The lock screen's own call: made by a station nobody is signed in at.
    roles: ANYONE,
    input: z.object({ operatorId: id, pin: z.string().max(32) }).strict(),
    output: z.object({ token: z.string(), operator, idleMinutes: z.number().int() }),
  },
  /** Locks this station (the token in the call's context stops working). */
  'station.lock': { write: false, roles: ANYONE, input: empty, output: z.object({}) },
  /** Whether the open congress asks for sign-in, and who is signed in at this station. */
  'station.status': {
    write: false,
    roles: ANYONE,
    input: empty,
    output: z.object({ enforced: z.boolean(), operator: operator.nullable(), idleMinutes: z.number().int() }),
  },
} as const satisfies Section;
