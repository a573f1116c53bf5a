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
import type { Channel, Contract, Output } from '../core/contract.js';
import type { ChangeEvent } from '../core/domain.js';
import type { AppWarning, Result } from '../core/result.js';
import type { AuditInput } from './audit/log.js';
import type { BackendOptions } from './backend-types.js';
import type { Backups } from './backups/scheduler.js';
import type { SqliteDb } from './open.js';
import type { Stations } from './operators/stations.js';
import type { KeyStore } from './results/installation-key.js';
import type { Session } from './session.js';

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
}

export interface QueryCall extends StoreCall {
  /** The installation key (signs result files), loaded on first use. */
  keys: KeyStore;
  /** Signed-in stations (db/stations.ts). */
  stations: Stations;
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
export type WriteOutcome<T> = Result<T> | Unchanged<T>;

export interface QueryHandler<C extends Channel> {
  kind: 'query';
  run(input: In<C>, call: QueryCall): Result<Output<C>> | Promise<Result<Output<C>>>;
}

export interface UpdateHandler<C extends Channel, P = undefined> {
  kind: 'update';
  /**
   * Read-only checks the dispatcher runs before the role gate asks for the chief scrutineer's PIN
   * (e.g. a round that cannot close yet): a refusal here is said before anyone types a PIN.
   * `run` must refuse the same cases itself (a congress without operators has no gate).
   */
  precheck?(input: In<C>, call: QueryCall): Result<unknown>;
  /** Asynchronous work before the transaction (parsing a file); its failure writes nothing. */
  prepare?(input: In<C>, call: QueryCall): Promise<Result<P>>;
  /** Runs inside the transaction: synchronous. */
  run(input: In<C>, call: UpdateCall, prepared: P): WriteOutcome<Output<C>>;
  /** What the audit row records; the input itself when absent. */
  auditPayload?(input: In<C>, output: Output<C>, prepared: P): unknown;
  /** Topics to announce after the commit; `audit` is always added. */
  changes(input: In<C>, output: Output<C>): ChangeEvent[];
}

export interface SessionHandler<C extends Channel> {
  kind: 'session';
  run(input: In<C>, call: SessionCall): Result<Output<C>> | Promise<Result<Output<C>>>;
  changes?(input: In<C>, output: Output<C>): ChangeEvent[];
}

/** A read channel cannot be given an `update` handler, nor a write channel a `query` one. */
export type Handler<C extends Channel> = Contract[C]['write'] extends true
  ? UpdateHandler<C, unknown> | SessionHandler<C>
  : QueryHandler<C> | SessionHandler<C>;

export type HandlerTable = { [C in Channel]: Handler<C> };
