import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { AppError, Result } from '../../../core/result.js';
import type { Role } from '../../../core/roles.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';
import { useStation } from './station-store.js';

export type Operator = Output<'operators.list'>[number];

/** The operators of the open congress: for the lock screen, the chief's confirmation and the settings. */
interface OperatorsStore {
  list: Operator[];
  loaded: boolean;
  loadError: AppError | null;
  refresh(): Promise<void>;
  add(input: { name: string; role: Role; pin: string }): Promise<Result<Operator>>;
  update(input: { operatorId: number; role?: Role; pin?: string; disabled?: boolean }): Promise<Result<Operator>>;
  reset(): void;
}

export const useOperators = create<OperatorsStore>()((set, get) => {
  const fetchList = coalesce(async () => {
    const r = await invoke('operators.list', {});
    if (r.ok) set({ list: r.value, loaded: true, loadError: null });
    else set({ loaded: true, loadError: r.error });
  });
  return {
    list: [],
    loaded: false,
    loadError: null,
    refresh: fetchList,
    async add(input) {
      const first = get().list.length === 0;
      const r = await invoke('operators.add', input);
      if (!r.ok) return r;
      await fetchList();
      // The first operator closes the congress to sign-in: whoever added it (the secretariat,
      // with the PIN just typed) stays at work, signed in.
      if (first) await useStation.getState().signIn(r.value.id, input.pin);
      else await useStation.getState().refresh();
      return r;
    },
    async update(input) {
      const r = await invoke('operators.update', input);
      if (r.ok) {
        await fetchList();
        // A new role or PIN signs that operator out, maybe at this station.
        await useStation.getState().refresh();
      }
      return r;
    },
    reset() {
      set({ list: [], loaded: false, loadError: null });
    },
  };
});

/** Operators who may sign in (not disabled). */
export const activeOperators = (s: Pick<OperatorsStore, 'list'>): Operator[] => s.list.filter((o) => !o.disabled);
