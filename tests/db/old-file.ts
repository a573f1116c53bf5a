import fs from 'node:fs';
import path from 'node:path';
import { appendAudit } from '../../db/audit/log.js';
import { createCongressFile, loadMigrations } from '../../db/open.js';
import { congressInput, tempDir } from './helpers.js';

/**
 * A congress file as a build of schema `version` made it (before migration 010 gave a congress
 * its uid): that build's migrations only, its congress row and first audit row.
 */
export function oldCongressFile(version: number, dir = tempDir()): string {
  const migrations = path.join(dir, `migrations-${version}`);
  fs.mkdirSync(migrations);
  for (const m of loadMigrations().filter((m) => m.version <= version))
    fs.writeFileSync(path.join(migrations, m.name), m.sql);
  const file = path.join(dir, `old-v${version}.congress`);
  const input = congressInput(dir, path.basename(file));
  const created = createCongressFile(
    file,
    (db) => {
      db.prepare(
        `INSERT INTO congress (id, name, date, venue, created_at, settings_json) VALUES (1, ?, ?, ?, '2026-03-01T08:00:00.000Z', '{}')`,
      ).run(input.name, input.date, input.venue);
      appendAudit(db, {
        at: '2026-03-01T08:00:00.000Z',
        operator: '李明',
        station: '报到处1',
        action: 'congress.create',
        payload: input,
      });
      return { ok: true, value: undefined };
    },
    { migrationsDir: migrations },
  );
  if (!created.ok) throw new Error(created.error.message);
  created.value.close();
  return file;
}
