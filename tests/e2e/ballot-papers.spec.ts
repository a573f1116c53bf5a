/**
 * Issue 13 item 1: the app prints the ballot papers itself, from the one layout the reader uses
 * (core/paper/layout.ts). Each paper is printed to PDF by Chromium (the engine of Electron's
 * printToPDF) and read back as a scanner would: pdftotext for the words, `pdftoppm -gray -r 150`
 * for the picture, where the corner squares and every mark box must sit within 0.7 mm of the
 * layout, the QR code must read back as the round's code, and two papers must be the same
 * picture (no serial: a paper cannot be tied to a voter).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { paperCodeText } from '../../core/paper/code.js';
import { paperInputOf } from '../../core/paper/input.js';
import { type Box, ballotLayout, PAGE_MM, type PaperInput, type PaperLayout } from '../../core/paper/layout.js';
import { decodeQr } from '../../renderer/components/qr-decode.js';
import { fromPgm, type Image } from '../qr-image.js';
import { type CandidateFacts, call } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { ballotPapersUrl, printBallotPapers } from './pages/papers.js';
import { contestOf, demoWithVoters } from './scenes.js';

test.describe.configure({ timeout: 240_000 });

const DPI = 150;
const PX_PER_MM = DPI / 25.4;
/** How far a printed edge may lie from the layout's: the reader's own tolerance is far wider. */
const TOLERANCE_MM = 0.7;
/** Where to keep the PDFs for a person to look at (`PAPERS_PDF_DIR=/tmp/papers npx playwright test …`). */
const keepDir = process.env.PAPERS_PDF_DIR;

/** A name of eight characters with a middle dot: it must stay whole in its 21 mm box. */
const LONG_NAME = '阿依古丽·买买提';
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾'];
const GIVEN = ['建国', '丽华', '志强', '秀英', '国平', '红梅', '海涛', '春燕', '文斌', '晓东'];

/** `n` distinct candidates from outside the roster, the first with the long name. */
function outsiders(n: number): CandidateFacts[] {
  return Array.from({ length: n }, (_, i) => ({
    delegateId: null,
    unit: null,
    name: i === 0 ? LONG_NAME : `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}${i >= 30 ? i : ''}`,
    gender: i % 2 === 0 ? ('female' as const) : ('male' as const),
    birthDate: '1975-05',
    ethnicity: i === 0 ? '维吾尔族' : '汉族',
    education: '大学',
  }));
}

/** The contest's paper as the reader will expect it: the layout of the round as stored. */
async function expectedLayout(
  host: TestHost,
  contestId: number,
  roundIndex = 0,
): Promise<{ input: PaperInput; layout: PaperLayout }> {
  const { contest, candidates, rounds } = await call(host, 'contests.get', { contestId });
  const { congress } = await call(host, 'congress.get', {});
  const round = rounds[roundIndex]!;
  const byId = new Map(candidates.map((c) => [c.id, c.name]));
  const input = paperInputOf(
    congress,
    contest,
    round,
    round.candidateIds.map((id) => ({ id, name: byId.get(id)! })),
  );
  return { input, layout: ballotLayout(input) };
}

function pdfPages(file: string): { count: number; sizes: { w: number; h: number }[] } {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2]),
  }));
  return { count, sizes };
}

/**
 * Every page is `size` portrait, in points: Chromium rounds the page to whole CSS pixels (A4
 * comes out 594.96 × 841.92 pt), a tenth of a millimetre, which the reader's corners absorb.
 */
function expectPages(file: string, pages: number, size: 'A4' | 'A3') {
  keep(file);
  const { count, sizes } = pdfPages(file);
  expect(count).toBe(pages);
  expect(sizes).toHaveLength(pages);
  const mm = PAGE_MM[size];
  const pt = (v: number) => (v / 25.4) * 72;
  for (const s of sizes) {
    expect(Math.abs(s.w - pt(mm.width)), `page width ${s.w} pt`).toBeLessThan(1);
    expect(Math.abs(s.h - pt(mm.height)), `page height ${s.h} pt`).toBeLessThan(1);
  }
}

/**
 * One page's text as laid out (a row of the grid on one line, rows top to bottom), every space and
 * line break then removed (pdftotext breaks lines where the paper does).
 */
const pageText = (file: string, n: number): string =>
  execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );

