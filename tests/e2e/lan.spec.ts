/**
 * Two laptops on one machine (issue 14): the host laptop (the fixtures' `host`: its store and
 * loopback host) opens its congress to the venue network on 127.0.0.1 (TLS, its certificate for
 * this congress), and a second laptop (its own store, data folder and loopback host, made here)
 * joins it as a check-in desk with the code the host's screen shows, through the screens. A
 * check-in at either desk shows on the other desk and on the host's hall board, by the change
 * events alone (the host's own, and those the station relays from the host's event stream).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { createBackend } from '../../db/backend.js';
import { type LoopbackHost, startLoopbackHost } from '../../electron/host/server.js';
import { call } from './api.js';
import { test as base, expect } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { Desk } from './pages/desk.js';
import { Join, LinkBanner, Venue } from './pages/lan.js';
import { currentMeetingId, votingDelegates } from './scenes.js';

const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

/** The second laptop: a store of its own with its own data folder, served on its own loopback port. */
const test = base.extend<{ laptop: LoopbackHost }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take a destructuring pattern
  laptop: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'congress-e2e-laptop-'));
    const dataDir = path.join(dir, 'data');
    const documentsDir = path.join(dir, 'documents');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(documentsDir, { recursive: true });
    const backend = await createBackend({ dataDir, documentsDir, places: [dir] });
    const host = await startLoopbackHost({ backend, staticDir });
    try {
      await use(host);
    } finally {
      await host.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

/** A port of 127.0.0.1 free now, for the venue network (two test workers never share one). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function present(page: Page, n: number): Promise<void> {
  await expect(new Desk(page).count('present')).toContainText(String(n), { timeout: 15_000 });
}

/**
 * The host laptop with the demo congress open to the venue network on 127.0.0.1, and the second
 * laptop joined to it as a desk through the screens, at its desk. Returns both pages and the port.
 */
async function twoLaptops(
  page: Page,
  context: BrowserContext,
  openApp: (p?: Page) => Promise<Page>,
  laptop: LoopbackHost,
) {
  // The host laptop: the secretariat opens the demo congress, opens it to the venue network and
  // makes a code for a check-in desk.
  await openApp(page);
  await new AppFrame(page).signIn('大会秘书处 周红');
  await new AppFrame(page).openDemo();
  const venue = new Venue(page);
  await venue.show();
  const port = await freePort();
  await venue.openAt('127.0.0.1', port);
  await expect(venue.address).toContainText(`127.0.0.1:${port}`);
  const hostPrint = await venue.fingerprint.getAttribute('data-value');
  expect(hostPrint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
  const code = await venue.newCode('desk');
  await expect(venue.codeQr).toBeVisible();

  // The second laptop, nothing open: 连接主机 from its start screen, with what the host's screen shows.
  const desk2 = await context.newPage();
  await desk2.goto(laptop.url);
  await new AppFrame(desk2).signIn('报到员 李娜');
  const join = new Join(desk2);
  await join.show();
  // The first four groups of the host's fingerprint typed too: the code goes only to that certificate.
  await join.join(
    { address: '127.0.0.1', port, code, fingerprintStart: hostPrint!.slice(0, 19), name: '签到台 2', kind: 'desk' },
    '签到台',
  );
  // The certificate it pinned is the one the host's screen shows.
  await expect(join.fingerprint).toHaveAttribute('data-value', hostPrint!);
  await join.continue.click();
  await expect(desk2.getByTestId('congress-name')).toHaveText(await page.getByTestId('congress-name').innerText());
  const link2 = new LinkBanner(desk2);
  await expect(link2.line).toHaveText(`已连接主机 127.0.0.1`);
  await expect(new Desk(desk2).root).toBeVisible();
  await present(desk2, 0);
  // The host lists it (the code is used: it paired one station).
  await expect(venue.station('签到台 2')).toBeVisible({ timeout: 15_000 });
  return { venue, desk2, link2, port };
}

test('a check-in at one desk shows on the other desk and on the hall board', async ({
  page,
  context,
  openApp,
  host,
  laptop,
}) => {
  test.setTimeout(180_000);
  const { desk2 } = await twoLaptops(page, context, openApp, laptop);

  // The host's desk and the hall's board (a window of the host laptop).
  await new AppFrame(page).nav('desk');
  await present(page, 0);
  const board = await context.newPage();
  await board.goto(`${host.url}#/board`);
  await expect(board.getByTestId('board-present')).toHaveText('0');

  const [first, second] = await votingDelegates(host);
  // At the second laptop's desk: on the host's desk and on the board.
  await new Desk(desk2).checkIn([first!]);
  await present(page, 1);
  await expect(board.getByTestId('board-present')).toHaveText('1', { timeout: 15_000 });
  // At the host's desk: on the second laptop's desk (relayed from the host's event stream).
  await new Desk(page).checkIn([second!]);
  await present(desk2, 2);
  await expect(board.getByTestId('board-present')).toHaveText('2', { timeout: 15_000 });
  // The station's 局域网 page says whose it is, and sets up nothing.
  await new AppFrame(desk2).nav('lan');
  await expect(desk2.getByTestId('venue-at-station')).toContainText('签到台 2');
  await expect(desk2.getByTestId('venue-closed')).toHaveCount(0);
  // Once each: both desks counted on the host.
  const summary = await call(host, 'attendance.summary', { meetingId: await currentMeetingId(host) });
  expect(summary.present).toBe(2);
});

test('a desk cut off from its host keeps checking in, says 离线:已暂存, and its check-ins reach the host when the link is back', async ({
  page,
  context,
  openApp,
  host,
  laptop,
}) => {
  test.setTimeout(180_000);
  const { venue, desk2, link2, port } = await twoLaptops(page, context, openApp, laptop);
  const [first, second] = await votingDelegates(host);

  // The host stops serving the venue network: to the desk, a pulled cable.
  await venue.close.click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await expect(venue.closed).toBeVisible();

  const desk = new Desk(desk2);
  for (const [i, d] of [first!, second!].entries()) {
    await desk.search.fill(d.badge);
    await desk.search.press('Enter');
    // Kept, not refused: the delegate named, the count of what waits, the desk ready for the next.
    await expect(desk.banner).toHaveAttribute('data-kind', 'kept', { timeout: 15_000 });
    await expect(desk.bannerName).toHaveText(d.name);
    await expect(desk2.getByTestId('banner-kept')).toHaveText(`离线:已暂存 ${i + 1} 条,恢复连接后自动上传`);
    await expect(desk.search).toHaveValue('');
  }
  await expect(link2.banner).toHaveAttribute('data-online', 'false', { timeout: 15_000 });
  await expect(link2.line).toHaveText('离线:已暂存 2 条,恢复连接后自动上传');
  expect((await call(host, 'attendance.summary', { meetingId: await currentMeetingId(host) })).present).toBe(0);

  // The venue network again, where it was: the outbox replays in order, once each.
  await venue.openAt('127.0.0.1', port);
  await expect(link2.line).toHaveText('已连接主机 127.0.0.1', { timeout: 30_000 });
  await expect(link2.banner).toHaveAttribute('data-queued', '0', { timeout: 30_000 });
  const list = await call(host, 'attendance.list', { meetingId: await currentMeetingId(host) });
  const here = list.filter((r) => r.status === 'present').map((r) => r.delegateId);
  expect(here.sort()).toEqual([first!.id, second!.id].sort());
  await present(desk2, 2);
});
