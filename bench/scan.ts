/**
 * scan.*: the reader (db/scan/read.ts readPage) over the generated corpus (tests/scan/corpus.ts):
 * 2,000 papers of one round, printed by the app itself (the print route to PDF in Chromium,
 * rasterised by pdftoppm at 150, 200 and 300 dpi), marked as voters mark them, scanned or
 * photographed (rotation ±5° and 180°, scale ±5 %, perspective, blur, noise, light, JPEG 60–92).
 *
 * - scan.read.p99: ms per page, 300 dpi pages only, JPEG decode included (the bytes in memory);
 * - scan.marks.accuracy: boxes read right / boxes not flagged for a person;
 * - scan.silent_errors: boxes read as a definite mark that is wrong and not flagged (a doubtful
 *   box read as a mark it is not counts), plus a written 另选他人 name the reader saw no ink in;
 * - scan.flagged: clean ○ × blank boxes sent to a person / clean ○ × blank boxes;
 * - scan.refused_good: good pages refused (must be 0).
 *
 * The printed paper and the corpus are cached in the temp folder (keyed by seed, size and the
 * generator's version), so a second run only reads. `SCAN_CORPUS=200` for a shorter run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { candidateFromDelegate } from '../core/candidates.js';
import { paperCodeText } from '../core/paper/code.js';
import { paperInputOf } from '../core/paper/input.js';
import { ballotLayout, LAYOUT_VERSION, type PaperLayout } from '../core/paper/layout.js';
import { readPage } from '../db/scan/read.js';
import { CORPUS_VERSION, generateCorpus, type Score, scoreReading } from '../tests/scan/corpus.js';
import { approvedContest } from './congress.js';
import { percentile, type Reporter } from './report.js';
import { onStage } from './stage.js';

const SEED = 20251201;
const PAPERS = Number(process.env.SCAN_CORPUS ?? 2000);
const CANDIDATES = 9;
const SEATS = 7;

interface Paper {
  layout: PaperLayout;
  code: { congressUid: string; contestId: number; roundId: number; layoutVersion: number };
  pdf: string | null;
}

/**
 * The round's paper as the app prints it, once: a demo congress, a contest of 9 for 7 seats,
 * the print route saved to PDF. Kept in the temp folder (the congress's uid is random, and the
 * corpus is keyed by the paper's bytes).
 */
