/** The people at the stations: operators with a role and a PIN (issue 6). */
import { z } from 'zod';
import { id } from './fields.js';

export const ROLES = ['secretariat', 'clerk', 'counter', 'scrutineer', 'chief_scrutineer'] as const;
export type Role = (typeof ROLES)[number];

/** The chief scrutineer's PIN, for this call, whatever the station's role. */
export const CHIEF = 'chief_confirms' as const;

export const operator = z.object({
  id,
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Operator = z.infer<typeof operator>;
