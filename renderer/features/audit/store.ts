import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { AuditEntry } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

export type AuditVerdict = Output<'audit.verify'>;

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, paged by id (`beforeId`), and the chain check. */
interface AuditStore {
  entries: AuditEntry[];
  /** `beforeId` of each page shown so far; the last one is the current page. */
  cursors: (number | null)[];
  hasMore: boolean;
  loading: boolean;
  loadError: AppError | null;
  verdict: AuditVerdict | null;
  verifying: boolean;
  verifyError: AppError | null;
  refresh(): Promise<void>;
  nextPage(): Promise<void>;
  previousPage(): Promise<void>;
  firstPage(): Promise<void>;
  verify(): Promise<void>;
  reset(): void;
}

export const useAudit = create<AuditStore>()((set, get) => {
  const fetchPage = coalesce(async () => {
    const beforeId = get().cursors.at(-1) ?? null;
    set({ loading: true });
    // One extra row tells whether an older page exists.
    const r = await invoke('audit.list', { limit: AUDIT_PAGE_SIZE + 1, beforeId });
    if (r.ok) {
      set({
        entries: r.value.slice(0, AUDIT_PAGE_SIZE),
        hasMore: r.value.length > AUDIT_PAGE_SIZE,
        loading: false,
        loadError: null,
      });
    } else {
      set({ loading: false, loadError: r.error });
    }
  });

  return {
    entries: [],
    cursors: [null],
    hasMore: false,
    loading: false,
    loadError: null,
    verdict: null,
    verifying: false,
    verifyError: null,
    refresh: fetchPage,
    async nextPage() {
      const last = get().entries.at(-1);
      if (!last || !get().hasMore) return;
      set({ cursors: [...get().cursors, last.id] });
      await fetchPage();
    },
    async previousPage() {
      if (get().cursors.length <= 1) return;
      set({ cursors: get().cursors.slice(0, -1) });
      await fetchPage();
    },
    async firstPage() {
      set({ cursors: [null] });
      await fetchPage();
    },
    async verify() {
      set({ verifying: true, verifyError: null });
      const r = await invoke('audit.verify', {});
      set(r.ok ? { verdict: r.value, verifying: false } : { verifyError: r.error, verifying: false, verdict: null });
    },
    reset() {
      set({ entries: [], cursors: [null], hasMore: false, verdict: null, verifyError: null, loadError: null });
    },
  };
});
