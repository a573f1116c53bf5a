import fs from 'node:fs';
import { ok } from '../../core/result.js';
import { SCHEMA_VERSION } from '../open.js';
import { readRecentFiles } from '../recent-files.js';
import { readCongress } from '../records.js';
import type { SessionHandler } from './types.js';

let cachedVersion: string | undefined;

/** The version in package.json, read once; a packaged layout without it reports "unknown". */
function appVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version?: string;
      };
      cachedVersion = pkg.version ?? 'unknown';
    } catch {
      cachedVersion = process.env.npm_package_version ?? 'unknown';
    }
  }
  return cachedVersion;
}

export const info: SessionHandler<'app.info'> = {
  kind: 'session',
  run(_input, call) {
    const open = call.session.open;
    return ok({
      appVersion: appVersion(),
      schemaVersion: SCHEMA_VERSION,
      defaultDirectory: call.options.documentsDir,
      recentFiles: readRecentFiles(call.options.dataDir),
      open: open ? { path: open.path, congress: readCongress(open.db) } : null,
    });
  },
};
