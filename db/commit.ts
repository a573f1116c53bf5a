/**
 * One write = one transaction = one audit row. A failure returned by the change rolls
 * the transaction back (nothing changes, no audit row); so does an exception.
 *
 * The warnings tier: a change may `warn` of something allowed but unusual (fewer papers issued
 * than present, a short margin, a disregarded write-in). Unless the call acknowledged every such
 * reason, the write is rolled back and answered `warnings` with the list, for the operator to
 * read and acknowledge; acknowledged, it commits and its audit row records what was acknowledged
 * and by whom.
 */
import type { AuditEntry } from '../core/domain.js';
import { type AppError, type AppWarning, refuse } from '../core/result.js';
import { appendAudit } from './audit/log.js';
import type { StoreCall, WriteOutcome } from './handler-types.js';

/** Carries a handler's failure out of `db.transaction`, which only rolls back on a throw. */
export class Rollback extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** The warnings a write may raise and what to do with them. */
export interface Acknowledgement {
  /**
   * The reasons acknowledged for this call (the call context's `acknowledge`); `'all'` for a
   * builder that writes a known congress (the demo), where nobody is there to ask.
   */
  acknowledge?: readonly string[] | 'all';
  /** Rows appended after the write's audit row, in its transaction (a signed checkpoint). */
  follow?: (entry: AuditEntry) => void;
}

/** What the audit row of a write with acknowledged warnings adds to its payload. */
export interface AcknowledgedWarning {
  reason: string;
  params: AppWarning['params'];
  /** The operator who acknowledged it: the one who made the call. */
  by: string;
}

/** The same warning raised twice (two disregarded lines) is shown and recorded once. */
const sameWarning = (a: AppWarning, b: AppWarning) =>
  a.reason === b.reason && JSON.stringify(a.params) === JSON.stringify(b.params);

export function unacknowledged(warnings: readonly AppWarning[], acknowledge: Acknowledgement['acknowledge']) {
  if (acknowledge === 'all') return [];
  const seen = new Set(acknowledge ?? []);
  return warnings.filter((w) => !seen.has(w.reason));
}

/** The failure answered for warnings not acknowledged: nothing was written. */
export function warningsRefusal(warnings: readonly AppWarning[]): { ok: false; error: AppError } {
  return refuse('warnings', 'warnings.unacknowledged', { count: warnings.length }, { warnings: [...warnings] });
}

/** The audit payload with the acknowledged warnings beside what the call recorded. */
function withAcknowledged(payload: unknown, acknowledged: AcknowledgedWarning[]): unknown {
  if (acknowledged.length === 0) return payload;
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    return { ...(payload as Record<string, unknown>), acknowledged };
  }
  return { payload, acknowledged };
}

export function commitWrite<T, C extends StoreCall>(
  call: C,
  action: string,
  change: (call: C & { warn(warning: AppWarning): void }) => WriteOutcome<T>,
  auditPayload: (output: T) => unknown,
  options: Acknowledgement = {},
): WriteOutcome<T> {
  const warnings: AppWarning[] = [];
  const warned = {
    ...call,
    warn(warning: AppWarning) {
      if (!warnings.some((w) => sameWarning(w, warning))) warnings.push(warning);
    },
  };
  try {
    return call.db.transaction((): WriteOutcome<T> => {
      const result = change(warned);
      if (!result.ok) throw new Rollback(result.error);
      const open = unacknowledged(warnings, options.acknowledge);
      if (open.length > 0) throw new Rollback(warningsRefusal(warnings).error);
      // Nothing changed (already present): nothing to record.
      if ('unchanged' in result) return result;
      const acknowledged = warnings.map((w) => ({ reason: w.reason, params: w.params, by: call.operator }));
      const entry = appendAudit(call.db, {
        at: call.now,
        operator: call.operator,
        station: call.station,
        action,
        payload: withAcknowledged(auditPayload(result.value), acknowledged),
      });
      options.follow?.(entry);
      return result;
    })();
  } catch (err) {
    if (err instanceof Rollback) return { ok: false, error: err.error };
    throw err;
  }
}
