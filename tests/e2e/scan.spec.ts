/**
 * The scan screen (issue 13 items 3 and 5): papers of a round drawn from its own layout and
 * marked (tests/scan/render-layout.ts: the paper drawn from the round's layout and code, then
 * scanned: turned a little, JPEG), dropped on the screen or shown to the document
 * camera (Chromium's fake camera playing a Y4M of a paper), read by the store, and confirmed by a
 * person: one as read with Enter, one corrected with the count screen's keys, one whose doubtful
 * box (○ and × in one box) cannot be confirmed until decided and whose 另选他人 name is typed from
 * its crop. Every paper commits through `ballots.enter` with its page: the tally follows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { paperCodeText } from '../../core/paper/code.js';
import type { PaperLayout } from '../../core/paper/layout.js';
import { findChromium, OFFLINE_CHROMIUM_FLAGS } from '../../electron/host/chromium.js';
import { type Image, y4m } from '../qr-image.js';
import { renderPaper, scanOf, type TestMark } from '../scan/render-layout.js';
import { call } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { roundPaper } from './pages/papers.js';
import { ScanScreen } from './pages/scan.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

/** The fake camera's picture: an A4 paper filling a portrait frame (about 5 px/mm). */
const CAMERA = { width: 1080, height: 1528 };
const cameraFile = path.join(os.tmpdir(), `scan-spec-camera-${process.pid}.y4m`);
const white = (): Image => ({ ...CAMERA, data: new Uint8ClampedArray(CAMERA.width * CAMERA.height * 4).fill(255) });
// Chromium reads the file's header when it lists the devices; the frames are written before the camera opens.
fs.writeFileSync(cameraFile, y4m(white(), 2));
test.afterAll(() => fs.rmSync(cameraFile, { force: true }));

