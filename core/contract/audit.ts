/** The audit log: read a page of it (filtered), the names its rows stand for, export it, or check its hash chain. */
import { z } from 'zod';
import { AUDIT_KINDS, auditEntry, auditNames, auditVerdict } from '../model/audit.js';
import { empty, filePath, id, lineText } from '../model/fields.js';
import { RECORD_KEEPERS, type Section } from './spec.js';

/** Which rows (issue 15 item 2: 「filters by kind, operator and contest」); absent: every row. */
const auditFilter = {
  /** The rows of these kinds (core/audit/kinds.ts); absent or empty: all kinds. */
  kinds: z.array(z.enum(AUDIT_KINDS)).max(AUDIT_KINDS.length).optional(),
  /** The rows this operator made, by the name the row carries. */
  operator: lineText(64).nullable().optional(),
  /** The rows about this contest: its rounds, ballots, candidates and officials. */
  contestId: id.nullable().optional(),
};

export const auditCalls = {
  'audit.list': {
    write: false,
    roles: RECORD_KEEPERS,
    input: z.object({ limit: z.number().int().min(1).max(1000), beforeId: id.nullable(), ...auditFilter }).strict(),
    output: z.array(auditEntry),
  },
  'audit.names': { write: false, roles: RECORD_KEEPERS, input: empty, output: auditNames },
  /** The rows the filter matches, as a workbook of sentences in `language`, written as one unit with its own row. */
  'audit.export': {
    write: true,
    roles: RECORD_KEEPERS,
    writes: { path: 'file' },
    input: z.object({ path: filePath, language: z.enum(['zh-CN', 'en']), ...auditFilter }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int(), rows: z.number().int() }),
  },
  'audit.verify': { write: false, roles: RECORD_KEEPERS, input: empty, output: auditVerdict },
} as const satisfies Section;
