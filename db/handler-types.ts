/**
 * The shape of a handler. Three kinds, so that the dispatcher — not each handler —
 * owns transactions, audit rows and the "no congress open" check:
 *
 * - `query`:   reads the open congress.
 * - `update`:  writes the open congress; the dispatcher runs `run` in one transaction
 *              with its audit row and rolls both back when `run` returns a failure.
 * - `session`: works on the session itself (open, close, create, back up, app info);
 *              a session handler that writes (create, backup) appends its own audit row
 *              in the transaction that makes the change.
 */
import type { z } from 'zod';
import type { BackupReason, Channel, Contract, Output } from '../core/contract.js';
import type { AuditEntry, ChangeEvent } from '../core/domain.js';
import type { AppError, AppWarning, Result } from '../core/result.js';
import type { AuditInput } from './audit/log.js';
import type { BackendOptions } from './backend-types.js';
import type { Backups } from './backups/scheduler.js';
import type { CongressCaches } from './caches.js';
import type { LanRuntime } from './lan/types.js';
import type { SqliteDb } from './open.js';
import type { Stations } from './operators/stations.js';
import type { KeyStore } from './results/installation-key.js';
import type { Session } from './session.js';
import type { StagedFiles } from './staged-files.js';

/** A call's input after the contract parsed it (trimmed strings, defaults applied). */
export type In<C extends Channel> = z.output<Contract[C]['input']>;

/** Who makes the call and when; `now` is taken once per call. */
export interface CallInfo {
  operator: string;
  station: string;
  now: string;
  /** The station's sign-in token from the call's context, if any. */
  token: string | undefined;
}

/** A call on the open congress file. */
export interface StoreCall extends CallInfo {
  db: SqliteDb;
  path: string;
  /** What the backend keeps in memory for this file (db/caches.ts). */
  caches: CongressCaches;
}

export interface QueryCall extends StoreCall {
  /** The installation key (signs result files), loaded on first use. */
  keys: KeyStore;
  /** Signed-in stations (db/stations.ts). */
  stations: Stations;
  /** The venue network (issue 14, db/lan/types.ts). */
  lan: LanRuntime;
}

/** A write's call: it may raise warnings (allowed but unusual), which the operator must acknowledge. */
export interface UpdateCall extends QueryCall {
  /**
   * Records a warning (`warning(reason, params)` of core/result.ts). Unless the call's context
   * acknowledges its reason, the dispatcher rolls the write back and answers `warnings`.
   */
  warn(warning: AppWarning): void;
}

export interface SessionCall extends CallInfo {
  session: Session;
  options: BackendOptions;
  keys: KeyStore;
  stations: Stations;
  backups: Backups;
  /** The venue network (issue 14, db/lan/types.ts). */
  lan: LanRuntime;
  /** The audit row for `action` made by this call. */
  auditEntry(action: string, payload: unknown): AuditInput;
  /** Builds the demo congress at `path` (supplied by the backend, see db/demo.ts). */
  createDemo(path: string): Promise<Result<void>>;
}

/** A write that turned out to change nothing (e.g. checking in someone already present): no audit row, no event. */
export interface Unchanged<T> {
  ok: true;
  value: T;
  unchanged: true;
}
export const unchanged = <T>(value: T): Unchanged<T> => ({ ok: true, value, unchanged: true });

/**
 * A write done, with what its run knew inside the transaction that its contract output does not
 * carry (the ballot before a correction, the contest of a removed candidate): the handler's
 * `audit` and `changes` receive `note`, typed by the handler's third parameter.
 */
export interface Done<T, N> {
  ok: true;
  value: T;
  note: N;
}
export const done = <T, N>(value: T, note: N): Done<T, N> => ({ ok: true, value, note });

type Refusal = { ok: false; error: AppError };
/** What a write's `run` answers: a handler with a note type must answer `done(output, note)`. */
export type WriteOutcome<T, N = undefined> =
  | Refusal
  | Unchanged<T>
  | Done<T, N>
  | ([N] extends [undefined] ? { ok: true; value: T } : never);

/** What `audit` and `changes` learn besides the input and the output. */
export interface Written<N, P> {
  /** What `run` noted (`done(output, note)`). */
  note: N;
  /** What `prepare` made before the transaction. */
  prepared: P;
}

export interface QueryHandler<C extends Channel> {
  kind: 'query';
  run(input: In<C>, call: QueryCall): Result<Output<C>> | Promise<Result<Output<C>>>;
}

/** A read of the open congress: `query<'contests.list'>((input, call) => …)`. */
export const query = <C extends Channel>(run: QueryHandler<C>['run']): QueryHandler<C> => ({ kind: 'query', run });

