import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';

export type Registry = Output<'district.keys.list'>;
export type RegistryEntry = Registry['entries'][number];
export type Enrolled = Output<'keys.enrol'>;

/**
 * The district's key registry as this installation keeps it (district-keys.json in its data
 * folder): loaded when the verify screen opens, changed by typing an entry from a township's
 * paper form or importing its enrolment file. A check after a change uses the new registry.
 */
interface RegistryStore {
  registry: Registry | null;
  error: AppError | null;
  /** The entry the last import added (its fingerprint is to be compared with the paper). */
  imported: RegistryEntry | null;
  enrolled: Enrolled | null;
  enrolError: AppError | null;
  load(): Promise<void>;
  add(township: string, fingerprint: string): Promise<Result<Registry>>;
  remove(township: string): Promise<void>;
  importFile(path: string): Promise<void>;
  enrol(township: string, out: string): Promise<void>;
}

export const useRegistry = create<RegistryStore>()((set) => {
  const answer = (r: Result<Registry>) => {
    set(r.ok ? { registry: r.value, error: null } : { error: r.error });
    return r;
  };
  return {
    registry: null,
    error: null,
    imported: null,
    enrolled: null,
    enrolError: null,
    async load() {
      answer(await invoke('district.keys.list', {}));
    },
    async add(township, fingerprint) {
      set({ imported: null });
      return answer(await invoke('district.keys.add', { township, fingerprint }));
    },
    async remove(township) {
      set({ imported: null });
      answer(await invoke('district.keys.remove', { township }));
    },
    async importFile(path) {
      const r = await invoke('district.keys.import', { path });
      if (r.ok)
        set({ registry: { path: r.value.path, entries: r.value.entries }, imported: r.value.entry, error: null });
      else set({ error: r.error, imported: null });
    },
    async enrol(township, out) {
      const r = await invoke('keys.enrol', { township, out });
      set(r.ok ? { enrolled: r.value, enrolError: null } : { enrolled: null, enrolError: r.error });
    },
  };
});
