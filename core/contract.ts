/**
 * The one contract: every call the UI can make, declared once with its input and output
 * schema, and for a write the roles that may make it. `db/` implements this table; Electron IPC
 * and the loopback host are thin adapters over it. The renderer imports the types from here,
 * never backend code. The calls stand in domain sections (core/contract/*.ts), built from the
 * entities of core/model/.
 */
import { z } from 'zod';
import { attendanceCalls } from './contract/attendance.js';
import { auditCalls } from './contract/audit.js';
import { backupCalls } from './contract/backups.js';
import { congressCalls, meetingCalls } from './contract/congress.js';
import { contestCalls } from './contract/contests.js';
import { disciplineCalls } from './contract/discipline.js';
import { lanCalls } from './contract/lan.js';
import { operatorCalls } from './contract/operators.js';
import { districtCalls, resultCalls } from './contract/results.js';
import { rosterCalls } from './contract/roster.js';
import { roundCalls } from './contract/rounds.js';
import { scanCalls } from './contract/scan.js';
import { lineText } from './model/fields.js';

export { type ShellChannel, type ShellContract, shellContract } from './contract/shell.js';
export type { ReadSpec, Section, WriteSpec } from './contract/spec.js';
export { BACKUP_REASONS, type BackupReason } from './model/backups.js';
export { OFFICIAL_ROLES } from './model/contests.js';
export { VERIFY_FAILURE_KINDS } from './model/results.js';
export { delegateFields } from './model/roster.js';

/**
 * `write: true` calls run in one transaction and append one audit row; the dispatcher
 * requires an operator name for them and admits the roles they name.
 */
export const contract = {
  ...congressCalls,
  ...meetingCalls,
  ...rosterCalls,
  ...attendanceCalls,
  ...auditCalls,
  ...contestCalls,
  ...roundCalls,
  ...disciplineCalls,
  ...resultCalls,
  ...districtCalls,
  ...operatorCalls,
  ...backupCalls,
  ...scanCalls,
  ...lanCalls,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/** Who is at the keyboard: sent with every call by the transport. */
export const callContext = z.object({
  // Printed on the forms and kept in the audit log: the same visible-text rule as every name.
  operator: lineText(64),
  station: lineText(64),
  /** The station's sign-in (`station.signIn`), once the congress has operators. */
  session: z.string().max(128).optional(),
  /**
   * The chief scrutineer's PIN typed for this one call (closing a round, deciding a ballot,
   * signing), with the nonce the call's `chief_required` refusal gave (`params.nonce`): it is good
   * for that channel, that input and that sign-in only, once, for five minutes, so a captured
   * confirmation confirms nothing else (db/gate.ts).
   */
  confirm: z
    .object({ operatorId: z.number().int().positive(), pin: z.string().max(32), nonce: z.string().max(64) })
    .strict()
    .optional(),
  /**
   * The reasons of the warnings (core/reasons.ts) the operator saw and acknowledged for this call:
   * a write that raises a warning not listed here is answered `warnings` and writes nothing.
   */
  acknowledge: z.array(z.string().max(80)).max(32).optional(),
  /**
   * Issue 14: a station's idempotency key for this write (a UUID, made once when the call entered
   * its outbox). The host commits a key once: the same key again answers what the first answered.
   */
  callKey: z.string().uuid().optional(),
  /**
   * The host's receipt for this very write (db/lan/receipts.ts), sent again with a replay to a
   * promoted standby: a write the old host admitted and acknowledged is admitted by the receipt.
   */
  receipt: z.string().max(512).optional(),
});
export type CallContext = z.infer<typeof callContext>;