async function printedPaper(): Promise<Paper> {
  const dir = path.join(tmpdir(), `congress-scan-paper-v${CORPUS_VERSION}-l${LAYOUT_VERSION}`);
  const meta = path.join(dir, 'paper.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as Paper;
  mkdirSync(dir, { recursive: true });
  let paper: Paper | null = null;
  await onStage('scan', async ({ call, browse, host }) => {
    await call('congress.openDemo', {});
    const { congress } = await call('congress.get', {});
    if (congress.currentMeetingId === null) throw new Error('the demo congress has no current meeting');
    const voting = (await call('delegates.list', {})).filter((d) => d.category === 'voting');
    const roundId = await approvedContest(
      call,
      congress.currentMeetingId,
      '党委委员',
      SEATS,
      voting.slice(0, CANDIDATES).map(candidateFromDelegate),
    );
    const contests = await call('contests.list', { meetingId: congress.currentMeetingId });
    const contestId = contests.find((c) => c.title === '党委委员')?.id;
    if (contestId === undefined) throw new Error('the bench contest is missing');
    const { contest, rounds, candidates } = await call('contests.get', { contestId });
    const round = rounds.find((r) => r.id === roundId);
    if (!round) throw new Error('the bench round is missing');
    const order = round.candidateIds.map((id) => candidates.find((c) => c.id === id)!);
    const layout = ballotLayout(paperInputOf(congress, contest, round, order));
    const context = await browse();
    // A print route opens without the operator's dialog where the app allows it; else sign in first.
    const page = await context.newPage();
    await page.goto(`${host.url}#/print/ballot-papers?round=${roundId}&copies=1`);
    const asked = await page
      .getByTestId('operator-name')
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (asked) {
      await page.getByTestId('operator-name').fill('计票人 赵敏');
      await page.getByTestId('operator-submit').click();
    }
    await page.locator('[data-testid="print-page"][data-ready="true"]').waitFor({ timeout: 120_000 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = path.join(dir, 'paper.pdf');
    await page.pdf({ path: pdf, printBackground: true, preferCSSPageSize: true });
    paper = { layout, code: { congressUid: congress.uid, contestId, roundId, layoutVersion: LAYOUT_VERSION }, pdf };
  });
  if (!paper) throw new Error('the paper was not printed');
  writeFileSync(meta, JSON.stringify(paper));
  return paper;
}

export async function benchScan(report: Reporter): Promise<void> {
  const paper = await printedPaper();
  const t0 = performance.now();
  const corpus = await generateCorpus({
    seed: SEED,
    papers: PAPERS,
    layout: paper.layout,
    pdf: paper.pdf ?? undefined,
    codeText: paperCodeText(paper.code),
    onProgress: (n, total) => {
      if (n % 100 === 0) console.log(`scan corpus: ${n} / ${total} papers`);
    },
  });
  const made = corpus.cached ? 'cached' : `made in ${Math.round((performance.now() - t0) / 1000)} s`;
  const expected = { code: paper.code, layout: paper.layout };
  const ms300: number[] = [];
  const total: Omit<Score, 'silent' | 'refused'> & { silent: number; refused: number } = {
    boxes: 0,
    unflagged: 0,
    correct: 0,
    silent: 0,
    clean: 0,
    cleanFlagged: 0,
    doubtful: 0,
    doubtfulFlagged: 0,
    namesMissed: 0,
    namesFalse: 0,
    refused: 0,
  };
  const examples: string[] = [];
  // One read before the clock: OpenCV's and zxing's wasm load once per process.
  if (corpus.entries[0]) await readPage(readFileSync(corpus.entries[0].jpg), expected);
  for (const e of corpus.entries) {
    const bytes = readFileSync(e.jpg);
    const start = performance.now();
    const outcome = await readPage(bytes, expected);
    const ms = performance.now() - start;
    if (e.truth.effects.dpi === 300) ms300.push(ms);
    const s = scoreReading(e.truth, outcome);
    for (const k of [
      'boxes',
      'unflagged',
      'correct',
      'clean',
      'cleanFlagged',
      'doubtful',
      'doubtfulFlagged',
    ] as const) {
      total[k] += s[k];
    }
    total.namesMissed += s.namesMissed;
    total.namesFalse += s.namesFalse;
    total.silent += s.silent.length + s.namesMissed;
    if (s.refused) {
      total.refused++;
      if (examples.length < 8) examples.push(`#${e.n} refused ${s.refused}`);
    }
    for (const x of s.silent) if (examples.length < 8) examples.push(`#${e.n} ${x.box} ${x.drawn}→${x.read}`);
  }
  if (examples.length > 0) console.log(`scan: examples (${corpus.dir}):\n  ${examples.join('\n  ')}`);
  const note = `${corpus.entries.length} papers (${ms300.length} at 300 dpi), ${total.boxes} boxes, paper ${corpus.source}, corpus ${made}`;
  report.add({ bench: 'scan.read.p99', value: percentile(ms300, 99), unit: 'ms', budget: 100, note });
  report.add({
    bench: 'scan.marks.accuracy',
    value: total.unflagged === 0 ? 0 : total.correct / total.unflagged,
    unit: 'ratio',
    note: `${total.correct} / ${total.unflagged} unflagged boxes (budget ≥ 0.999)`,
  });
  report.add({
    bench: 'scan.silent_errors',
    value: total.silent,
    unit: 'ratio',
    budget: 0,
    note: `boxes read wrong unflagged + ${total.namesMissed} names missed; ${total.doubtfulFlagged} / ${total.doubtful} doubtful flagged`,
  });
  report.add({
    bench: 'scan.flagged',
    value: total.clean === 0 ? 0 : total.cleanFlagged / total.clean,
    unit: 'ratio',
    budget: 0.02,
    note: `${total.cleanFlagged} / ${total.clean} clean boxes; ${total.namesFalse} empty name fields flagged`,
  });
  report.add({
    bench: 'scan.refused_good',
    value: total.refused,
    unit: 'ratio',
    budget: 0,
    note: 'good pages refused',
  });
}
