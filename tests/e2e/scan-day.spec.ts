/**
 * Issue 13's own Playwright test, 「Paper in, paper out」 in one counting room: the round's ballot
 * papers printed by the app to PDF, rasterised as a scanner would (pdftoppm -gray -r 200), 50 of
 * them marked by the corpus generator the way voters mark (tests/scan/corpus.ts, with the truth
 * kept), saved into the folder the scanner writes to, which the scan screen watches. The counter
 * confirms every paper on screen: corrects two readings, decides the one doubtful box, types the
 * one written-in name; the round closes and its tally is the generator's truth (judged by core's
 * own rules, with the counter's corrections, decision and name), and the hall's board followed.
 *
 * The badge round trip of the issue (print the badges, scan one back, check the delegate in) is
 * tests/e2e/badges.spec.ts's (helper "badges"), not repeated here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { writeInContext } from '../../core/ballot.js';
import type { Output } from '../../core/contract.js';
import type { BallotMarks, PaperMark } from '../../core/election-types.js';
import type { BoxReading } from '../../core/paper/reading.js';
import { tallyRound } from '../../core/tally.js';
import { markPaper, type PaperTruth, prng, truthFor } from '../scan/corpus.js';
import { cleanStyle } from '../scan/marks-draw.js';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { printBallotPapers, roundPaper } from './pages/papers.js';
import { RoundPanel } from './pages/round.js';
import { ScanScreen } from './pages/scan.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

type ScanPage = Output<'scan.pages'>[number];

const PAPERS = 50;
/** A fixed seed: the same 50 papers every run. */
const SEED = 130_050;
const WRITTEN = '郑明亮';

/** The planned exceptions, by paper (0-based, the order the scanner saves them in). */
const DOUBTFUL = 7;
const WRITE_IN = 12;
const CORRECTED = [20, 33] as const;
/** The box the counter corrects on those papers, and what the counter decides the doubtful box is. */
const CORRECTED_BOX = 2;
const DECIDED: PaperMark = 'cross';

/** Another mark than `m`: what the counter keys over a reading, looking at the paper. */
const other = (m: PaperMark): PaperMark => (m === 'circle' ? 'cross' : 'circle');
const definite = (r: BoxReading): r is PaperMark => r === 'circle' || r === 'cross' || r === 'none';

