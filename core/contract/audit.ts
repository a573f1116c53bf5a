/** The audit log: read a page of it, or check its hash chain. */
import { z } from 'zod';
import { auditEntry, auditVerdict } from '../model/audit.js';
import { empty, id } from '../model/fields.js';
import { RECORD_KEEPERS, type Section } from './spec.js';

export const auditCalls = {
  'audit.list': {
    write: false,
    roles: RECORD_KEEPERS,
    input: z.object({ limit: z.number().int().min(1).max(1000), beforeId: id.nullable() }).strict(),
    output: z.array(auditEntry),
  },
  'audit.verify': { write: false, roles: RECORD_KEEPERS, input: empty, output: auditVerdict },
} as const satisfies Section;