test.use({
  viewport: { width: 1366, height: 768 },
  launchOptions: {
    executablePath: findChromium() ?? undefined,
    args: [
      ...OFFLINE_CHROMIUM_FLAGS,
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${cameraFile}`,
    ],
  },
});

const WRITTEN = '郑明亮';

/** A round of 5 candidates for 3 seats, its papers collected, and the layout its papers are printed from. */
async function scannedRound(
  page: Parameters<typeof demoWithVoters>[0],
  openApp: Parameters<typeof demoWithVoters>[1],
  host: TestHost,
  collected: number,
) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '计票人 赵敏' });
  const { contestId, roundId } = await contestOf(host, {
    meetingId,
    title: '党委委员',
    seats: 3,
    people: voting.slice(0, 5),
  });
  await countThroughApi(host, roundId, { issued: 89, collected });
  const { congress, layout } = await roundPaper(host, contestId, roundId);
  const code = paperCodeText({ congressUid: congress.uid, contestId, roundId });
  return { contestId, roundId, layout, code };
}

/** One paper marked as a voter marks it: clean marks, and optionally ○ and × in one box and a name on 另选他人 line 1 (with ○). */
async function markedPaper(
  round: { layout: PaperLayout; code: string },
  marks: ('circle' | 'cross' | 'none')[],
  extra: { both?: number; writeIn?: boolean; rotate?: number } = {},
): Promise<Buffer> {
  const drawn: Record<number, TestMark> = {};
  for (const [i, m] of marks.entries()) if (m !== 'none') drawn[i] = { kind: m };
  if (extra.both !== undefined) drawn[extra.both] = { kind: 'both' };
  // The write-in boxes come after the candidates' (render-layout.ts).
  if (extra.writeIn) drawn[round.layout.candidates.length] = { kind: 'circle' };
  const page = await renderPaper(round.layout, round.code, 200, drawn, extra.writeIn ? { 0: true } : {});
  return scanOf(page, { rotate: extra.rotate ?? 0.8, quality: 85 });
}

test('scan screen: open it from the count screen (扫描计票), drop 3 marked papers — Enter confirms the first as read, the second has one box corrected with the count screen’s key, the third’s ○-and-× box blocks Enter until decided and its 另选他人 name is typed from the crop; each commits as a scanned ballot with its image hash and the tally shows them', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(240_000);
  const round = await scannedRound(page, openApp, host, 3);
  const { roundId } = round;
  const files = [
    { name: 'a-clear.jpg', bytes: await markedPaper(round, ['circle', 'circle', 'cross', 'none', 'circle']) },
    // Fed upside down: the reader turns it.
    {
      name: 'b-correct.jpg',
      bytes: await markedPaper(round, ['circle', 'cross', 'circle', 'circle', 'none'], { rotate: 180.5 }),
    },
    {
      name: 'c-doubt.jpg',
      bytes: await markedPaper(round, ['circle', 'circle', 'none', 'cross', 'none'], { both: 1, writeIn: true }),
    },
  ];

  // The way in: the count screen's 「扫描计票」.
  await page.goto(`${host.url}#/count?round=${roundId}`);
  await page.getByTestId('count-open-scan').click();
  const scan = new ScanScreen(page);
  await expect(scan.root).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/scan\\?round=${roundId}$`));

  await scan.drop(files);
  await expect(scan.pageItem(3)).toBeVisible({ timeout: 30_000 });
  for (const seq of [1, 2, 3])
    await expect(scan.pageItem(seq)).not.toHaveAttribute('data-status', 'reading', { timeout: 60_000 });

  // ——— Page 1, read clear: one key ———
  const first = await scan.openedPageId();
  const pages = await call(host, 'scan.pages', { roundId });
  const bySeq = (seq: number) => pages.find((p) => p.seq === seq)!;
  expect(first).toBe(bySeq(1).id);
  expect(bySeq(1).reading?.marks.map((m) => m.read)).toEqual(['circle', 'circle', 'cross', 'none', 'circle']);
  await expect(scan.image).toBeVisible();
  await expect(page.getByTestId('scan-overlay-box')).toHaveCount(5);
  await expect(scan.validity).toHaveAttribute('data-state', 'valid');
  await page.screenshot({ path: 'test-results/scan/confirm-zh.png' });
  await scan.confirm();
  await expect(scan.confirmed).toHaveText('1');

  // ——— Page 2: the counter sees box 3 is × on the paper as they decide it, and keys it ———
  expect(await scan.openedPageId()).toBe(bySeq(2).id);
  await scan.setMark(2, 'cross');
  await expect(page.locator('[data-testid="scan-overlay-box"][data-index="2"]')).toHaveAttribute('data-now', 'cross');
  await scan.confirm();
  await expect(scan.confirmed).toHaveText('2');

  // ——— Page 3: a doubtful box and a written-in name ———
  expect(await scan.openedPageId()).toBe(bySeq(3).id);
  const third = bySeq(3).reading!;
  expect(third.marks[1]?.read).toBe('uncertain');
  expect(third.writeIns[0]?.nameInk).toBe(true);
  await expect(scan.undecided).toBeVisible();
  await expect(scan.writeInCrop(0)).toHaveAttribute('data-drawn', 'true');
  await page.screenshot({ path: 'test-results/scan/doubt-zh.png' });
  // Enter refused: the box and the line are named, nothing is sent.
  await page.keyboard.press('Enter');
  await expect(scan.left).toBeVisible();
  await expect(scan.confirmArea).toHaveAttribute('data-page', String(bySeq(3).id));
  expect(await call(host, 'ballots.list', { roundId })).toHaveLength(2);
  await scan.decide(1, 'cross');
  if (third.writeIns[0]?.mark.read !== 'circle') await scan.decideWriteIn(0, 'circle');
  await scan.typeWriteIn(0, WRITTEN);
  await scan.confirm();
  await expect(scan.confirmed).toHaveText('3');
  await expect(page.getByTestId('scan-nothing')).toBeVisible();

  // ——— What committed: three scanned ballots, each with its page's image hash ———
  const ballots = await call(host, 'ballots.list', { roundId });
  const after = await call(host, 'scan.pages', { roundId });
  expect(ballots.map((b) => ({ marks: b.marks, writeIns: b.writeIns, source: b.source }))).toEqual([
    { marks: ['circle', 'circle', 'cross', 'none', 'circle'], writeIns: [], source: 'scan' },
    { marks: ['circle', 'cross', 'cross', 'circle', 'none'], writeIns: [], source: 'scan' },
    {
      marks: ['circle', 'cross', 'none', 'cross', 'none'],
      writeIns: [{ name: WRITTEN, mark: 'circle' }],
      source: 'scan',
    },
  ]);
  expect(ballots.map((b) => b.imageSha256)).toEqual(after.map((p) => p.sha256));
  expect(after.map((p) => p.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);

  // The tally shows them, with the correction, the decision and the typed name.
  const { tally } = await call(host, 'rounds.result', { roundId });
  expect(tally.valid).toBe(3);
  // Box 3 of paper 2 was read ○ and corrected to ×; box 2 of paper 3 was decided ×.
  expect(tally.candidates.map((c) => c.for)).toEqual([3, 1, 0, 1, 1]);
  expect(tally.candidates[1]?.against).toBe(2);
  expect(tally.writeIns).toEqual([{ name: WRITTEN, for: 1 }]);
  await page.getByTestId('scan-back').click();
  await expect(page.getByTestId('count-progress')).toContainText('3');

  // The screen in English, as a counter who reads English sees it.
  await page.goto(`${host.url}#/scan?round=${roundId}`);
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(scan.queue).toContainText('Confirmed');
  await page.screenshot({ path: 'test-results/scan/queue-en.png' });
});

test('scan screen, document camera: a paper laid under the camera is taken once it lies still and read as a page of the round (source camera); the camera stops when the screen is left', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(180_000);
  const round = await scannedRound(page, openApp, host, 1);
  const { roundId } = round;
  const jpeg = await markedPaper(round, ['cross', 'circle', 'circle', 'none', 'circle'], { rotate: 0 });
  const { data } = await sharp(jpeg)
    .resize(CAMERA.width, CAMERA.height, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  fs.writeFileSync(cameraFile, y4m({ ...CAMERA, data: new Uint8ClampedArray(data) }, 10));

  const scan = new ScanScreen(page);
  await scan.open(host, roundId);
  // Every stream the screen opens is kept, to see that leaving stops its tracks.
  await page.evaluate(() => {
    const md = navigator.mediaDevices;
    const open = md.getUserMedia.bind(md);
    const w = window as unknown as { streams: MediaStream[] };
    w.streams = [];
    md.getUserMedia = async (c) => {
      const s = await open(c);
      w.streams.push(s);
      return s;
    };
  });
  await scan.cameraStart.click();
  await expect(page.getByTestId('scan-camera')).toHaveAttribute('data-on', 'true');
  // Still from the first frame: taken after 0.7 s, once.
  await expect(scan.pageItem(1)).toBeVisible({ timeout: 30_000 });
  await expect(scan.pageItem(1)).toContainText('camera-001.jpg');
  await expect(scan.pageItem(1)).not.toHaveAttribute('data-status', 'reading', { timeout: 60_000 });
  const [p] = await call(host, 'scan.pages', { roundId });
  expect(p?.source).toBe('camera');
  expect(p?.status).toBe('read');
  expect(p?.reading?.marks.map((m) => m.read)).toEqual(['cross', 'circle', 'circle', 'none', 'circle']);
  await page.waitForTimeout(1500);
  expect(await call(host, 'scan.pages', { roundId })).toHaveLength(1);
  await page.screenshot({ path: 'test-results/scan/camera-zh.png' });
  await scan.confirm();
  expect((await call(host, 'ballots.list', { roundId }))[0]?.marks).toEqual([
    'cross',
    'circle',
    'circle',
    'none',
    'circle',
  ]);

  // Leaving the screen stops the camera's tracks.
  await page.getByTestId('scan-back').click();
  await expect(page.getByTestId('count-page')).toBeVisible();
  const tracks = await page.evaluate(() =>
    (window as unknown as { streams: MediaStream[] }).streams.flatMap((s) => s.getTracks().map((t) => t.readyState)),
  );
  expect(tracks).toEqual(['ended']);
});
