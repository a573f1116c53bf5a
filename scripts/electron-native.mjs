#!/usr/bin/env node
/**
 * better-sqlite3 for Electron, without touching the Node build in node_modules.
 *
 * A native module is compiled for one ABI: node_modules/better-sqlite3 is built for Node
 * (tests, the loopback host, the CLI). Electron needs its own build. Rebuilding
 * node_modules in place (what `electron-rebuild` and electron-builder's `npmRebuild` do)
 * would break `npm test` until the next `npm rebuild`, so instead this script builds a
 * second copy for Electron's ABI into `.electron-native/`:
 *
 *   .electron-native/node_modules/better-sqlite3/build/Release/better_sqlite3.node
 *
 * and the store worker hands that file to better-sqlite3 as `nativeBinding` (the main
 * process sets CONGRESS_DESK_SQLITE_BINDING for it; db/open.ts reads it).
 *
 *   node scripts/electron-native.mjs             build if missing or out of date (npm start)
 *   node scripts/electron-native.mjs --for-dist  always rebuild (npm run dist); electron-builder
 *                                                copies the result into resources/native/
 *                                                (build/electron-builder.yml: extraResources,
 *                                                npmRebuild: false), so installers carry the
 *                                                same binary the developer ran.
 *   node scripts/electron-native.mjs --check     exit 0 when up to date, 1 otherwise
 *
 * It needs Electron's headers (downloaded by @electron/rebuild, or from
 * ELECTRON_HEADERS_DIR / npm_config_nodedir) and a C++ toolchain; it cannot run on a
 * machine that cannot fetch them, which is also a machine without the Electron binary,
 * where `npm start` does not call it.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const outDir = path.join(root, '.electron-native');
const moduleDir = path.join(outDir, 'node_modules', 'better-sqlite3');
export const electronBinding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

function wanted() {
  const electron = readJson(require.resolve('electron/package.json')).version;
  const sqlite = readJson(require.resolve('better-sqlite3/package.json')).version;
  return { electron, betterSqlite3: sqlite, platform: process.platform, arch: process.arch };
}

export function isUpToDate() {
  if (!existsSync(electronBinding) || !existsSync(stampFile)) return false;
  try {
    return JSON.stringify(readJson(stampFile)) === JSON.stringify(wanted());
  } catch {
    return false;
  }
}

export async function buildElectronNative({ force = false } = {}) {
  const target = wanted();
  if (!force && isUpToDate()) {
    console.log(`better-sqlite3 for Electron ${target.electron}: up to date (.electron-native/)`);
    return electronBinding;
  }
  console.log(
    `Building better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} into .electron-native/ …`,
  );
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(path.dirname(moduleDir), { recursive: true });
  // A minimal project holding a copy of the package (sources, no Node build). Its own
  // dependencies (bindings, prebuild-install) resolve from the checkout's node_modules.
  writeFileSync(
    path.join(outDir, 'package.json'),
    `${JSON.stringify({ name: 'congress-desk-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3 } }, null, 2)}\n`,
  );
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  cpSync(source, moduleDir, {
    recursive: true,
    filter: (file) => !path.relative(source, file).startsWith('build'),
  });

  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: outDir,
    projectRootPath: outDir,
    electronVersion: target.electron,
    arch: target.arch,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
  if (!existsSync(electronBinding)) throw new Error(`@electron/rebuild finished but ${electronBinding} is missing`);
  writeFileSync(stampFile, `${JSON.stringify(target, null, 2)}\n`);
  console.log(`Built ${path.relative(root, electronBinding)}`);
  return electronBinding;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  if (args.has('--check')) {
    process.exit(isUpToDate() ? 0 : 1);
  }
  buildElectronNative({ force: args.has('--for-dist') }).catch((error) => {
    console.error(`Could not build better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
