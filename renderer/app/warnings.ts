import { create } from 'zustand';
import type { AppError, AppWarning, Result } from '../../core/result.js';
import { warningsDeclined } from '../lib/errors.js';

/**
 * The warnings tier (what is allowed but unusual: fewer papers issued than present, a short
 * margin, a disregarded write-in): the store refused the write with code `warnings` and wrote
 * nothing. The api layer (`setCallHooks`) hands such a call here; the modal lists the warnings
 * and, on OK, the same call is made again acknowledging them (the audit row then records them
 * and who acknowledged). Cancel answers as if nothing was asked: nothing changed.
 */
interface WarningsStore {
  open: boolean;
  busy: boolean;
  warnings: AppWarning[];
  /** The call made again acknowledging the warnings failed for another reason. */
  error: AppError | null;
  acknowledge(): Promise<void>;
  cancel(): void;
}

interface Pending {
  refusal: AppError;
  attempt(acknowledge: string[]): Promise<Result<unknown>>;
  resolve(result: Result<unknown>): void;
}

let pending: Pending | null = null;

export const useWarnings = create<WarningsStore>()((set, get) => ({
  open: false,
  busy: false,
  warnings: [],
  error: null,
  async acknowledge() {
    const current = pending;
    if (!current || get().busy) return;
    set({ busy: true, error: null });
    const r = await current.attempt(get().warnings.map((w) => w.reason));
    if (pending !== current) return;
    // Between the two calls the data changed and raised other warnings: show those instead.
    if (!r.ok && r.error.code === 'warnings' && r.error.warnings?.length) {
      current.refusal = r.error;
      set({ busy: false, warnings: r.error.warnings });
      return;
    }
    pending = null;
    set({ open: false, busy: false, warnings: [], error: null });
    current.resolve(r);
  },
  cancel() {
    const current = pending;
    pending = null;
    set({ open: false, busy: false, warnings: [], error: null });
    current?.resolve({ ok: false, error: warningsDeclined(current.refusal) });
  },
}));

/** The `warnings` hook of the api layer. */
export function askAcknowledgement(
  error: AppError,
  attempt: (acknowledge: string[]) => Promise<Result<unknown>>,
): Promise<Result<unknown>> {
  // One at a time: a second call asking meanwhile answers as it was refused.
  if (pending) return Promise.resolve({ ok: false, error });
  return new Promise((resolve) => {
    pending = { refusal: error, attempt, resolve };
    useWarnings.setState({ open: true, busy: false, warnings: error.warnings ?? [], error: null });
  });
}
