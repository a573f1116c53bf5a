/** The audit log: one hash-chained row per write. */
import { z } from 'zod';
import { id } from './fields.js';
import { ROLES } from './operators.js';

/** What a row is about, for the log's filters (core/audit/kinds.ts gives each action its kind). */
export const AUDIT_KINDS = [
  'attendance',
  'ballots',
  'rounds',
  'contests',
  'roster',
  'operators',
  'files',
  'congress',
  'chain',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const auditEntry = z.object({
  id,
  at: z.string(),
  operator: z.string(),
  station: z.string(),
  action: z.string(),
  payload: z.string(),
  /** What the write changed (db/audit/changes.ts), JSON text; null for a row from before schema 9. */
  changes: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

/**
 * The first place where the tables are not what the log's changes make them (db/audit/replay.ts):
 * a reason code (`audit.tables_differ`, `audit.row_missing`, …) and its values, naming the table,
 * the row's key, the column and both values.
 */
export const tablesDifference = z.object({
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type TablesDifference = z.infer<typeof tablesDifference>;

/**
 * Whether the chain holds, and where it breaks first; whether the tables agree with the log
 * replayed, and their first difference. `ok` is both.
 */
export const auditVerdict = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  firstBrokenId: id.nullable(),
  tablesAgree: z.boolean(),
  difference: tablesDifference.nullable(),
  /**
   * The anchor and the signed checkpoints (db/audit/checkpoint.ts): the row naming this congress
   * and its first key, how many checkpoints verify and which key signed each, and the first row
   * at fault with its reason (`audit.checkpoint_forged`, …). `ok` needs it clean too.
   */
  anchor: z.object({
    anchorId: id.nullable(),
    checkpoints: z.number().int(),
    signers: z.array(z.object({ auditId: id, fingerprint: z.string() })),
    firstBadId: id.nullable(),
    problem: tablesDifference.nullable(),
  }),
});
export type AuditVerdict = z.infer<typeof auditVerdict>;

/**
 * What the audit log's sentences look up by the ids its rows carry (issue 15 item 2): the names
 * as the file holds them now, and for a candidate or an official since removed the name its
 * row recorded when it was added. Keys are ids as text.
 */
const byId = <T extends z.ZodType>(value: T) => z.record(z.string(), value);
export const auditNames = z.object({
  meetings: byId(z.string()),
  contests: byId(z.string()),
  rounds: byId(z.object({ contestId: id, number: z.number().int() })),
  delegates: byId(z.object({ name: z.string(), badge: z.string() })),
  candidates: byId(z.object({ name: z.string(), contestId: id })),
  officials: byId(z.object({ name: z.string(), contestId: id })),
  /** By name: the role the audit row's operator has (the row names the operator by name). */
  operators: z.record(z.string(), z.enum(ROLES)),
  operatorIds: byId(z.string()),
  oaths: byId(id),
  pledges: byId(id),
  exclusions: byId(z.object({ delegateId: id, meetingId: id })),
});
export type AuditNames = z.infer<typeof auditNames>;

/** No names yet (before `audit.names` answers): every id is said as `#id`. */
export const noAuditNames = (): AuditNames => ({
  meetings: {},
  contests: {},
  rounds: {},
  delegates: {},
  candidates: {},
  officials: {},
  operators: {},
  operatorIds: {},
  oaths: {},
  pledges: {},
  exclusions: {},
});
