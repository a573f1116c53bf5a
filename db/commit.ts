/**
 * One write = one transaction = one audit row. A failure returned by the change rolls
 * the transaction back (nothing changes, no audit row); so does an exception.
 */
import type { AppError } from '../core/result.js';
import { appendAudit } from './audit.js';
import type { StoreCall, WriteOutcome } from './handlers/types.js';

/** Carries a handler's failure out of `db.transaction`, which only rolls back on a throw. */
export class Rollback extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export function commitWrite<T, C extends StoreCall>(
  call: C,
  action: string,
  change: (call: C) => WriteOutcome<T>,
  auditPayload: (output: T) => unknown,
): WriteOutcome<T> {
  try {
    return call.db.transaction((): WriteOutcome<T> => {
      const result = change(call);
      if (!result.ok) throw new Rollback(result.error);
      // Nothing changed (already present): nothing to record.
      if ('unchanged' in result) return result;
      appendAudit(call.db, {
        at: call.now,
        operator: call.operator,
        station: call.station,
        action,
        payload: auditPayload(result.value),
      });
      return result;
    })();
  } catch (err) {
    if (err instanceof Rollback) return { ok: false, error: err.error };
    throw err;
  }
}
