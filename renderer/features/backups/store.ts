import type { Output } from '../../../core/contract.js';
import type { BackupStatus } from '../../../core/model/index.js';
import type { Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { queryClient, queryKey, refreshEverything } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { noCongressOpen } from '../../lib/errors.js';
import { useStation } from '../operators/station-store.js';

export type { BackupStatus };

export type RestoreOutcome = Output<'backups.restore'>;

/** The folder, the last copy and failure, the copies there, as the settings show them (`useCall`), read again now. */
export const backupsAgain = () => queryClient.invalidateQueries({ queryKey: queryKey('backups.status', {}) });

/** Sets the folder of the automatic backups (自动备份), or none. A folder set means a copy right away. */
export async function setBackupDir(dir: string | null): Promise<Result<unknown>> {
  const r = await useCongress.getState().updateSettings({ backupDir: dir });
  await backupsAgain();
  return r;
}

/** Takes the open congress back to a copy: everything shown is read again, sign-in included. */
export async function restoreBackup(backupPath: string): Promise<Result<RestoreOutcome>> {
  const path = useCongress.getState().file?.path;
  if (!path) return noCongressOpen();
  const r = await invoke('backups.restore', { backupPath, path });
  if (r.ok) {
    refreshEverything();
    await useStation.getState().refresh();
  }
  return r;
}
