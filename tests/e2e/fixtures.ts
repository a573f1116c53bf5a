/**
 * Playwright fixtures for the end-to-end tests:
 *
 * - `host`: the real store (createBackend) and the loopback host, in this worker process,
 *   on a random port of 127.0.0.1, with a fresh temp data folder — one per test;
 * - `openApp(page?)`: opens the app (the host URL with its token) in `page` (default: the
 *   test's page) and returns that page; `openApp(await context.newPage())` for a second window;
 * - every request a page makes to anything but 127.0.0.1 is aborted and fails the test,
 *   and so does any Content-Security-Policy violation (a blocked attempt, an inline script).
 *
 *   import { expect, test } from './fixtures.js';
 *   test('…', async ({ page, openApp }) => { await openApp(page); … });
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { createBackend } from '../../db/backend.js';
import { type LoopbackHost, startLoopbackHost } from '../../electron/host/server.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// E2E_RENDERER_DIR: a renderer built elsewhere (`vite build --outDir …`), so that a run is not
// disturbed by another build of dist/renderer in the same checkout meanwhile.
const staticDir = process.env.E2E_RENDERER_DIR ?? path.join(repo, 'dist', 'renderer');

export interface TestHost extends LoopbackHost {
  /** The temp folder of this test: `data/` (per-installation) and `documents/`. */
  dir: string;
  dataDir: string;
  documentsDir: string;
}

interface Fixtures {
  host: TestHost;
  openApp: (page?: Page) => Promise<Page>;
  /** Requests that tried to leave 127.0.0.1 during the test (asserted empty at the end). */
  offlineViolations: string[];
}

const CSP_BINDING = '__congressDeskTestCspViolation';
const isLoopback = (url: URL): boolean => url.hostname === '127.0.0.1';
const isNetwork = (url: URL): boolean => ['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(url.protocol);

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructuring pattern
  host: async ({}, use) => {
    if (!existsSync(path.join(staticDir, 'index.html'))) {
      throw new Error('dist/renderer is not built: run `npm run build:renderer` (npm run test:e2e does).');
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-e2e-'));
    const dataDir = path.join(dir, 'data');
    const documentsDir = path.join(dir, 'documents');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(documentsDir, { recursive: true });
    // The test's folder is the place picked (db/places.ts), as `--places DIR` makes one: the tests
    // type paths under it; a path outside it is refused as in the app (places.spec).
    const backend = await createBackend({ dataDir, documentsDir, places: [dir] });
    const host = await startLoopbackHost({ backend, staticDir });
    try {
      await use({ ...host, dir, dataDir, documentsDir });
    } finally {
      await host.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },

  offlineViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const record = (raw: string) => {
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          return;
        }
        if (isNetwork(url) && !isLoopback(url) && !violations.includes(raw)) violations.push(raw);
      };
      // Block: a request for another host never reaches the network.
      await context.route(
        (url) => isNetwork(url) && !isLoopback(url),
        async (route) => {
          record(route.request().url());
          await route.abort('blockedbyclient');
        },
      );
      // Record: also what the router does not see (e.g. WebSockets).
      context.on('request', (request) => record(request.url()));
      context.on('page', (page) => page.on('websocket', (ws) => record(ws.url())));
      // A request the Content-Security-Policy stopped in the page never reaches the
      // router; the attempt is still a defect (and any CSP violation means something broke).
      await context.exposeBinding(CSP_BINDING, (_source, blocked: string, directive: string) => {
        const entry = `CSP blocked ${blocked} (${directive})`;
        if (!violations.includes(entry)) violations.push(entry);
      });
      await context.addInitScript((binding: string) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as Record<string, (blocked: string, directive: string) => void>)[binding];
          report?.(event.blockedURI || 'inline', event.effectiveDirective);
        });
      }, CSP_BINDING);
      await use(violations);
      expect(violations, 'requests that left 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],

  page: async ({ page, offlineViolations }, use) => {
    page.on('websocket', (ws) => {
      const url = new URL(ws.url());
      if (!isLoopback(url)) offlineViolations.push(ws.url());
    });
    await use(page);
  },

  openApp: async ({ host, page }, use) => {
    await use(async (target: Page = page) => {
      await target.goto(host.url);
      return target;
    });
  },
});

export { expect };