/** Page `n` rasterised as a grey scan at 150 dpi. */
function raster(file: string, n: number, out: string): { image: Image; bytes: Buffer } {
  execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(n), '-l', String(n), '-singlefile', file, out]);
  const bytes = fs.readFileSync(`${out}.pgm`);
  return { image: fromPgm(bytes), bytes };
}

const dark = (img: Image, x: number, y: number): boolean => (img.data[(y * img.width + x) * 4] ?? 255) < 128;

/** The bounds (mm) of the dark pixels within `box` grown by `margin` mm, or null when none is dark. */
function inkBounds(img: Image, box: Box, margin: number): Box | null {
  const x0 = Math.max(0, Math.floor((box.x - margin) * PX_PER_MM));
  const x1 = Math.min(img.width - 1, Math.ceil((box.x + box.w + margin) * PX_PER_MM));
  const y0 = Math.max(0, Math.floor((box.y - margin) * PX_PER_MM));
  const y1 = Math.min(img.height - 1, Math.ceil((box.y + box.h + margin) * PX_PER_MM));
  let [minX, minY, maxX, maxY] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, -1, -1];
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!dark(img, x, y)) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < 0) return null;
  // A pixel covers [x, x+1): the ink's far edge is the last dark pixel's far side.
  return {
    x: minX / PX_PER_MM,
    y: minY / PX_PER_MM,
    w: (maxX + 1 - minX) / PX_PER_MM,
    h: (maxY + 1 - minY) / PX_PER_MM,
  };
}

/** How far (mm) the printed ink's edges lie from the box's, the worst of the four. */
function edgeError(img: Image, box: Box, margin: number): number {
  const ink = inkBounds(img, box, margin);
  if (!ink) return Number.POSITIVE_INFINITY;
  return Math.max(
    Math.abs(ink.x - box.x),
    Math.abs(ink.y - box.y),
    Math.abs(ink.x + ink.w - (box.x + box.w)),
    Math.abs(ink.y + ink.h - (box.y + box.h)),
  );
}

/** The darkness of the pixel at a point in mm. */
const darkAt = (img: Image, x: number, y: number) => dark(img, Math.round(x * PX_PER_MM), Math.round(y * PX_PER_MM));

/**
 * The printed page against the layout: each corner square filled and in place, the orientation
 * square in place, each mark box an open frame (its middle white, each side dark) in place.
 */
function expectPrintedAsLaidOut(img: Image, layout: PaperLayout) {
  expect(img.width).toBe(Math.round(layout.width * PX_PER_MM));
  const errors: Record<string, number> = {};
  layout.corners.forEach((b, i) => {
    errors[`corner${i}`] = edgeError(img, b, 2);
    expect(darkAt(img, b.x + b.w / 2, b.y + b.h / 2), `corner ${i} is filled`).toBe(true);
  });
  errors.orientation = edgeError(img, layout.orientation, 1.2);
  const boxes = [
    ...layout.candidates.map((c) => ({ name: `mark${c.index}`, box: c.markBox })),
    ...layout.writeIns.map((w) => ({ name: `writeInMark${w.index}`, box: w.markBox })),
  ];
  for (const { name, box } of boxes) {
    // 1.5 mm around: clear of the name under the box and of the next cell's box.
    errors[name] = edgeError(img, box, 1.5);
    const mid = { x: box.x + box.w / 2, y: box.y + box.h / 2 };
    expect(darkAt(img, mid.x, mid.y), `${name}: the box is open`).toBe(false);
    for (const [x, y] of [
      [box.x + 0.25, mid.y],
      [box.x + box.w - 0.25, mid.y],
      [mid.x, box.y + 0.25],
      [mid.x, box.y + box.h - 0.25],
    ] as const) {
      expect(darkAt(img, x, y), `${name}: its border at (${x.toFixed(1)}, ${y.toFixed(1)}) mm`).toBe(true);
    }
  }
  const off = Object.entries(errors).filter(([, e]) => !(e <= TOLERANCE_MM));
  expect(off, 'printed edges more than 0.7 mm from the layout').toEqual([]);
}

/** The QR code read from the page's picture, in its layout box (a scanner's crop). */
function readCode(img: Image, layout: PaperLayout): string | null {
  const b = layout.code;
  const x0 = Math.floor((b.x - 2) * PX_PER_MM);
  const y0 = Math.floor((b.y - 2) * PX_PER_MM);
  const size = Math.ceil((b.w + 4) * PX_PER_MM);
  const crop = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    const from = ((y0 + y) * img.width + x0) * 4;
    crop.set(img.data.subarray(from, from + size * 4), y * size * 4);
  }
  return decodeQr({ data: crop, width: size, height: size });
}

