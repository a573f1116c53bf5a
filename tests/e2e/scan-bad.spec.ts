/**
 * Issue 13's bad pages, each saved into the folder the scan screen watches, as a scanner or a
 * clerk would leave them: a paper of the contest's earlier round, a page without its corner marks,
 * the blank back side of a sheet, the same image saved twice, a corrupt TIFF and a corrupt PDF.
 * Each is refused or skipped with a message in the UI's language naming the page or file (and for
 * the earlier round's paper, the round its code names), and nothing is committed: no ballot, no
 * change to the tally, and a refused page cannot be confirmed through the API either.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import type { Output } from '../../core/contract.js';
import { reasonText } from '../../core/reasons.js';
import { call, refused } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { printBallotPapers } from './pages/papers.js';
import { ScanScreen } from './pages/scan.js';
import { contestOf, demoWithVoters } from './scenes.js';

type OpenApp = (p?: Page) => Promise<Page>;

/** Page 1 of a PDF as a 200 dpi grey PNG, as a document scanner saves it. */
function raster(file: string, out: string): Buffer {
  execFileSync('pdftoppm', ['-gray', '-r', '200', '-f', '1', '-l', '1', '-singlefile', '-png', file, out]);
  return fs.readFileSync(`${out}.png`);
}

/**
 * 党委委员's round 1 papers printed, then more come back than were issued: round 1 is void and a
 * rerun opens (rule 6), its papers printed and 80 collected. Another contest comes first, so that
 * no round's id is its number. Returns round 1's and round 2's papers rasterised.
 */
async function rerunRound(page: Page, openApp: OpenApp, host: TestHost) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '计票人 赵敏' });
  await contestOf(host, { meetingId, title: '纪委委员', people: voting.slice(10, 13) });
  const { contestId, roundId: first } = await contestOf(host, {
    meetingId,
    title: '党委委员',
    people: voting.slice(0, 3),
  });
  const work = path.join(host.dir, 'work');
  fs.mkdirSync(work, { recursive: true });
  await call(host, 'rounds.distribute', { roundId: first, ballotsPrinted: 10, issued: 10, spareVoided: 0 });
  const oldPdf = await printBallotPapers(page, host, first, path.join(work, 'round1.pdf'));
  await call(host, 'rounds.collect', { roundId: first, collected: 11 });
  const { rounds } = await call(host, 'contests.get', { contestId });
  expect(rounds.map((r) => [r.number, r.status])).toEqual([
    [1, 'void'],
    [2, 'setup'],
  ]);
  expect(first).not.toBe(1);
  const roundId = rounds[1]!.id;
  await call(host, 'rounds.distribute', { roundId, ballotsPrinted: 89, issued: 89, spareVoided: 0 });
  await call(host, 'rounds.collect', { roundId, collected: 80 });
  const pdf = await printBallotPapers(page, host, roundId, path.join(work, 'round2.pdf'));
  return {
    roundId,
    pdf,
    oldPaper: raster(oldPdf, path.join(work, 'old')),
    paper: raster(pdf, path.join(work, 'paper')),
  };
}

/** The scan screen of the round, watching `host.dir/scanner`, and the files saved there. */
async function scanFolder(page: Page, host: TestHost, roundId: number, files: readonly [string, Buffer][]) {
  const scan = new ScanScreen(page);
  await scan.open(host, roundId);
  const scanner = path.join(host.dir, 'scanner');
  fs.mkdirSync(scanner, { recursive: true });
  await scan.watchFolder(host.dir, 'scanner');
  for (const [name, bytes] of files) fs.writeFileSync(path.join(scanner, name), bytes);
  return scan;
}

/** The page received from file `name` once the reader is done with it. */
async function pageNamed(host: TestHost, roundId: number, name: string) {
  let row: Output<'scan.pages'>[number] | undefined;
  await expect
    .poll(
      async () => {
        row = (await call(host, 'scan.pages', { roundId })).find((p) => p.sourceName === name);
        return row?.status ?? 'absent';
      },
      { timeout: 60_000 },
    )
    .toMatch(/^(read|refused|confirmed)$/);
  return row!;
}

