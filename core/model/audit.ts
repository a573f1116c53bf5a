/** The audit log: one hash-chained row per write. */
import { z } from 'zod';
import { id } from './fields.js';

export const auditEntry = z.object({
  id,
  at: z.string(),
  operator: z.string(),
  station: z.string(),
  action: z.string(),
  payload: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/** Whether the chain holds, and where it breaks first. */
export const auditVerdict = z.object({ ok: z.boolean(), count: z.number().int(), firstBrokenId: id.nullable() });
export type AuditVerdict = z.infer<typeof auditVerdict>;