function keep(file: string) {
  if (!keepDir) return;
  fs.mkdirSync(keepDir, { recursive: true });
  fs.copyFileSync(file, path.join(keepDir, path.basename(file)));
}

test("issue 13 item 1: print a round of 9 candidates (one named 阿依古丽·买买提, order approved reversed), 95 papers recorded as printed → 95 A4 pages, names in the approved order, the instructions from the convention; at 150 dpi the corners and every mark box lie within 0.7 mm of the layout, the QR reads the round's code, and two papers are the same picture (no serial)", async ({
  page,
  openApp,
  host,
}) => {
  const { meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  const people = outsiders(9);
  const scene = await contestOf(host, { meetingId, title: '党委委员', seats: 7, people, approve: false });
  // The approved order is not the order of entry: the paper follows the approval.
  const approved = [...scene.candidateIds].reverse();
  await call(host, 'candidates.approveOrder', { contestId: scene.contestId, candidateIds: approved });
  await call(host, 'rounds.distribute', { roundId: scene.roundId, ballotsPrinted: 95, issued: 89, spareVoided: 6 });
  const { input, layout } = await expectedLayout(host, scene.contestId);
  expect(layout.size).toBe('A4');

  const file = await printBallotPapers(page, host, scene.roundId, path.join(host.dir, 'papers-9.pdf'));
  expectPages(file, 95, 'A4');

  // The words: titles, round, the candidates in the approved order, the instructions, no number.
  const text = pageText(file, 1);
  const { congress } = await call(host, 'congress.get', {});
  expect(text).toContain(congress.name.replace(/\s+/g, ''));
  expect(text).toContain('党委委员选举票');
  expect(text).toContain('第1轮');
  const order = [...people].reverse().map((p) => p.name);
  const at = order.map((name) => text.indexOf(name));
  expect(
    at.every((i) => i >= 0),
    `every name printed whole: ${order.filter((_, i) => at[i]! < 0)}`,
  ).toBe(true);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  expect(text).toContain('同意的在候选人姓名上方的空格内划“○”,不同意的划“×”,不划任何符号的视为弃权。');
  expect(text).toContain('对候选人投不同意票的,可以另选他人');
  expect(text).toContain('并在姓名上方的空格内划“○”');
  expect(text).toContain('本次应选7名');
  expect(text.indexOf('另选他人,在')).toBeGreaterThan(-1);
  // No serial and no page number: nothing on the paper says which copy it is.
  expect(pageText(file, 2)).toBe(text);
  expect(text).not.toMatch(/第\d+页|\d+\/95/);

  // The picture: where the reader looks, the paper has its marks.
  const one = raster(file, 1, path.join(host.dir, 'paper-1'));
  const two = raster(file, 2, path.join(host.dir, 'paper-2'));
  expectPrintedAsLaidOut(one.image, layout);
  expect(readCode(one.image, layout)).toBe(paperCodeText(input));
  expect(two.bytes.equals(one.bytes), 'two papers are the same picture').toBe(true);
});

test("issue 13 item 1: a contest of 30 candidates for 25 seats is laid out on A3 and prints on A3 pages; before the round records a printed count the toolbar asks how many (default: voters present) and prints that many; the round screen's 打印选票 opens the papers", async ({
  page,
  context,
  openApp,
  host,
}) => {
  const { meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  const scene = await contestOf(host, { meetingId, title: '出席区党代会代表', seats: 25, people: outsiders(30) });
  const { input, layout } = await expectedLayout(host, scene.contestId);
  expect(layout.size).toBe('A3');

  // The entry on the round's screen opens the print window of this round's papers.
  await page.goto(`${host.url}#/contests?contest=${scene.contestId}`);
  await expect(page.getByTestId('round-print-papers')).toBeVisible();
  if (keepDir)
    await page
      .getByTestId('round-panel')
      .first()
      .screenshot({ path: path.join(keepDir, 'round-panel.png') });
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('round-print-papers').click()]);
  await popup.waitForLoadState();
  expect(decodeURIComponent(popup.url())).toContain(`#/print/ballot-papers?round=${scene.roundId}`);
  // A fresh window loads the app and its reads first: on a loaded machine that takes a while.
  await expect(popup.getByTestId('papers-copies')).toHaveValue('89', { timeout: 60_000 });
  await expect(popup.getByTestId('ballot-paper').first()).toHaveAttribute('data-size', 'A3');
  await popup.close();

  // Three copies asked for.
  await page.goto(ballotPapersUrl(host, scene.roundId));
  await expect(page.getByTestId('papers-copies')).toHaveValue('89', { timeout: 60_000 });
  await page.getByTestId('papers-copies').fill('3');
  await expect(page.getByTestId('ballot-paper')).toHaveCount(3, { timeout: 60_000 });
  await expect(page.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  const file = path.join(host.dir, 'papers-30.pdf');
  await page.pdf({ path: file, printBackground: true, preferCSSPageSize: true });
  expectPages(file, 3, 'A3');
  const text = pageText(file, 1);
  for (const c of input.candidates) expect(text).toContain(c.name);

  const one = raster(file, 1, path.join(host.dir, 'paper-a3'));
  expectPrintedAsLaidOut(one.image, layout);
  expect(readCode(one.image, layout)).toBe(paperCodeText(input));
});

test('issue 13 item 1: a paper group of two contests (党委委员, 纪委委员) printed twice → four pages, each copy one sheet per contest in contest order, each with its own title and its own code; a contest whose order is not approved prints nothing and says why; in English the words change and the boxes stay', async ({
  page,
  openApp,
  host,
}) => {
  const { meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  const group = '两委选票';
  const people = outsiders(12);
  const a = await contestOf(host, {
    meetingId,
    title: '党委委员',
    seats: 5,
    people: people.slice(0, 6),
    paperGroup: group,
  });
  const b = await contestOf(host, {
    meetingId,
    title: '纪委委员',
    seats: 3,
    people: people.slice(6, 10),
    paperGroup: group,
  });
  // Another contest of the meeting, not in the group: not printed. Its order is not approved yet,
  // so its own papers cannot be printed: the route says why and offers nothing to print.
  const other = await contestOf(host, {
    meetingId,
    title: '其他选举',
    seats: 1,
    people: people.slice(10, 12),
    approve: false,
  });
  await page.goto(ballotPapersUrl(host, other.roundId, { copies: 2 }));
  await expect(page.getByTestId('papers-notice')).toHaveText('「其他选举」的候选人顺序尚未确定,不能打印选票。');
  await expect(page.getByTestId('print-page')).toHaveAttribute('data-ready', 'false');
  await expect(page.getByTestId('print-pdf')).toBeDisabled();
  const file = await printBallotPapers(page, host, null, path.join(host.dir, 'group.pdf'), {
    group: { name: group, meetingId },
    copies: 2,
  });
  expectPages(file, 4, 'A4');
  const titles = [1, 2, 3, 4].map((n) => pageText(file, n));
  expect(titles.map((t) => (t.includes('党委委员选举票') ? 'a' : t.includes('纪委委员选举票') ? 'b' : '?'))).toEqual([
    'a',
    'b',
    'a',
    'b',
  ]);
  expect(titles.some((t) => t.includes('其他选举'))).toBe(false);
  const la = await expectedLayout(host, a.contestId);
  const lb = await expectedLayout(host, b.contestId);
  const pa = raster(file, 1, path.join(host.dir, 'group-1'));
  const pb = raster(file, 2, path.join(host.dir, 'group-2'));
  expect(readCode(pa.image, la.layout)).toBe(paperCodeText(la.input));
  expect(readCode(pb.image, lb.layout)).toBe(paperCodeText(lb.input));
  expectPrintedAsLaidOut(pb.image, lb.layout);

  // In English, like the other forms: the paper's words follow the UI's language, the boxes do not move.
  await page.evaluate((key) => window.localStorage.setItem(key, 'en'), 'congressDesk.language');
  await page.reload();
  const en = await printBallotPapers(page, host, b.roundId, path.join(host.dir, 'group-en.pdf'), { copies: 1 });
  // The count asked for the group's papers does not carry over to this link's (the window is reused).
  expectPages(en, 1, 'A4');
  const enText = execFileSync('pdftotext', ['-layout', en, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(enText).toContain('Ballot: 纪委委员');
  expect(enText).toContain('To vote for a candidate, draw “○” in the box above the name, to vote against, draw “×”');
  expect(enText).toContain('Write-in');
  expectPrintedAsLaidOut(raster(en, 1, path.join(host.dir, 'group-en')).image, lb.layout);
});
