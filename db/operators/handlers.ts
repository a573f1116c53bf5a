/**
 * Operators of a congress and the stations they sign in at. The PIN never leaves this module
 * but as a scrypt hash (db/pin.ts), and never reaches the audit log.
 */
import type { Operator } from '../../core/model/index.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import type { Role } from '../../core/roles.js';
import { readCongress } from '../congress/records.js';
import type { QueryHandler, SessionHandler, UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { hashPin, verifyPin } from './pin.js';
import type { Stations } from './stations.js';

interface OperatorRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  disabled: number;
  created_at: string;
}

const toOperator = (r: OperatorRow): Operator => ({
  id: r.id,
  name: r.name,
  role: r.role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

export function findOperator(db: SqliteDb, id: number): OperatorRow | undefined {
  return db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
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
    db
      .prepare("SELECT count(*) AS n FROM operators WHERE role = 'secretariat' AND disabled = 0 AND id IS NOT ?")
      .get(except) as { n: number }
  ).n;

export const list: QueryHandler<'operators.list'> = {
  kind: 'query',
  run: (_input, { db }) =>
    ok((db.prepare('SELECT * FROM operators ORDER BY id').all() as OperatorRow[]).map(toOperator)),
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
    const same = db.prepare('SELECT 1 FROM operators WHERE name = ?').get(input.name);
    if (same)
      return refuse('conflict', 'operator.name_taken', { name: input.name }, { field: 'name', value: input.name });
    const info = db
      .prepare('INSERT INTO operators (name, role, pin_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.role, hashPin(input.pin), now);
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
    db.prepare('UPDATE operators SET role = ?, disabled = ?, pin_hash = ? WHERE id = ?').run(
      role,
      disabled ? 1 : 0,
      input.pin ? hashPin(input.pin) : row.pin_hash,
      row.id,
    );
    // A new role, PIN or a disabling takes effect at once: the operator signs in again.
    stations.closeOperator(row.id);
    return ok(toOperator(findOperator(db, row.id)!));
  },
  audit: ({ pin, ...input }) => ({ ...input, pinChanged: pin !== undefined }),
  changes: () => [{ topic: 'operators' }],
};

/** Checks an operator's PIN, counting wrong tries; the row when it is right. */
export function checkPin(
  db: SqliteDb,
  stations: Stations,
  operatorId: number,
  pin: string,
  now: number,
): Result<OperatorRow> {
  const row = findOperator(db, operatorId);
  if (!row) return operatorNotFound(operatorId);
  if (row.disabled === 1)
    return refuse('unauthorized', 'operator.disabled', { name: row.name }, { field: 'operatorId' });
  const wait = stations.lockedFor(row.id, now);
  if (wait > 0) {
    return refuse(
      'unauthorized',
      'operator.pin_wait',
      { name: row.name, seconds: Math.ceil(wait / 1000) },
      { field: 'pin' },
    );
  }
  if (!verifyPin(pin, row.pin_hash)) {
    stations.recordFailure(row.id, now);
    return refuse('unauthorized', 'operator.pin_wrong', { name: row.name }, { field: 'pin' });
  }
  stations.recordSuccess(row.id);
  return ok(row);
}

export const signIn: UpdateHandler<'station.signIn'> = {
  kind: 'update',
  // Signing in is how a station gets past the gate; its PIN is checked by `run`.
  withoutSignIn: true,
  // A sign-in is made by the operator signing in, whatever name the station typed.
  madeBy: (input, { db }) => findOperator(db, input.operatorId)?.name,
  run(input, { db, stations, path, now }) {
    const t = Date.parse(now);
    const checked = checkPin(db, stations, input.operatorId, input.pin, t);
    if (!checked.ok) return checked;
    const row = checked.value;
    const session = stations.open({ operatorId: row.id, name: row.name, role: row.role, path }, t);
    return ok({ token: session.token, operator: toOperator(row), idleMinutes: readCongress(db).settings.idleMinutes });
  },
  // Who signed in where is history; the PIN and the token are not.
  audit: (input, output) => ({ operatorId: input.operatorId, role: output.operator.role }),
  changes: () => [{ topic: 'operators' }],
};

export const lock: SessionHandler<'station.lock'> = {
  kind: 'session',
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
