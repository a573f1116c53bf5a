/**
 * The fixtures themselves: the app opens through the loopback host, and the offline
 * guard really fails a test that reaches beyond 127.0.0.1 or trips the CSP.
 */
import { expect, test } from './fixtures.js';

test('the app opens from the loopback host, in two windows', async ({ page, openApp, context }) => {
  await openApp(page);
  await expect(page).toHaveTitle('党代会会务台');
  await page.waitForLoadState('networkidle');
  const second = await openApp(await context.newPage());
  await expect(second).toHaveTitle('党代会会务台');
});

test('a fetch to another host fails the test', async ({ page, openApp }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() => fetch('https://example.com/x').catch(() => null));
  await page.waitForTimeout(300);
});

test('an image from another address fails the test', async ({ page, openApp }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() => {
    const i = new Image();
    i.src = 'http://10.1.2.3/pixel.png';
    document.body.append(i);
  });
  await page.waitForTimeout(500);
});

test('an inline script fails the test (CSP)', async ({ page, openApp }) => {
  test.fail();
  await openApp(page);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.x = 1';
    document.body.append(s);
  });
  await page.waitForTimeout(300);
});
