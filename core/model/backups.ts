/** Copies of the congress file: automatic ones on a USB stick, and what a restore replaced. */
import { z } from 'zod';
import { reasonParams } from './fields.js';

/** Why an automatic backup was made (db/backups/scheduler.ts). */
export const BACKUP_REASONS = ['interval', 'round_closed', 'folder_set'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export const backupEntry = z.object({ path: z.string(), bytes: z.number().int(), modifiedAt: z.string() });
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupStatus = z.object({
  dir: z.string().nullable(),
  /** Why the copy was made: on the interval, at a round's close, when the folder was set. */
  last: z.object({ path: z.string(), at: z.string(), reason: z.enum(BACKUP_REASONS) }).nullable(),
  /** The last automatic copy that failed, as a reason (core/reasons.ts `backup.auto_failed`). */
  lastError: z
    .object({
      at: z.string(),
      reason: z.string(),
      params: reasonParams,
      message: z.string(),
    })
    .nullable(),
  copies: z.array(backupEntry),
});
export type BackupStatus = z.infer<typeof backupStatus>;
