import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { ChangeEvent } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

export type ResultStatus = Output<'result.status'>;
export type KeyInfo = Output<'keys.info'>;
export type ExportOutcome = Output<'result.export'>;

/**
 * What leaves the venue (issue 4): whether the result can be exported and the hash the paper
 * forms print (`result.status`), the installation key's fingerprint (`keys.info`), and the
 * signed export. Views that show the status `watch` it; every change to the congress changes
 * the hash, so change events re-fetch it, but only while someone watches.
 */
interface ResultsStore {
  status: ResultStatus | null;
  statusError: AppError | null;
  key: KeyInfo | null;
  keyError: AppError | null;
  /** The last export from this window, shown until the congress closes. */
  lastExport: ExportOutcome | null;
  exporting: boolean;
  /** Shows the status; returns the "stop watching" function. */
  watchStatus(): () => void;
  refreshStatus(): Promise<void>;
  loadKey(): Promise<void>;
  exportResult(path: string, csvPath: string | null): Promise<Result<ExportOutcome>>;
  onChange(event: ChangeEvent): void;
  /** The congress closed: nothing of it stays (the key belongs to the installation and stays). */
  reset(): void;
}

let watchers = 0;

export const useResults = create<ResultsStore>()((set) => {
  const fetchStatus = coalesce(async () => {
    const r = await invoke('result.status', {});
    if (r.ok) set({ status: r.value, statusError: null });
    else set({ statusError: r.error });
  });

  const fetchKey = coalesce(async () => {
    const r = await invoke('keys.info', {});
    if (r.ok) set({ key: r.value, keyError: null });
    else set({ keyError: r.error });
  });

  return {
    status: null,
    statusError: null,
    key: null,
    keyError: null,
    lastExport: null,
    exporting: false,
    watchStatus() {
      watchers++;
      void fetchStatus();
      return () => {
        watchers--;
      };
    },
    refreshStatus: fetchStatus,
    loadKey: fetchKey,
    async exportResult(path, csvPath) {
      set({ exporting: true });
      const r = await invoke('result.export', { path, csvPath });
      set({ exporting: false, ...(r.ok ? { lastExport: r.value } : {}) });
      return r;
    },
    onChange(event) {
      // The audit log is not part of the signed content: its rows change no hash.
      if (event.topic === 'audit' || watchers === 0) return;
      void fetchStatus();
    },
    reset() {
      set({ status: null, statusError: null, lastExport: null, exporting: false });
    },
  };
});
