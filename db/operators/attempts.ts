/**
 * Wrong PINs, kept in the congress file (migration 008), so a restart or a second window gives a
 * guesser no fresh tries. Two limits, both checked before a PIN is compared:
 *
 * - **Per operator and station**: 3 wrong tries are free; after the 3rd that pair waits 30 s, and
 *   each further wrong try doubles the wait (1, 2, 4, 8 min) up to 15 min. A right PIN there
 *   clears the pair. Per station, so a stranger mistyping the chief's PIN at one station does not
 *   hold the chief up at another.
 * - **Per operator, wherever typed** (the station is only the name the station sends, so a
 *   guesser could type a new one for each try): a leaky bucket of 30 wrong tries that drains at
 *   30 an hour. Once it is full, every station waits until it has drained by one.
 *
 * So one station guesses at most about 100 PINs of one operator a day (3 free, then 4 an hour),
 * and all stations together at most 30 + 24 × 30 = 750 a day: 0.075 % of the million 6-digit
 * PINs, about 0.2 % over a three-day congress. Every wrong try is an audit row, in its own
 * transaction (the refused call's own transaction rolls back): the secretariat sees a guesser.
 * Filling the bucket on purpose can hold one operator up everywhere, but only at 30 audited wrong
 * tries an hour; the secretariat then gives that operator a new PIN (operators.update), which
 * clears their waits.
 */
import type { AuditInput } from '../audit/log.js';
import { appendAudit } from '../audit/log.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';

export const FREE_TRIES = 3;
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;
export const BUDGET = 30;
/** Wrong tries the per-operator bucket forgets per millisecond: 30 an hour. */
export const BUDGET_DRAIN_PER_MS = 30 / 3_600_000;

/** How long a pair waits after its `failures`-th wrong PIN in a row. */
export function pairWait(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
}

interface PairRow {
  failures: number;
  wait_until: number;
}

interface BudgetRow {
  level: number;
  at: number;
}

const pairOf = (db: SqliteDb, operatorId: number, station: string) =>
  statement(db, 'SELECT failures, wait_until FROM pin_attempts WHERE operator_id = ? AND station = ?').get(
    operatorId,
    station,
  ) as PairRow | undefined;

/** The bucket's level at `now`, drained since it was last filled. */
function levelAt(db: SqliteDb, operatorId: number, now: number): number {
  const row = statement(db, 'SELECT level, at FROM pin_budget WHERE operator_id = ?').get(operatorId) as
    | BudgetRow
    | undefined;
  if (!row) return 0;
  return Math.max(0, row.level - Math.max(0, now - row.at) * BUDGET_DRAIN_PER_MS);
}

/** Milliseconds this operator must still wait at this station before a PIN is compared (0: may try). */
export function waitFor(db: SqliteDb, operatorId: number, station: string, now: number): number {
  const pair = pairOf(db, operatorId, station);
  const pairLeft = pair ? Math.max(0, pair.wait_until - now) : 0;
  // Full: wait until one wrong try has drained.
  const level = levelAt(db, operatorId, now);
  const budgetLeft = level > BUDGET - 1 ? Math.ceil((level - (BUDGET - 1)) / BUDGET_DRAIN_PER_MS) : 0;
  return Math.max(pairLeft, budgetLeft);
}

export interface Failure {
  /** Wrong tries in a row at this station. */
  failures: number;
  /** Milliseconds the pair (or the operator everywhere) now waits. */
  waitMs: number;
}

/**
 * Records a wrong PIN in its own transaction, with its audit row (`entry`, whose payload gains
 * the count and the wait; never the PIN). Call it outside any other transaction: a refused call
 * rolls its own back, and this must stay.
 */
export function recordFailure(
  db: SqliteDb,
  operatorId: number,
  station: string,
  now: number,
  entry: AuditInput & { payload: Record<string, unknown> },
): Failure {
  return db.transaction((): Failure => {
    const failures = (pairOf(db, operatorId, station)?.failures ?? 0) + 1;
    statement(
      db,
      `INSERT INTO pin_attempts (operator_id, station, failures, last_at, wait_until) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (operator_id, station) DO UPDATE SET failures = excluded.failures, last_at = excluded.last_at,
         wait_until = excluded.wait_until`,
    ).run(operatorId, station, failures, entry.at, now + pairWait(failures));
    statement(
      db,
      `INSERT INTO pin_budget (operator_id, level, at) VALUES (?, ?, ?)
       ON CONFLICT (operator_id) DO UPDATE SET level = excluded.level, at = excluded.at`,
    ).run(operatorId, levelAt(db, operatorId, now) + 1, now);
    const waitMs = waitFor(db, operatorId, station, now);
    appendAudit(db, {
      ...entry,
      payload: { ...entry.payload, failures, waitSeconds: Math.ceil(waitMs / 1000) },
    });
    return { failures, waitMs };
  })();
}

/** Whether this pair has wrong tries on record (a right PIN then clears them). */
export const hasFailures = (db: SqliteDb, operatorId: number, station: string): boolean =>
  pairOf(db, operatorId, station) !== undefined;

/** A right PIN at this station: its wrong tries are forgotten. Inside a write's transaction. */
export function clearPair(db: SqliteDb, operatorId: number, station: string): void {
  statement(db, 'DELETE FROM pin_attempts WHERE operator_id = ? AND station = ?').run(operatorId, station);
}

/** A new PIN: every wait of that operator ends (the bucket too). Inside a write's transaction. */
export function clearOperator(db: SqliteDb, operatorId: number): void {
  statement(db, 'DELETE FROM pin_attempts WHERE operator_id = ?').run(operatorId);
  statement(db, 'DELETE FROM pin_budget WHERE operator_id = ?').run(operatorId);
}
