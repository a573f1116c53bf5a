import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';
import { findChromium, OFFLINE_CHROMIUM_FLAGS } from './electron/host/chromium.js';

/**
 * End-to-end tests: the built renderer (`vite build`, see `npm run test:e2e`) in Chromium
 * against the loopback host, which tests/e2e/fixtures.ts starts per test with a fresh
 * temp data folder. Chromium is Debian's (`CHROMIUM_PATH`, else /usr/bin/chromium), else
 * Playwright's own on a machine that has it. Any request that leaves 127.0.0.1 fails the test.
 * With neither, it stops here and names the package: Playwright's own advice (download a
 * browser) cannot work on an offline machine. `npm test` checks this first (scripts/preflight.mjs).
 */
const executablePath = findChromium() ?? undefined;
if (!executablePath && !existsSync(chromium.executablePath())) {
  throw new Error(
    '缺少 Chromium:sudo apt-get install chromium(或设置 CHROMIUM_PATH)/ Missing Chromium: sudo apt-get install chromium (or set CHROMIUM_PATH)',
  );
}

/** The specs with the longest tests (over a minute each on a loaded machine: scan-day's 50 papers, count's 120 ballots, forms…). */
const LONG = [
  '**/scan-day.spec.ts',
  '**/count.spec.ts',
  '**/forms.spec.ts',
  '**/results.spec.ts',
  '**/whole-day.spec.ts',
];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Every test has its own host, data folder and page (tests/e2e/fixtures.ts), so any two tests may
  // run side by side, even two of one file: the workers share the load test by test, not file by file.
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two workers on the two cores, on CI as here: a test waits much of its time (the store's fsync,
  // the page's rendering, a poll), and the other worker's test fills that time.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  // The longest tests first, so that neither worker is left with one of them at the end while the
  // other is idle: the queue is project by project, file by file.
  projects: [
    { name: 'long', testMatch: LONG },
    { name: 'e2e', testIgnore: LONG },
  ],
  use: {
    browserName: 'chromium',
    headless: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 860 },
    serviceWorkers: 'block',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath,
      args: [...OFFLINE_CHROMIUM_FLAGS, '--no-sandbox'],
    },
  },
});
