/**
 * The ballot papers of a round (issue 13), printed as the app prints them: the print route
 * `#/print/ballot-papers` saved to PDF by Chromium with the page's own CSS size (A4 or A3, no
 * margin), so a spec can rasterise the PDF like a scan of the real paper.
 */
import type { Page } from '@playwright/test';
import { ballotLayout } from '../../../core/paper/layout.js';
import { call } from '../api.js';
import { expect } from '../fixtures.js';

export interface PrintPapersOptions {
  /** Copies to print when the round records no `ballotsPrinted` yet (else the toolbar's default). */
  copies?: number;
  /** A paper group instead of the round: `print/ballot-papers?group=…&meeting=…`. */
  group?: { name: string; meetingId: number };
}

/** The print route of a round's papers (or of a paper group's). */
export function ballotPapersUrl(host: { url: string }, roundId: number | null, options: PrintPapersOptions = {}) {
  const q = new URLSearchParams();
  if (options.group) {
    q.set('group', options.group.name);
    q.set('meeting', String(options.group.meetingId));
  } else if (roundId !== null) q.set('round', String(roundId));
  if (options.copies !== undefined) q.set('copies', String(options.copies));
  return `${host.url}#/print/ballot-papers?${q.toString()}`;
}

/**
 * Opens the round's papers in `page`, waits until they are laid out and prints them to `pdfPath`
 * (one page per paper, as many as the round records as printed). Returns `pdfPath`.
 */
export async function printBallotPapers(
  page: Page,
  host: { url: string },
  roundId: number | null,
  pdfPath: string,
  options: PrintPapersOptions = {},
): Promise<string> {
  await page.goto(ballotPapersUrl(host, roundId, options));
  // Laying out a hundred papers takes a while on a loaded machine.
  await expect(page.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible({ timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.pdf({ path: pdfPath, printBackground: true, preferCSSPageSize: true });
  return pdfPath;
}

/**
 * The layout a round's paper is printed from (core/paper/layout.ts), as the store knows the round:
 * where a spec draws marks on the rasterised paper. Also the round, its contest and candidates in paper order.
 */
export async function roundPaper(host: { port: number; token: string }, contestId: number, roundId: number) {
  const { congress } = await call(host, 'congress.get', {});
  const { contest, rounds, candidates } = await call(host, 'contests.get', { contestId });
  const round = rounds.find((r) => r.id === roundId)!;
  const order = round.candidateIds.map((cid) => candidates.find((c) => c.id === cid)!);
  const layout = ballotLayout({
    congressUid: congress.uid,
    congressTitle: congress.name,
    contestTitle: contest.title,
    contestId: contest.id,
    roundId,
    roundNumber: round.number,
    roundKind: round.kind,
    seats: round.seats,
    candidates: order.map((c) => ({ id: c.id, name: c.name })),
    convention: contest.marking,
  });
  return { congress, contest, round, order, layout };
}
