import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { useCall } from '../../api/queries.js';
import { forgetWithCongress } from '../../app/forget.js';

export type ResultStatus = Output<'result.status'>;
export type KeyInfo = Output<'keys.info'>;
export type ExportOutcome = Output<'result.export'>;

/**
 * Whether the result can be exported and the hash the paper forms print. Every change to what
 * is signed changes the hash: the fetch layer reads it again while a view shows it.
 */
export const useResultStatus = () => useCall('result.status', {});

/** The installation key's fingerprint (it belongs to the installation, not to a congress). */
export const useKeyInfo = () => useCall('keys.info', {});

/**
 * What leaves the venue (issue 4), as far as this window is concerned: the signed export in
 * progress and the last one made here, shown until the congress closes. The status and the key
 * come from the fetch layer (`useResultStatus`, `useKeyInfo`).
 */
interface ResultsStore {
  /** The last export from this window, shown until the congress closes. */
  lastExport: ExportOutcome | null;
  exporting: boolean;
  exportResult(path: string, csvPath: string | null): Promise<Result<ExportOutcome>>;
}

export const useResults = create<ResultsStore>()((set) => ({
  lastExport: null,
  exporting: false,
  async exportResult(path, csvPath) {
    set({ exporting: true });
    const r = await invoke('result.export', { path, csvPath });
    set({ exporting: false, ...(r.ok ? { lastExport: r.value } : {}) });
    return r;
  },
}));

// The congress closed or another opened: its export is not this one's.
forgetWithCongress(() => useResults.setState({ lastExport: null, exporting: false }));
