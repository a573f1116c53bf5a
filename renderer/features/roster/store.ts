import { create } from 'zustand';
import type { Input, Output } from '../../../core/contract.js';
import type { Delegate, DelegateFields } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { queryClient, queryKey } from '../../api/queries.js';
import { forgetWithCongress } from '../../app/forget.js';

export type RosterPreview = Output<'roster.preview'>;
export type RosterFile = Input<'roster.preview'>;
export type ImportOutcome = Output<'roster.import'>;

/**
 * The roster page's own state: a spreadsheet being imported (the file as read, its preview, the
 * outcome). The roster itself is server data: `useDelegates()` (./delegates.ts).
 */
interface RosterStore {
  add(fields: DelegateFields): Promise<Result<Delegate>>;
  update(id: number, fields: Partial<DelegateFields>): Promise<Result<Delegate>>;

  importFile: RosterFile | null;
  preview: RosterPreview | null;
  previewError: AppError | null;
  previewing: boolean;
  importing: boolean;
  importOutcome: ImportOutcome | null;
  importError: AppError | null;
  previewFile(file: RosterFile): Promise<void>;
  runImport(): Promise<Result<ImportOutcome> | null>;
  clearImport(): void;
  /** The congress closed: no import of it stays half done. */
  reset(): void;
}

/**
 * After a write of the roster: the list read again before the dialog closes, so the delegate
 * just saved is on screen when the clerk looks (the change event would bring it a moment later).
 */
const rosterReadAgain = () => queryClient.invalidateQueries({ queryKey: queryKey('delegates.list', {}) });

export const useRoster = create<RosterStore>()((set, get) => {
  const importCleared = {
    importFile: null,
    preview: null,
    previewError: null,
    previewing: false,
    importing: false,
    importOutcome: null,
    importError: null,
  };

  return {
    ...importCleared,
    async add(fields) {
      const r = await invoke('delegates.add', fields);
      if (r.ok) await rosterReadAgain();
      return r;
    },
    async update(id, fields) {
      const r = await invoke('delegates.update', { ...fields, id });
      if (r.ok) await rosterReadAgain();
      return r;
    },
    async previewFile(file) {
      set({ ...importCleared, importFile: file, previewing: true });
      const r = await invoke('roster.preview', file);
      if (get().importFile !== file) return;
      set(r.ok ? { preview: r.value, previewing: false } : { previewError: r.error, previewing: false });
    },
    async runImport() {
      const { importFile, preview } = get();
      if (!importFile || !preview || preview.errors.length > 0) return null;
      set({ importing: true, importError: null });
      const r = await invoke('roster.import', importFile);
      if (r.ok) {
        set({ ...importCleared, importOutcome: r.value });
        await rosterReadAgain();
      } else {
        set({ importing: false, importError: r.error });
      }
      return r;
    },
    clearImport() {
      set(importCleared);
    },
    reset() {
      set(importCleared);
    },
  };
});
// The congress closed or another opened: no import of it stays half done.
forgetWithCongress(() => useRoster.getState().reset());