test("issue 13, the scanned day: print a round's papers to PDF, rasterise, mark 50 with the generator, save them into the watched folder, confirm each on screen (correct two readings, decide one doubtful box, type one written-in name), close the round: the tally is the truth's and the board followed", async ({
  page,
  context,
  openApp,
  host,
}) => {
  test.setTimeout(600_000);
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '计票人 赵敏' });
  // 5 candidates for 3 seats: one row of candidates and three 另选他人 lines on an A4 paper.
  const scene = await contestOf(host, { meetingId, title: '党委委员', seats: 3, people: voting.slice(0, 5) });
  const { contestId, roundId } = scene;
  await countThroughApi(host, roundId, { issued: 89, collected: PAPERS });
  // The layout the paper is printed from: where the generator draws each mark.
  const { contest, round, order, layout } = await roundPaper(host, contestId, roundId);
  const convention = contest.marking;
  expect(layout.size).toBe('A4');

  // ——— Print: the app's own paper, to PDF; rasterised as a 200 dpi grey scan ———
  const work = path.join(host.dir, 'work');
  fs.mkdirSync(work, { recursive: true });
  const pdf = await printBallotPapers(page, host, roundId, path.join(work, 'papers.pdf'));
  const blank = rasterise(pdf, 1);
  // No serial: another copy of the paper is the same picture.
  expect(rasterise(pdf, 89).equals(blank)).toBe(true);

  // ——— 50 papers marked by the generator, the truth kept ———
  const truths: PaperTruth[] = [];
  for (let i = 0; i < PAPERS; i++) {
    const rng = prng(SEED + i);
    // Most voters mark cleanly (○ × or nothing), a scanner's mild effects; the planned exceptions below.
    const truth = truthFor(layout, rng, {
      doubtful: 0,
      tick: 0,
      effects: 'scanner',
      ...(i === WRITE_IN
        ? { marks: ['cross', 'circle', 'circle', 'none', 'none'], writeInLines: [0] }
        : { writeInLines: [] }),
    });
    if (i === DOUBTFUL) {
      // ○ and × in one box: the reader must leave it to a person.
      const box = truth.marks[1]!;
      truth.marks[1] = { ...box, drawn: 'both', clean: false, expect: 'uncertain', accept: [], style: cleanStyle(rng) };
    }
    truths.push(truth);
  }
  const names = truths.map((_, i) => `scan-${String(i + 1).padStart(3, '0')}.jpg`);
  for (const [i, truth] of truths.entries()) {
    fs.writeFileSync(path.join(work, names[i]!), await markPaper(blank, truth, prng(SEED + 1000 + i)));
  }

  // What each paper must commit as: the truth, the doubtful box as decided, the two corrections, the typed name.
  const intended = truths.map((truth, i) => {
    const marks = truth.marks.map((m): PaperMark => (m.clean ? (m.drawn as PaperMark) : DECIDED));
    if ((CORRECTED as readonly number[]).includes(i)) marks[CORRECTED_BOX] = other(marks[CORRECTED_BOX]!);
    const writeIns = truth.writeIns
      .filter((w) => w.nameChars > 0)
      .map(() => ({ name: WRITTEN, mark: 'circle' as PaperMark }));
    return { marks, writeIns } satisfies BallotMarks;
  });

  // ——— The board in the hall, the scan screen at the counting table ———
  const board = await context.newPage();
  await board.goto(`${host.url}#/tally?contest=${contestId}`);
  await expect(board.getByTestId('tally-counted')).toContainText('0');

  const scan = new ScanScreen(page);
  await scan.open(host, roundId);
  const scanner = path.join(host.dir, 'scanner');
  fs.mkdirSync(scanner, { recursive: true });
  await scan.watchFolder(host.dir, 'scanner');
  // The scanner saves the pages one after another into its folder.
  for (const name of names) fs.copyFileSync(path.join(work, name), path.join(scanner, name));
  await expect.poll(async () => (await call(host, 'scan.pages', { roundId })).length, { timeout: 90_000 }).toBe(PAPERS);

  // ——— The counter confirms each paper as the screen opens it ———
  let decided = 0;
  let corrected = 0;
  let typed = 0;
  /** Clean marks and empty lines the reader left to a person anyway: what it costs the counter. */
  let flagged = 0;
  const committed = new Map<string, number>();
  for (let n = 0; n < PAPERS; n++) {
    const pageRow = await readOpenPage(host, roundId, await scan.openedPageId());
    const i = names.indexOf(pageRow.sourceName);
    expect(i, `page ${pageRow.seq} is one of ours: ${pageRow.sourceName}`).toBeGreaterThanOrEqual(0);
    const truth = truths[i]!;
    const want = intended[i]!;
    const reading = pageRow.reading!;
    expect(reading.marks).toHaveLength(order.length);
    for (const [k, box] of reading.marks.entries()) {
      const drawn = truth.marks[k]!;
      if (!definite(box.read)) {
        // The reader leaves a doubtful box to a person, who decides it looking at the page.
        await scan.decide(k, want.marks[k]!);
        if (!drawn.clean) decided++;
        else flagged++;
        continue;
      }
      // A mark read as another and not flagged is the one error the reader may not make.
      expect(drawn.accept, `${names[i]}, box ${k + 1}: drawn ${drawn.drawn}, read ${box.read}`).toContain(box.read);
      if (box.read !== want.marks[k]) {
        // The counter keys another mark over the reading: the reading is only a draft.
        await scan.setMark(k, want.marks[k]!);
        corrected++;
      }
    }
    for (const [line, w] of reading.writeIns.entries()) {
      const hasName = truth.writeIns[line]!.nameChars > 0;
      // A written name not seen would be lost silently; ink seen where none was written only costs a look.
      if (hasName) expect(w.nameInk, `${names[i]}, 另选他人 ${line + 1}: the name's ink`).toBe(true);
      if (!hasName) {
        if (w.nameInk || w.mark.read !== 'none') {
          await scan.clearWriteIn(line);
          flagged++;
        }
        continue;
      }
      // The app never reads a handwritten name: the counter types it from the crop on screen.
      await expect(scan.writeInCrop(line)).toBeVisible();
      if (!definite(w.mark.read)) await scan.decideWriteIn(line, 'circle');
      else expect(w.mark.read).toBe('circle');
      await scan.typeWriteIn(line, WRITTEN);
      await page.screenshot({ path: 'test-results/scan-day/write-in.png' });
      typed++;
    }
    await scan.confirm();
    committed.set(pageRow.sha256, i);
    await expect(scan.confirmed).toHaveText(String(n + 1));
    if (n === 24) await expect(board.getByTestId('tally-counted')).toContainText('25');
  }
  expect({ decided, corrected, typed }).toEqual({ decided: 1, corrected: 2, typed: 1 });
  // What the reader cost the counter, for the report (the budget, ≤ 2 % of clean boxes, is the bench's scan.flagged).
  test.info().annotations.push({
    type: 'scan.flagged',
    description: `${flagged} of ${PAPERS * (order.length + layout.writeIns.length)} clean boxes and empty lines left to a person`,
  });

  // ——— Every ballot came from its page, with the image's hash, as intended ———
  const ballots = await call(host, 'ballots.list', { roundId });
  expect(ballots).toHaveLength(PAPERS);
  for (const b of ballots) {
    expect(b.source).toBe('scan');
    const i = committed.get(b.imageSha256 ?? '');
    expect(i, `ballot ${b.seq} names a page we scanned`).toBeDefined();
    expect({ marks: b.marks, writeIns: b.writeIns }).toEqual(intended[i!]);
  }

  // ——— The tally is the truth's, judged by core's own rules ———
  const expected = tallyRound(
    order.length,
    intended.map((marks) => ({ marks, status: 'counted' as const })),
    round.seats,
    convention,
    writeInContext({ printed: order.map((c) => c.name) }),
  );
  expect(expected.writeIns).toEqual([{ name: WRITTEN, for: 1 }]);
  const live = await call(host, 'rounds.result', { roundId });
  expect(live.tally).toMatchObject({
    counted: PAPERS,
    valid: expected.valid,
    invalid: expected.invalid,
    candidates: expected.candidates,
    writeIns: expected.writeIns,
  });

  // ——— The board followed ———
  await expect(board.getByTestId('tally-counted')).toContainText(String(PAPERS));
  await expect(board.getByTestId('tally-valid')).toContainText(String(expected.valid));
  await expect(board.getByTestId('tally-invalid')).toContainText(String(expected.invalid));
  for (const [k, c] of order.entries()) {
    await expect(board.locator(`[data-testid="tally-row"][data-name="${c.name}"]`)).toHaveAttribute(
      'data-votes',
      String(expected.candidates[k]!.for),
    );
  }
  await expect(board.locator(`[data-testid="tally-row"][data-name="${WRITTEN}"]`)).toHaveAttribute('data-votes', '1');

  // ——— The round closes; the result is the truth's ———
  const panel = new RoundPanel(page);
  await panel.open(host, contestId);
  await panel.close();
  const closed = await call(host, 'rounds.result', { roundId });
  expect(closed.tally.candidates).toEqual(expected.candidates);
  await expect(board.getByTestId('tally-state')).toHaveAttribute('data-provisional', 'false');
});

/** Page `n` of a PDF as a 200 dpi grey PNG, as a document scanner saves it (poppler's pdftoppm). */
function rasterise(pdf: string, n: number): Buffer {
  const out = path.join(path.dirname(pdf), `page-${n}`);
  execFileSync('pdftoppm', ['-gray', '-png', '-r', '200', '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  return fs.readFileSync(`${out}.png`);
}

/** The page the screen has open, as the store has it, once it is read. */
async function readOpenPage(host: { port: number; token: string }, roundId: number, pageId: number) {
  let row: ScanPage | undefined;
  await expect
    .poll(async () => {
      row = (await call(host, 'scan.pages', { roundId })).find((p) => p.id === pageId);
      return row?.status;
    })
    .toBe('read');
  return row!;
}
