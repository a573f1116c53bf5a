/**
 * Running a handler by its kind (db/handler-types.ts), once the gate has admitted the call and
 * the contract has parsed its input. A write runs in one transaction with its audit row
 * (db/commit.ts); what follows its commit — change topics, a backup — is read from the handler's
 * declarations and handed back, for the dispatcher to announce (db/after-commit.ts).
 */
import type { BackupReason, Channel } from '../core/contract.js';
import type { AuditEntry, ChangeEvent } from '../core/domain.js';
import { ok, type Result } from '../core/result.js';
import { appendAudit } from './audit/log.js';
import type { Acknowledgement } from './commit.js';
import { commitWrite } from './commit.js';
import { cannotWrite } from './file-target.js';
import type { QueryCall, SessionCall, UpdateHandler } from './handler-types.js';
import type { StagedFileError, StagedFiles } from './staged-files.js';

/** Checks an output against the contract inside the run (db/output-check.ts); a drift throws. */
export type OutputCheck = (channel: Channel, value: unknown) => void;

/** What a committed write asks for after its commit. */
export interface Committed {
  events: ChangeEvent[];
  backup: BackupReason | null;
}

export interface UpdateResult {
  result: Result<unknown>;
  /** Null when nothing was committed (a refusal, warnings not acknowledged, or nothing changed). */
  committed: Committed | null;
}

type AnyUpdate = UpdateHandler<Channel, unknown, unknown>;

/** Runs a write's `prepare`, outside the transaction: its failure writes nothing. */
export async function prepareUpdate(handler: AnyUpdate, input: unknown, call: QueryCall): Promise<Result<unknown>> {
  return handler.prepare ? handler.prepare(input as never, call) : ok(undefined);
}

/**
 * Runs a write's `run` in one transaction with its audit row; the handler's `audit` makes the
 * row's payload. Files the write staged (`handler.staged`) are put in place after the commit, or
 * removed when nothing was committed, a refusal and an exception alike.
 */
export function commitUpdate(
  handler: AnyUpdate,
  channel: Channel,
  input: unknown,
  call: QueryCall,
  prepared: unknown,
  acknowledge: Acknowledgement['acknowledge'],
  check: OutputCheck,
  kept?: KeptWrite,
): UpdateResult {
  const unit: StagedUnit = {};
  let updated: UpdateResult;
  try {
    updated = commitInTransaction(handler, channel, input, call, prepared, acknowledge, check, unit, kept);
  } catch (error) {
    unit.staged?.discard();
    throw error;
  }
  if (!unit.staged) return updated;
  if (updated.committed === null) {
    unit.staged.discard();
    return updated;
  }
  const targets = unit.staged.targets;
  try {
    unit.staged.publish();
    return updated;
  } catch (error) {
    // The audit row committed says the files were written; the row after it says they were not.
    const failed = error as StagedFileError;
    call.db.transaction(() =>
      appendAudit(call.db, {
        at: call.now,
        operator: call.operator,
        station: call.station,
        action: `${channel}.withdrawn`,
        payload: { targets, failed: failed.target, detail: failed.message },
      }),
    )();
    return { result: cannotWrite(failed, failed.field, failed.target), committed: updated.committed };
  }
}

/**
 * Issue 14: what a committed write keeps beside its audit row, in its transaction (a station's
 * call key, its answer and the host's receipt: db/lan/host/calls.ts). Called only for a write that
 * appended its row; never for a refusal, warnings not acknowledged, or nothing changed.
 */
export type KeptWrite = (entry: AuditEntry, output: unknown) => void;

/** Where the transaction hands the files its `run` staged to `commitUpdate`. */
interface StagedUnit {
  staged?: StagedFiles;
}

function commitInTransaction(
  handler: AnyUpdate,
  channel: Channel,
  input: unknown,
  call: QueryCall,
  prepared: unknown,
  acknowledge: Acknowledgement['acknowledge'],
  check: OutputCheck,
  unit: StagedUnit,
  kept?: KeptWrite,
): UpdateResult {
  let note: unknown;
  let output: unknown;
  const outcome = commitWrite(
    call,
    channel,
    (c) => {
      const result = handler.run(input as never, c, prepared);
      if (result.ok) {
        if ('note' in result) note = result.note;
        if (handler.staged) unit.staged = handler.staged(note);
        // Inside the transaction, so that a drifting output rolls the write back.
        check(channel, result.value);
        output = result.value;
      }
      return result;
    },
    (output) => (handler.audit ? handler.audit(input as never, output as never, { note, prepared }) : input),
    {
      acknowledge,
      follow:
        handler.follow || kept
          ? (entry) => {
              // The key points at the write's own row; the rows that follow it (a checkpoint) come after.
              kept?.(entry, output);
              handler.follow?.(entry, call, prepared);
            }
          : undefined,
    },
  );
  if (!outcome.ok) return { result: outcome, committed: null };
  if ('unchanged' in outcome) return { result: ok(outcome.value), committed: null };
  const written = { note, prepared };
  return {
    result: ok(outcome.value),
    committed: {
      events: handler.changes(input as never, outcome.value as never, written),
      backup: handler.backupAfter?.(input as never, outcome.value as never) ?? null,
    },
  };
}

export interface SessionRun {
  result: Result<unknown>;
  events: ChangeEvent[];
}

/**
 * Runs a handler on the session itself (open, close, create, back up). `switched` is told when
 * the open congress changed (another file, or none), before the output is checked.
 */
export async function runSession(
  handler: {
    run(input: unknown, call: SessionCall): Result<unknown> | Promise<Result<unknown>>;
    changes?(input: unknown, output: unknown): ChangeEvent[];
  },
  channel: Channel,
  input: unknown,
  call: SessionCall,
  check: OutputCheck,
  switched: () => void,
): Promise<SessionRun> {
  const before = call.session.open?.path ?? null;
  const result = await handler.run(input, call);
  if ((call.session.open?.path ?? null) !== before) switched();
  if (!result.ok) return { result, events: [] };
  check(channel, result.value);
  return { result, events: handler.changes?.(input, result.value) ?? [] };
}
