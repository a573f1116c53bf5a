/**
 * Issue 12 item 4, 「The paper pins the file」, in Chromium: a printed form carries the full result
 * hash, the audit head and the key fingerprint, and a QR code of the three that decodes from the
 * printed PDF itself; the verify screen reads that QR code from a camera (Chromium's fake camera
 * playing a Y4M made from the printed form's code) and fills the hash and the fingerprint, and
 * the file verifies against them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formCodeText } from '../../core/form-code.js';
import { groupedHash, groupedHashLines } from '../../core/hash-groups.js';
import { findChromium, OFFLINE_CHROMIUM_FLAGS } from '../../electron/host/chromium.js';
import { qrPath } from '../../renderer/components/print/qr-path.js';
import { decodeQr } from '../../renderer/components/qr-decode.js';
import { bmp, fromPgm, type Image, rasterQr, y4m } from '../qr-image.js';
import { call, papers } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { pdfText } from './pages/print.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

/** The fake camera's picture: VGA, the form's QR code in the middle. */
const CAMERA = { width: 640, height: 480 };
const cameraFile = path.join(os.tmpdir(), `paper-spec-camera-${process.pid}.y4m`);
const blank = (): Image => ({ ...CAMERA, data: new Uint8ClampedArray(CAMERA.width * CAMERA.height * 4).fill(255) });
// Chromium reads the file's header when it lists the devices; the frames are the test's, written before the scan.
fs.writeFileSync(cameraFile, y4m(blank(), 2));
test.afterAll(() => fs.rmSync(cameraFile, { force: true }));

test.use({
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

/** The demo congress, 89 present, one contest of three for two seats counted and closed: ready to export. */
async function closedCongress(page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  const scene = await contestOf(host, { meetingId, title: '党委委员', people: voting.slice(0, 3), seats: 2 });
  await countThroughApi(host, scene.roundId, { papers: [...papers('oox', 60), ...papers('oxo', 29)], close: true });
  const status = await call(host, 'result.status', {});
  expect(status.ready).toBe(true);
  expect(status.auditHead).not.toBeNull();
  return { ...scene, meetingId, status };
}

const codeOf = (status: { contentHash: string; auditHead: { id: number; hash: string } | null; fingerprint: string }) =>
  formCodeText({ hash: status.contentHash, audit: status.auditHead, fingerprint: status.fingerprint });

test('attack "the printed hash is 48 bits, nothing on paper pins the audit head": the count form prints all 256 bits, the audit head and the fingerprint, and its printed QR decodes to them', async ({
  page,
  context,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  const { roundId, status } = await closedCongress(page, openApp, host);
  const print = await context.newPage();
  await print.goto(`${host.url}#/print/count?round=${roundId}`);
  const pdf = path.join(host.dir, 'count.pdf');
  const text = await pdfText(print, pdf);
  for (const line of groupedHashLines(status.contentHash)) expect(text).toContain(line);
  for (const line of groupedHashLines(status.auditHead!.hash)) expect(text).toContain(line);
  expect(text).toMatch(new RegExp(`审计记录末条\\(第\\s*${status.auditHead!.id}\\s*条\\)`));
  expect(text).toMatch(new RegExp(status.fingerprint.split(' ').join('\\s*')));
  // No 12-digit short hash any more.
  expect(text).not.toContain(
    status.contentHash
      .slice(0, 12)
      .toUpperCase()
      .replace(/(.{4})(?=.)/g, '$1-'),
  );

  // The QR code read from the printed page itself: the PDF rasterised at 200 dpi, as a scanner would.
  execFileSync('pdftoppm', ['-gray', '-r', '200', '-f', '1', '-l', '1', pdf, path.join(host.dir, 'count')]);
  const scan = fs.readdirSync(host.dir).find((f) => /^count-0*1\.pgm$/.test(f))!;
  expect(decodeQr(fromPgm(fs.readFileSync(path.join(host.dir, scan))))).toBe(codeOf(status));
  await print.close();
});

test('the verify screen scans the printed form’s QR code from the camera: the hash and the fingerprint are filled, and the file verifies against them', async ({
  page,
  context,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  const { roundId, status } = await closedCongress(page, openApp, host);
  // The camera shows the QR code the form printed before the export carries.
  const print = await context.newPage();
  await print.goto(`${host.url}#/print/count?round=${roundId}`);
  await expect(print.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  const svg = await print.getByTestId('paper-code').evaluate((el) => el.outerHTML);
  await print.close();
  const scale = 6;
  const side = Number(/viewBox="-?\d+ -?\d+ (\d+)/.exec(svg)![1]) * scale;
  const frame = rasterQr(svg, scale, {
    ...CAMERA,
    left: Math.round((CAMERA.width - side) / 2),
    top: Math.round((CAMERA.height - side) / 2),
  });
  expect(decodeQr(frame)).toBe(codeOf(status));
  fs.writeFileSync(cameraFile, y4m(frame, 10));
  const file = path.join(host.documentsDir, 'result.json');
  await call(host, 'result.export', { path: file, csvPath: null });

  await page.goto(`${host.url}#/verify`);
  await expect(page.getByTestId('verify-page')).toBeVisible();
  await page.getByTestId('verify-paths').fill(file);
  await page.getByTestId('form-scan').click();
  await expect(page.getByTestId('form-scan-panel')).toBeVisible();
  await expect(page.getByTestId('verify-expect-hash')).toHaveValue(groupedHash(status.contentHash), {
    timeout: 20_000,
  });
  await expect(page.getByTestId('verify-expected')).toHaveValue(status.fingerprint);
  await expect(page.getByTestId('form-scan-panel')).toHaveCount(0);

  await page.getByTestId('verify-submit').click();
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
});

test('a photo of a QR code that is not a form’s is refused on the verify screen, naming what it read, and fills nothing', async ({
  page,
  openApp,
  host,
}) => {
  // The camera sees a blank page (not the form the test before left in it).
  fs.writeFileSync(cameraFile, y4m(blank(), 2));
  await openApp(page);
  await page.goto(`${host.url}#/verify`);
  await page.getByTestId('form-scan').click();
  await expect(page.getByTestId('form-scan-panel')).toBeVisible();
  // A photo of a stranger's QR code (a web address), chosen as a picture file.
  const { size, d } = qrPath('https://example.com/a1b2c3d4e5f6');
  const image = rasterQr(`<svg viewBox="-4 -4 ${size + 8} ${size + 8}"><path d="${d}"/></svg>`, 8);
  const photo = path.join(host.dir, 'photo.bmp');
  fs.writeFileSync(photo, bmp(image));
  await page.getByTestId('form-scan-file').setInputFiles(photo);
  await expect(page.getByTestId('form-scan-error')).toContainText('https://example.com/a1b2c3d4e5f6');
  await expect(page.getByTestId('form-scan-panel')).toBeVisible();
  await expect(page.getByTestId('verify-expect-hash')).toHaveValue('');
});