/**
 * Everything a write needs besides its body is declared here, beside it: who it is made by, the
 * checks said before the chief's PIN, the audit row, the change topics and whether a backup
 * follows. Who may call it (a role, the chief's confirmation, or anyone: the sign-in) is the
 * contract's (core/roles.ts `permission`), for every handler kind. The dispatcher reads these fields and nothing
 * else: it has no case of its own for any channel.
 */
export interface UpdateHandler<C extends Channel, P = undefined, N = undefined> {
  kind: 'update';
  /**
   * Who the audit row names, when the call knows better than the name typed at the station (a
   * sign-in is made by the operator signing in); undefined: the station's operator.
   */
  madeBy?(input: In<C>, call: QueryCall): string | undefined;
  /**
   * Read-only checks the dispatcher runs before the role gate asks for the chief scrutineer's PIN
   * (e.g. a round that cannot close yet): a refusal here is said before anyone types a PIN.
   * `run` must refuse the same cases itself (a congress without operators has no gate).
   */
  precheck?(input: In<C>, call: QueryCall): Result<unknown>;
  /** Asynchronous work before the transaction (parsing a file); its failure writes nothing. */
  prepare?(input: In<C>, call: QueryCall): Promise<Result<P>>;
  /** Runs inside the transaction: synchronous. */
  run(input: In<C>, call: UpdateCall, prepared: P): WriteOutcome<Output<C>, N>;
  /** What the audit row records; the input itself when absent. */
  audit?(input: In<C>, output: Output<C>, written: Written<N, P>): unknown;
  /** Topics to announce after the commit; `audit` is always added. */
  changes(input: In<C>, output: Output<C>, written: Written<N, P>): ChangeEvent[];
  /**
   * Files the write puts in place as one unit with its audit row (db/staged-files.ts): `run`
   * stages them beside their targets and hands them over in its note; they are renamed into place
   * after the commit, and removed when the transaction rolls back.
   */
  staged?(note: N): StagedFiles;
  /** A copy of the file right after this write commits, and why (core/contract.ts BACKUP_REASONS); null: none. */
  backupAfter?(input: In<C>, output: Output<C>): BackupReason | null;
  /**
   * Rows that follow the write's own audit row inside its transaction (a round close's signed
   * checkpoint, db/audit/checkpoint.ts): `entry` is that row.
   */
  follow?(entry: AuditEntry, call: QueryCall, prepared: P): void;
  /**
   * Issue 14: the answer holds a secret (a sign-in's token), so it is never kept by the station's
   * call key in the file (lan_calls); a repeat of the key runs again.
   */
  secretAnswer?: true;
}

/** A write's declarations with a `run` that receives what `within`'s lookup found. */
export interface WithinHandler<C extends Channel, T, P = undefined, N = undefined>
  extends Omit<UpdateHandler<C, P, N>, 'kind' | 'run'> {
  run(found: T, input: In<C>, call: UpdateCall, prepared: P): WriteOutcome<Output<C>, N>;
}

/**
 * A write on something looked up first (a meeting, a contest, a round being counted): the
 * lookup's refusal ends the call, else `run` gets what it found. One failure path instead of
 * the same three opening lines in every handler.
 */
export function within<C extends Channel, T, P = undefined, N = undefined>(
  find: (input: In<C>, db: SqliteDb) => Result<T>,
  { run, ...declared }: WithinHandler<C, T, P, N>,
): UpdateHandler<C, P, N> {
  return {
    kind: 'update',
    ...declared,
    run(input, call, prepared) {
      const found = find(input, call.db);
      return found.ok ? run(found.value, input, call, prepared) : found;
    },
  };
}

export interface SessionHandler<C extends Channel> {
  kind: 'session';
  run(input: In<C>, call: SessionCall): Result<Output<C>> | Promise<Result<Output<C>>>;
  changes?(input: In<C>, output: Output<C>): ChangeEvent[];
  /**
   * Issue 14: a paired station's call may reach it on the host. By default none may: a session
   * handler works on the host laptop itself (opens, closes, creates, backs up, restores, exports or
   * reads a file on its disk). What only tells the app's facts or locks the caller's own sign-in
   * says true.
   */
  stations?: true;
}

/** A read channel cannot be given an `update` handler, nor a write channel a `query` one. */
export type Handler<C extends Channel> = Contract[C]['write'] extends true
  ? // biome-ignore lint/suspicious/noExplicitAny: each handler names its own prepared value and note types.
    UpdateHandler<C, any, any> | SessionHandler<C>
  : QueryHandler<C> | SessionHandler<C>;

export type HandlerTable = { [C in Channel]: Handler<C> };

/** Any handler, as the dispatcher sees it: the channel is known only at run time. */
export type AnyHandler = QueryHandler<Channel> | UpdateHandler<Channel, unknown, unknown> | SessionHandler<Channel>;
