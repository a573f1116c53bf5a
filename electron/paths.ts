/**
 * Where the app keeps its per-installation data and where it suggests saving congress
 * files. Shared by the Electron main process and the loopback host so that both see the
 * same recent-files list. Pure Node.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Congress Desk';

/**
 * `CONGRESS_DESK_DATA` if set, else the OS convention: %APPDATA%\Congress Desk,
 * ~/Library/Application Support/Congress Desk, $XDG_CONFIG_HOME/Congress Desk
 * (the same folder Electron's `userData` would be for this product name).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.CONGRESS_DESK_DATA) return path.resolve(env.CONGRESS_DESK_DATA);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/** ~/Documents/Congress Desk (on Linux, the XDG documents folder, which may be localised, e.g. ~/文档). */
export function defaultDocumentsDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
  documents?: string,
): string {
  if (env.CONGRESS_DESK_DOCUMENTS) return path.resolve(env.CONGRESS_DESK_DOCUMENTS);
  return path.join(documents ?? userDocumentsDir(env, platform), APP_DIR_NAME);
}

function userDocumentsDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  const home = os.homedir();
  if (platform === 'linux') {
    const config = env.XDG_CONFIG_HOME ?? path.join(home, '.config');
    try {
      const dirs = readFileSync(path.join(config, 'user-dirs.dirs'), 'utf8');
      const match = /^XDG_DOCUMENTS_DIR="([^"]+)"/m.exec(dirs);
      if (match?.[1]) {
        const dir = match[1].replace(/^\$HOME/, home);
        if (path.isAbsolute(dir) && dir !== home) return dir;
      }
    } catch {
      // no user-dirs.dirs: the plain default below
    }
  }
  return path.join(home, 'Documents');
}
