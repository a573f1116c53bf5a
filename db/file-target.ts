/** Where a new file goes (a backup copy, a result file): its folder must be there already. */
import fs from 'node:fs';
import path from 'node:path';
import { type AppError, refuse } from '../core/result.js';

/** The refusal for a file whose folder is missing (a stick pulled, a path mistyped); null when it is there. */
export function missingFolder(target: string): { ok: false; error: AppError } | null {
  const folder = path.dirname(target);
  return fs.existsSync(folder)
    ? null
    : refuse('file_io', 'file.folder_missing', { folder }, { field: 'path', value: target });
}

/** The refusal for a file that could not be written (the disk full, no permission): the system's reason, the field and path. */
export const cannotWrite = (error: unknown, field: string, target: string): { ok: false; error: AppError } =>
  refuse('file_io', 'file.cannot_write', { detail: (error as Error).message }, { field, value: target });
