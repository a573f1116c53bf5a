/** Automatic backups of the open congress, and restoring one. */
import { z } from 'zod';
import { backupStatus } from '../model/backups.js';
import { empty, filePath } from '../model/fields.js';
import { S, type Section } from './spec.js';

export const backupCalls = {
  /** Automatic backups of the open congress: the folder, the last copy, the copies there. */
  'backups.status': { write: false, roles: [S], input: empty, output: backupStatus },
  /** Replaces `path` by a backup copy, after checking the copy (ours, intact, audit chain whole). */
  'backups.restore': {
    write: true,
    roles: [S],
    writes: { path: 'file' },
    input: z.object({ backupPath: filePath, path: filePath }).strict(),
    output: z.object({
      path: z.string(),
      restoredFrom: z.string(),
      previousKeptAt: z.string().nullable(),
      /** The congress restored: a copy of another one is refused (backups.other_congress). */
      congress: z.object({ name: z.string(), date: z.string(), uid: z.string().nullable() }),
    }),
  },
} as const satisfies Section;