test("issue 13, bad pages in the scanner's folder: an earlier round's paper, no corner marks, a blank back side, the same image twice, a corrupt TIFF and a corrupt PDF are each refused or skipped naming the page, nothing committed", async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(240_000);
  const { roundId, pdf, oldPaper, paper } = await rerunRound(page, openApp, host);
  const { width, height } = await sharp(paper).metadata();
  const w = width!;
  const h = height!;
  // The corner squares sit 8–16 mm in from each edge: white over a 20 mm band at each corner.
  const band = Math.round((20 / 210) * w);
  const white = await sharp({ create: { width: band, height: band, channels: 3, background: '#fff' } })
    .png()
    .toBuffer();
  const noCorners = await sharp(paper)
    .composite([
      { input: white, left: 0, top: 0 },
      { input: white, left: w - band, top: 0 },
      { input: white, left: w - band, top: h - band },
      { input: white, left: 0, top: h - band },
    ])
    .jpeg({ quality: 85 })
    .toBuffer();
  // The back of a sheet: paper white with the scanner's faint noise, nothing printed.
  const back = await sharp({ create: { width: w, height: h, channels: 3, background: '#f6f6f4' } })
    .jpeg({ quality: 80 })
    .toBuffer();
  const good = await sharp(paper).jpeg({ quality: 85 }).toBuffer();
  // A TIFF cut off after its header, a PDF cut off in its first object.
  const tiff = (await sharp(paper).tiff().toBuffer()).subarray(0, 600);
  const brokenPdf = Buffer.concat([fs.readFileSync(pdf).subarray(0, 400), Buffer.from('\n%%garbage\n')]);

  const files: [string, Buffer][] = [
    ['a-round1.png', oldPaper],
    ['b-no-corners.jpg', noCorners],
    ['c-back.jpg', back],
    ['d-good.jpg', good],
    ['e-good-again.jpg', good],
    ['f-broken.tif', tiff],
    ['g-broken.pdf', brokenPdf],
  ];
  const before = {
    ballots: await call(host, 'ballots.list', { roundId }),
    tally: (await call(host, 'rounds.result', { roundId })).tally,
  };
  const scan = await scanFolder(page, host, roundId, files);

  // The pages received: the three bad ones refused once read, the good one waiting for a person.
  const old = await pageNamed(host, roundId, 'a-round1.png');
  expect(old.status).toBe('refused');
  expect(old.refusal?.code).toBe('scan.other_round_named');
  const corners = await pageNamed(host, roundId, 'b-no-corners.jpg');
  expect(corners.refusal?.code).toBe('scan.no_corners');
  const blankBack = await pageNamed(host, roundId, 'c-back.jpg');
  expect(blankBack.refusal?.code).toBe('scan.blank_page');
  const kept = await pageNamed(host, roundId, 'd-good.jpg');
  expect(kept.status).toBe('read');

  // Each in the UI's language, naming the page; round 1's paper says the round its code names.
  for (const row of [old, corners, blankBack]) {
    const item = scan.pageItem(row.seq);
    await expect(item).toHaveAttribute('data-status', 'refused');
    await expect(item).toContainText(row.sourceName);
    await expect(item).toContainText(reasonText(row.refusal!.code, row.refusal!.params, 'zh-CN')!);
  }
  // Skipped, never received: the same image again (naming the earlier page), the corrupt files.
  await expect(scan.skip('e-good-again.jpg')).toContainText(
    reasonText('scan.duplicate_image', { name: 'e-good-again.jpg', seq: kept.seq, earlier: 'd-good.jpg' }, 'zh-CN')!,
  );
  await expect(scan.skip('f-broken.tif')).toContainText('f-broken.tif');
  await expect(scan.skip('f-broken.tif')).toHaveAttribute('data-code', 'scan.unreadable_file');
  await expect(scan.skip('g-broken.pdf')).toContainText('g-broken.pdf');
  await expect(scan.skip('g-broken.pdf')).toHaveAttribute('data-code', 'scan.unreadable_file');
  const received = await call(host, 'scan.pages', { roundId });
  expect(received.map((p) => p.sourceName).sort()).toEqual([
    'a-round1.png',
    'b-no-corners.jpg',
    'c-back.jpg',
    'd-good.jpg',
  ]);

  // A refused page cannot be committed by a script either.
  const sneak = await refused(host, 'ballots.enter', {
    roundId,
    marks: ['circle', 'circle', 'cross'],
    writeIns: [],
    setAside: false,
    stack: null,
    entry: null,
    pageId: old.id,
  });
  expect(sneak.reason).toBe('scan.page_refused');

  // Nothing committed.
  expect(await call(host, 'ballots.list', { roundId })).toEqual(before.ballots);
  expect((await call(host, 'rounds.result', { roundId })).tally).toEqual(before.tally);
  await page.screenshot({ path: 'test-results/scan-bad/refused.png' });

  // The same in English: the screen's words follow the language.
  await page.getByTestId('language-switch').getByText('English').click();
  await expect(scan.pageItem(old.seq)).toContainText(reasonText(old.refusal!.code, old.refusal!.params, 'en')!);
});

test('attack "a leftover paper of the void round 1, scanned in the rerun, was refused as 「编码中的轮次 2」 (the database id, which read as this very round)": the refusal names 第 1 轮', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(180_000);
  const { roundId, oldPaper } = await rerunRound(page, openApp, host);
  const scan = await scanFolder(page, host, roundId, [['round1-leftover.png', oldPaper]]);
  const old = await pageNamed(host, roundId, 'round1-leftover.png');
  expect(old.refusal?.code).toBe('scan.other_round_named');
  const item = scan.pageItem(old.seq);
  await expect(item).toHaveAttribute('data-status', 'refused');
  // The counter at 第 2 轮 must read which round the paper is of, as rounds are named on screen.
  await expect(item).toContainText(/第\s*1\s*轮/);
  expect(await call(host, 'ballots.list', { roundId })).toEqual([]);
});
