/**
 * Whether dist/renderer is older than what it is built from: `npm start` and the browser
 * benches run `vite build` first when it is.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['renderer', 'core', 'vite.config.ts', 'package.json', 'package-lock.json'];

/** Newest modification time of any file under `target` (skipping node_modules). */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

export function rendererIsStale() {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  const sources = SOURCES.map((p) => newest(path.join(root, p)));
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources);
}
