import { ok } from '../../core/result.js';
import { appVersion } from '../app-version.js';
import type { SessionHandler } from '../handler-types.js';
import { SCHEMA_VERSION } from '../open.js';
import { readRecentFiles } from './recent-files.js';
import { readCongress } from './records.js';

export const info: SessionHandler<'app.info'> = {
  kind: 'session',
  // Issue 14: a paired station's windows may read it from the host.
  stations: true,
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
