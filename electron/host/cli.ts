/**
 * `npm run dev:host` / `tsx electron/host/cli.ts [--port N] [--data-dir DIR] [--places DIR]… [--open-chromium]`
 *
 * A write goes only into the places (db/places.ts): the documents and data folders, the open
 * congress's folder, its backup folder, each `--places DIR`, and where Debian mounts a USB stick
 * (/media/$USER, /run/media/$USER) when there. Nothing the browser sends widens them: its picker
 * only lists inside them.
 *
 * Starts the store and the loopback host, prints the address (one line for people, one
 * JSON line for scripts), optionally opens it in a Chromium app window, and shuts down
 * cleanly on SIGINT/SIGTERM (or when that window is closed).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from '../../db/backend.js';
import { defaultDataDir, defaultDocumentsDir } from '../paths.js';
import { chromiumAppArgs, findChromium } from './chromium.js';
import { startLoopbackHost } from './server.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'static-dir': { type: 'string' },
      places: { type: 'string', multiple: true, default: [] },
      'open-chromium': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);

  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const documentsDir = defaultDocumentsDir();
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(documentsDir, { recursive: true });
  const staticDir = values['static-dir'] ? path.resolve(values['static-dir']) : path.join(repoRoot, 'dist', 'renderer');

  const places = [...values.places.map((p) => path.resolve(p)), ...usbMounts()];
  const backend = await createBackend({ dataDir, documentsDir, places });
  const host = await startLoopbackHost({ backend, staticDir, port });
  console.log(`Congress Desk: ${host.url}`);
  console.log(
    JSON.stringify({ url: host.url, port: host.port, dataDir, documentsDir, places: await backend.places() }),
  );

  let browser: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (browser && browser.exitCode === null) browser.kill('SIGTERM');
    await host.close();
    backend.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  process.on('SIGHUP', () => void shutdown(0));

  if (values['open-chromium']) {
    const chromium = findChromium();
    if (!chromium) {
      console.log(`No Chromium found (set CHROMIUM_PATH): open ${host.url} in a browser on this machine.`);
      return;
    }
    const profile = path.join(dataDir, 'chromium-profile');
    mkdirSync(profile, { recursive: true });
    const startedAt = Date.now();
    browser = spawn(chromium, chromiumAppArgs(host.url, profile), { stdio: 'ignore' });
    browser.on('error', (error) => {
      console.log(`Could not start ${chromium} (${error.message}): open ${host.url} in a browser.`);
    });
    browser.on('exit', (code) => {
      if (Date.now() - startedAt < 3000) {
        // At once: either the window went to a Chromium already running on this profile
        // (code 0), or Chromium could not open a window at all (no display…). Keep serving.
        if (code !== 0)
          console.log(`Chromium could not open a window (exit code ${code}): open ${host.url} in a browser.`);
        return;
      }
      console.log('The app window was closed; stopping.');
      void shutdown(0);
    });
  }
}

/** Where Debian and Ubuntu mount a USB stick for this user, those that exist. */
function usbMounts(): string[] {
  const user = process.env.USER ?? os.userInfo().username;
  return [`/media/${user}`, `/run/media/${user}`].filter((dir) => existsSync(dir));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
