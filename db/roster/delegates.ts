import { normalizeBadge } from '../../core/badge.js';
import type { Delegate, DelegateFields } from '../../core/domain.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import {
  delegateFieldsOf,
  findDelegate,
  findDelegateByBadge,
  insertDelegate,
  listDelegates,
  replaceDelegate,
} from '../congress/records.js';
import type { QueryHandler, UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';

export const delegateNotFound = (delegateId: number) =>
  refuse('not_found', 'delegate.not_found', { id: delegateId }, at('delegateId', delegateId));

/**
 * The lookup of a call on one delegate at what `first` finds (the meeting, the oath): that one's
 * refusal first, then the delegate's, else both.
 */
export const andDelegate =
  <I extends { delegateId: number }, T>(first: (input: I, db: SqliteDb) => Result<T>) =>
  (input: I, db: SqliteDb): Result<[T, Delegate]> =>
    andThen(first(input, db), (found) => {
      const delegate = findDelegate(db, input.delegateId);
      return delegate ? ok([found, delegate]) : delegateNotFound(input.delegateId);
    });

/** 代表证号 must be unique: the scanner finds a delegate by it. */
function badgeTaken(db: SqliteDb, badge: string, exceptId: number | null) {
  const holder = findDelegateByBadge(db, badge);
  if (!holder || holder.id === exceptId) return null;
  return refuse(
    'conflict',
    'delegate.badge_taken',
    { badge: normalizeBadge(badge), holder: holder.name },
    {
      field: 'badge',
      value: normalizeBadge(badge),
    },
  );
}

export const list: QueryHandler<'delegates.list'> = {
  kind: 'query',
  run: (_input, { db }) => ok(listDelegates(db)),
};

export const add: UpdateHandler<'delegates.add'> = {
  kind: 'update',
  run(input, { db }) {
    const taken = badgeTaken(db, input.badge, null);
    if (taken) return taken;
    return ok(insertDelegate(db, input));
  },
  changes: () => [{ topic: 'roster' }, { topic: 'attendance' }],
};

export const update: UpdateHandler<'delegates.update'> = {
  kind: 'update',
  run(input, { db }) {
    const existing = findDelegate(db, input.id);
    if (!existing) return delegateNotFound(input.id);
    const { id, ...changes } = input;
    const fields: DelegateFields = { ...delegateFieldsOf(existing) };
    for (const [key, value] of Object.entries(changes) as [keyof DelegateFields, unknown][]) {
      if (value !== undefined) (fields as Record<string, unknown>)[key] = value;
    }
    const taken = badgeTaken(db, fields.badge, id);
    if (taken) return taken;
    return ok(replaceDelegate(db, id, fields) satisfies Delegate);
  },
  // A change of category or delegation moves the attendance figures.
  changes: () => [{ topic: 'roster' }, { topic: 'attendance' }],
};
