/**
 * Operators of a congress and the stations they sign in at. The PIN never leaves this module
 * but as a scrypt hash (db/pin.ts), and never reaches the audit log.
 */
import type { Operator } from '../../core/model/index.js';
import { PIN_MIN_DIGITS } from '../../core/model/operators.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import type { Role } from '../../core/roles.js';
import { readCongress } from '../congress/records.js';
import type { QueryHandler, SessionHandler, UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { clearOperator, clearPair, recordFailure, waitFor } from './attempts.js';
import { hashPin, verifyPin } from './pin.js';

interface OperatorRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  disabled: number;
  pin_short: number;
  created_at: string;
}

const toOperator = (r: OperatorRow): Operator => ({
  id: r.id,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  pinShort: r.pin_short === 1,
  createdAt: r.created_at,
});

export function findOperator(db: SqliteDb, id: number): OperatorRow | undefined {
  return statement(db, 'SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
}

/** A congress with operators asks every write for a signed-in station; one without is open. */
export const hasOperators = (db: SqliteDb): boolean =>
  statement(db, 'SELECT 1 FROM operators LIMIT 1').get() !== undefined;

const ROLE_NAMES: Record<Role, string> = {
  secretariat: '大会秘书处',
  clerk: '报到员',
  counter: '计票人',
  scrutineer: '监票人',
  chief_scrutineer: '总监票人',
};
export const roleName = (role: Role) => ROLE_NAMES[role];

const operatorNotFound = (operatorId: number) =>
  refuse('not_found', 'operator.not_found', { id: operatorId }, at('operatorId', operatorId));

const activeSecretariats = (db: SqliteDb, except: number | null) =>
  (
    statement(
      db,
      "SELECT count(*) AS n FROM operators WHERE role = 'secretariat' AND disabled = 0 AND id IS NOT ?",
    ).get(except) as { n: number }
  ).n;

export const list: QueryHandler<'operators.list'> = {
  kind: 'query',
  run: (_input, { db }) =>
    ok((statement(db, 'SELECT * FROM operators ORDER BY id').all() as OperatorRow[]).map(toOperator)),
};

export const add: UpdateHandler<'operators.add'> = {
  kind: 'update',
  run(input, { db, now }) {
    // The first operator opens the congress to sign-in only: it must be someone who can add the rest.
    if (!hasOperators(db) && input.role !== 'secretariat') {
      return refuse(
        'conflict',
        'operator.first_must_be_secretariat',
        {},
        {
          field: 'role',
          value: input.role,
        },
      );
    }
    const same = statement(db, 'SELECT 1 FROM operators WHERE name = ?').get(input.name);
    if (same)
      return refuse('conflict', 'operator.name_taken', { name: input.name }, { field: 'name', value: input.name });
    const info = statement(db, 'INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)').run(
      input.name,
      input.role,
      hashPin(input.pin),
      now,
    );
    return ok(toOperator(findOperator(db, Number(info.lastInsertRowid))!));
  },
  audit: ({ pin: _pin, ...input }, output) => ({ ...input, operatorId: output.id }),
  changes: () => [{ topic: 'operators' }],
};

export const update: UpdateHandler<'operators.update'> = {
  kind: 'update',
  run(input, { db, stations }) {
    const row = findOperator(db, input.operatorId);
    if (!row) return operatorNotFound(input.operatorId);
    const role = input.role ?? row.role;
    const disabled = input.disabled ?? row.disabled === 1;
    // Nobody may be left able to add or restore operators.
    if (row.role === 'secretariat' && (role !== 'secretariat' || disabled) && activeSecretariats(db, row.id) === 0) {
      return refuse('conflict', 'operator.last_secretariat', { name: row.name }, at('operatorId', row.id));
    }
    statement(db, 'UPDATE operators SET role = ?, disabled = ?, pin_hash = ?, pin_short = ? WHERE id = ?').run(
      role,
      disabled ? 1 : 0,
      input.pin ? hashPin(input.pin) : row.pin_hash,
      input.pin ? 0 : row.pin_short,
      row.id,
    );
    // A new PIN is the secretariat's answer to a guesser: that operator's waits end everywhere.
    if (input.pin) clearOperator(db, row.id);
    // A new role, PIN or a disabling takes effect at once: the operator signs in again.
    stations.closeOperator(row.id);
    return ok(toOperator(findOperator(db, row.id)!));
  },
  audit: ({ pin, ...input }) => ({ ...input, pinChanged: pin !== undefined }),
  changes: () => [{ topic: 'operators' }],
};

/** Where a PIN is typed, and the audit row a wrong one writes. */
export interface PinTry {
  /** The station's name (the call context's `station`). */
  station: string;
  /** Milliseconds, the call's clock. */
  now: number;
  action: 'station.signIn_failed' | 'chief.confirm_failed';
  /** Who the audit row of a wrong PIN names: the station's operator, or the one signing in. */
  operator: string;
  /** What else that row says (the channel the chief was asked for); never the PIN. */
  about?: Record<string, unknown>;
}

/**
 * Checks an operator's PIN against the waits kept in the file (db/operators/attempts.ts); the
 * row when it is right. A wrong one is recorded at once in its own transaction with its audit
 * row, so call this outside any transaction.
 */
export function checkPin(db: SqliteDb, operatorId: number, pin: string, t: PinTry): Result<OperatorRow> {
  const row = findOperator(db, operatorId);
  if (!row) return operatorNotFound(operatorId);
  if (row.disabled === 1)
    return refuse('unauthorized', 'operator.disabled', { name: row.name }, { field: 'operatorId' });
  const wait = waitFor(db, row.id, t.station, t.now);
  // Waiting, the PIN is not even compared: no guess is made, so none is recorded.
  if (wait > 0) return pinWait(row.name, wait);
  if (verifyPin(pin, row.pin_hash)) return ok(row);
  const failed = recordFailure(db, row.id, t.station, t.now, {
    at: new Date(t.now).toISOString(),
    operator: t.operator,
    station: t.station,
    action: t.action,
    payload: { operatorId: row.id, name: row.name, ...t.about },
  });
  if (failed.waitMs > 0) {
    return refuse(
      'unauthorized',
      'operator.pin_wrong_wait',
      { name: row.name, seconds: Math.ceil(failed.waitMs / 1000) },
      { field: 'pin' },
    );
  }
  return refuse('unauthorized', 'operator.pin_wrong', { name: row.name }, { field: 'pin' });
}

const pinWait = (name: string, ms: number) =>
  refuse('unauthorized', 'operator.pin_wait', { name, seconds: Math.ceil(ms / 1000) }, { field: 'pin' });

/** Whether a PIN that signed in is one of the short ones set before PINs had 6 digits. */
const isShort = (pin: string) => pin.length < PIN_MIN_DIGITS;

export const signIn: UpdateHandler<'station.signIn', OperatorRow> = {
  kind: 'update',
  // Issue 14: the token is never kept in the file by a station's call key.
  secretAnswer: true,
  // A sign-in is made by the operator signing in, whatever name the station typed.
  madeBy: (input, { db }) => findOperator(db, input.operatorId)?.name,
  // Before the transaction: a wrong PIN refuses the sign-in, whose transaction would roll back
  // the record of it, so it is written here, in its own.
  prepare: async (input, { db, station, operator, now }) =>
    checkPin(db, input.operatorId, input.pin, {
      station,
      now: Date.parse(now),
      action: 'station.signIn_failed',
      operator,
    }),
  run(input, { db, stations, path, now, station }, row) {
    clearPair(db, row.id, station);
    const short = isShort(input.pin) ? 1 : 0;
    if (row.pin_short !== short) statement(db, 'UPDATE operators SET pin_short = ? WHERE id = ?').run(short, row.id);
    const session = stations.open({ operatorId: row.id, name: row.name, role: row.role, path }, Date.parse(now));
    return ok({
      token: session.token,
      operator: toOperator(findOperator(db, row.id)!),
      idleMinutes: readCongress(db).settings.idleMinutes,
    });
  },
  // Who signed in where is history; the PIN and the token are not.
  audit: (input, output) => ({ operatorId: input.operatorId, role: output.operator.role }),
  changes: () => [{ topic: 'operators' }],
};

export const lock: SessionHandler<'station.lock'> = {
  kind: 'session',
  // Issue 14: a paired station locks its own sign-in on the host.
  stations: true,
  run(_input, { stations, token }) {
    stations.close(token);
    return ok({});
  },
};

export const status: QueryHandler<'station.status'> = {
  kind: 'query',
  run(_input, { db, stations, path, token, now }) {
    const { idleMinutes } = readCongress(db).settings;
    const session = stations.resolve(token, path, idleMinutes, Date.parse(now));
    const row = session ? findOperator(db, session.operatorId) : undefined;
    return ok({ enforced: hasOperators(db), operator: row ? toOperator(row) : null, idleMinutes });
  },
};
