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

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Two cores: one worker on CI, two locally.
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
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
