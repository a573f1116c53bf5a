/**
 * The browser benches' stage: the renderer built when stale, a temp folder, the backend behind
 * a loopback host, and Debian's Chromium offline (every address but the host's refused).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from '@playwright/test';
import { createBackend } from '../db/backend.js';
import type { Backend } from '../db/backend-types.js';
import { findChromium, OFFLINE_CHROMIUM_FLAGS } from '../electron/host/chromium.js';
import { type LoopbackHost, startLoopbackHost } from '../electron/host/server.js';
import { rendererIsStale } from '../scripts/renderer-build.mjs';
import { type BenchCall, loopbackCall } from './congress.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'dist', 'renderer');

export function buildRendererIfStale(): void {
  if (!rendererIsStale()) return;
  console.log('Building the renderer (vite build) …');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
}

export interface Stage {
  /** The temp folder, removed afterwards: a congress file may be made in it before it is opened. */
  dir: string;
  host: LoopbackHost;
  call: BenchCall;
  /** The browser's context, with the viewport of a laptop at the desk. */
  browse(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page at `hash`, signed in as `operator`. */
  signedIn(context: BrowserContext, hash: string, operator: string): Promise<Page>;
}

/** Runs `act` on a fresh stage, and takes the stage down whatever happens. */
export async function onStage(label: string, act: (stage: Stage) => Promise<void>): Promise<void> {
  buildRendererIfStale();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: set CHROMIUM_PATH or install Debian chromium');
  const dir = mkdtempSync(path.join(tmpdir(), `congress-bench-${label}-`));
  let backend: Backend | null = null;
  let host: LoopbackHost | null = null;
  let browser = null as Browser | null;
  try {
    const dataDir = path.join(dir, 'data');
    const documentsDir = path.join(dir, 'documents');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(documentsDir, { recursive: true });
    // The staged screens type paths in this bench's folder: it is the place picked.
    backend = createBackend({ dataDir, documentsDir, places: [dir] });
    const started = await startLoopbackHost({ backend, staticDir });
    host = started;
    await act({
      dir,
      host: started,
      call: loopbackCall(started),
      async browse(options = {}) {
        browser ??= await chromium.launch({
          executablePath,
          headless: true,
          args: [...OFFLINE_CHROMIUM_FLAGS, '--no-sandbox'],
        });
        const context = await browser.newContext({
          locale: 'zh-CN',
          viewport: { width: 1366, height: 860 },
          ...options,
        });
        await context.route(
          (url) => url.hostname !== '127.0.0.1' && /^(https?|wss?|ftp):$/.test(url.protocol),
          (route) => route.abort('blockedbyclient'),
        );
        return context;
      },
      async signedIn(context, hash, operator) {
        const page = await context.newPage();
        await page.goto(`${started.url}${hash}`);
        await page.getByTestId('operator-name').fill(operator);
        await page.getByTestId('operator-submit').click();
        await page.getByTestId('operator-modal').waitFor({ state: 'hidden' });
        return page;
      },
    });
  } finally {
    await browser?.close().catch(() => {});
    await host?.close().catch(() => {});
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
