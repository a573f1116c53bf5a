/** The people at the stations: operators with a role and a PIN (issue 6). */
import { z } from 'zod';
import { id } from './fields.js';

export const ROLES = ['secretariat', 'clerk', 'counter', 'scrutineer', 'chief_scrutineer'] as const;
export type Role = (typeof ROLES)[number];

/** The chief scrutineer's PIN, for this call, whatever the station's role. */
export const CHIEF = 'chief_confirms' as const;

/** A new or changed PIN has at least this many digits (issue 12); a shorter one set before still signs in. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export const operator = z.object({
  id,
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** Signed in with a PIN of fewer than 6 digits (set before the rule): 「PIN 过短,请修改」. */
  pinShort: z.boolean(),
  createdAt: z.string(),
});
export type Operator = z.infer<typeof operator>;
