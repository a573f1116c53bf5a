#!/usr/bin/env node
/**
 * `npm start`: the desktop app in Electron; where the Electron binary is not installed
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on the build machines), the same app in a
 * Chromium app window against the loopback host.
 *
 * Options after `--` go to the loopback host (e.g. `npm start -- --port 4800`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererIsStale } from './renderer-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** The Electron executable, or null: the `electron` package throws when its binary was never downloaded. */
function electronBinary() {
  try {
    const executable = require('electron');
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** `vite build` unless dist/renderer is newer than everything it is built from. */
function buildRendererIfStale() {
  if (!rendererIsStale()) return;
  console.log('Building the renderer (vite build) …');
  run(bin('vite'), ['build', '--logLevel', 'warn']);
}

const hostArgs = process.argv.slice(2);
const electron = electronBinary();

if (electron) {
  run(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')]);
  buildRendererIfStale();
  run(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs')]);
  const child = spawn(electron, [root], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  console.log(
    'The Electron binary is not installed here, so Congress Desk opens in Chromium against the loopback host instead.',
  );
  buildRendererIfStale();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'electron', 'host', 'cli.ts'), '--open-chromium', ...hostArgs],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
