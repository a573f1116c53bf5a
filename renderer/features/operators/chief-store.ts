import { create } from 'zustand';
import type { AppError, Result } from '../../../core/result.js';
import type { ChiefConfirm } from '../../api/index.js';
import { fetchCall } from '../../api/queries.js';
import { useLanguage } from '../../app/language.js';
import { cancelledError } from '../../lib/errors.js';

/**
 * The chief scrutineer's PIN at that moment (总监票人确认): closing a round, deciding a set-aside
 * ballot and signing the result file need it, whatever station makes the call. The api layer
 * (`setCallHooks`) hands such a call here; the modal asks for the chief and the PIN and makes
 * the same call again with them, until it goes through or is cancelled.
 */
interface ChiefStore {
  open: boolean;
  busy: boolean;
  /** Why the last try was refused (a wrong PIN, not the chief, wait a minute). */
  error: AppError | null;
  submit(operatorId: number, pin: string): Promise<void>;
  cancel(): void;
}

interface Pending {
  attempt(confirm: ChiefConfirm): Promise<Result<unknown>>;
  resolve(result: Result<unknown>): void;
}

let pending: Pending | null = null;

/** Answers the modal keeps open for: the PIN or the person was wrong, try again. */
const retryable = (error: AppError) =>
  error.code === 'unauthorized' || error.code === 'chief_required' || error.code === 'not_found';

export const useChief = create<ChiefStore>()((set) => ({
  open: false,
  busy: false,
  error: null,
  async submit(operatorId, pin) {
    const current = pending;
    if (!current) return;
    set({ busy: true, error: null });
    const r = await current.attempt({ operatorId, pin });
    if (pending !== current) return;
    if (!r.ok && retryable(r.error)) {
      set({ busy: false, error: r.error });
      return;
    }
    pending = null;
    set({ open: false, busy: false, error: null });
    current.resolve(r);
  },
  cancel() {
    const current = pending;
    pending = null;
    set({ open: false, busy: false, error: null });
    current?.resolve({ ok: false, error: cancelledError(useLanguage.getState().t('chief.cancelled')) });
  },
}));

/** The `chiefRequired` hook of the api layer. */
export function askChief(
  error: AppError,
  attempt: (confirm: ChiefConfirm) => Promise<Result<unknown>>,
): Promise<Result<unknown>> {
  // One confirmation at a time: a second call asking meanwhile answers as it was refused.
  if (pending) return Promise.resolve({ ok: false, error });
  void fetchCall('operators.list', {});
  return new Promise((resolve) => {
    pending = { attempt, resolve };
    useChief.setState({ open: true, busy: false, error: null });
  });
}
