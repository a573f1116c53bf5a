import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { useLanguage } from '../../app/language.js';
import { refreshEverything } from '../../app/live.js';
import { coalesce } from '../../lib/coalesce.js';
import { useStation } from '../operators/station-store.js';

export type BackupStatus = Output<'backups.status'>;
export type RestoreOutcome = Output<'backups.restore'>;

/** Seconds between two looks at the backup folder while the settings show it (a stick pulled out). */
const POLL_MS = 10_000;

/**
 * Automatic backups of the open congress (自动备份): the folder, the last copy and the last
 * error, the copies there; setting the folder, and restoring a copy.
 */
interface BackupsStore {
  status: BackupStatus | null;
  loadError: AppError | null;
  refresh(): Promise<void>;
  /** Follows the folder while a screen shows it; returns the stop function. */
  watch(): () => void;
  setDir(dir: string | null): Promise<Result<unknown>>;
  restore(backupPath: string): Promise<Result<RestoreOutcome>>;
  reset(): void;
}

export const useBackups = create<BackupsStore>()((set) => {
  const fetchStatus = coalesce(async () => {
    if (!useCongress.getState().file) return;
    const r = await invoke('backups.status', {});
    if (r.ok) set({ status: r.value, loadError: null });
    else set({ loadError: r.error });
  });
  return {
    status: null,
    loadError: null,
    refresh: fetchStatus,
    watch() {
      void fetchStatus();
      const timer = window.setInterval(() => void fetchStatus(), POLL_MS);
      return () => window.clearInterval(timer);
    },
    async setDir(dir) {
      const r = await useCongress.getState().updateSettings({ backupDir: dir });
      // A folder set means a copy right away: the status shows it.
      await fetchStatus();
      return r;
    },
    async restore(backupPath) {
      const path = useCongress.getState().file?.path;
      if (!path)
        return {
          ok: false,
          error: { code: 'no_congress_open', message: useLanguage.getState().t('error.no_congress_open') },
        };
      const r = await invoke('backups.restore', { backupPath, path });
      if (r.ok) {
        // The congress is the copy now: everything shown is read again, sign-in included.
        await useCongress.getState().refresh();
        await useStation.getState().refresh();
        refreshEverything();
        await fetchStatus();
      }
      return r;
    },
    reset() {
      set({ status: null, loadError: null });
    },
  };
});
