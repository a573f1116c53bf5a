import { create } from 'zustand';
import type { Input, Output } from '../../../core/contract.js';
import type { Delegate, DelegateFields } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

export type RosterPreview = Output<'roster.preview'>;
export type RosterFile = Input<'roster.preview'>;
export type ImportOutcome = Output<'roster.import'>;

/** The delegate roster, shared by the desk (search), the roster page and the report. */
interface RosterStore {
  delegates: Delegate[];
  byId: Map<number, Delegate>;
  loaded: boolean;
  loadError: AppError | null;
  refresh(): Promise<void>;
  reset(): void;
  add(fields: DelegateFields): Promise<Result<Delegate>>;
  update(id: number, fields: Partial<DelegateFields>): Promise<Result<Delegate>>;

  /** Import: the file as read, its preview, and the outcome. */
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
}

const compareBadges = (a: Delegate, b: Delegate): number =>
  a.badge.localeCompare(b.badge, 'zh-CN', { numeric: true }) || a.id - b.id;

export const useRoster = create<RosterStore>()((set, get) => {
  const fetchRoster = coalesce(async () => {
    const r = await invoke('delegates.list', {});
    if (r.ok) {
      const delegates = [...r.value].sort(compareBadges);
      set({ delegates, byId: new Map(delegates.map((d) => [d.id, d])), loaded: true, loadError: null });
    } else {
      set({ loadError: r.error });
    }
  });

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
    delegates: [],
    byId: new Map(),
    loaded: false,
    loadError: null,
    ...importCleared,
    refresh: fetchRoster,
    reset() {
      set({ delegates: [], byId: new Map(), loaded: false, loadError: null, ...importCleared });
    },
    async add(fields) {
      const r = await invoke('delegates.add', fields);
      if (r.ok) await fetchRoster();
      return r;
    },
    async update(id, fields) {
      const r = await invoke('delegates.update', { ...fields, id });
      if (r.ok) await fetchRoster();
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
        await fetchRoster();
      } else {
        set({ importing: false, importError: r.error });
      }
      return r;
    },
    clearImport() {
      set(importCleared);
    },
  };
});
