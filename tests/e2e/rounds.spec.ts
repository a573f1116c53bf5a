/**
 * Counting-room flows beyond the plain count: correcting and voiding a committed ballot,
 * more papers collected than issued (the round is void, a rerun opens), fewer elected than
 * seats (另行选举, or the presidium reduces the seats), and a tie at the cut (a revote).
 * The scene is set through the API; each flow is driven on screen.
 */
import type { Page } from '@playwright/test';
import { suggestBallotOrder } from '../../core/ballot-order.js';
import type { PaperMark } from '../../core/election-types.js';
import { call } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { RoundPanel } from './pages/round.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

const KEY = { o: 'o', x: 'x', '-': ' ' } as const;
const MARK: Record<string, PaperMark> = { o: 'circle', x: 'cross', '-': 'none' };
const marksOf = (s: string): PaperMark[] => [...s].map((c) => MARK[c]!);

/** The demo congress open on screen, and 89 of its 110 voting delegates present (the quorum). */
const openDemo = (page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost) =>
  demoWithVoters(page, openApp, host, { operator: '总监票人 钱军' });

/** A contest of three candidates for two seats, its order approved; the first round's id. */
const setUpContest = (
  host: TestHost,
  scene: Awaited<ReturnType<typeof openDemo>>,
  title: string,
  people = scene.voting.slice(0, 3),
) => contestOf(host, { meetingId: scene.meetingId, title, people });

/** Papers issued to the 89 present and `papers` collected and entered through the API. */
const countPapers = (host: TestHost, roundId: number, papers: string[]) =>
  countThroughApi(host, roundId, { issued: 89, papers: papers.map((marks) => ({ marks })) });

const closeRound = (page: Page) => new RoundPanel(page).close();

const repeat = (marks: string, n: number) => Array.from({ length: n }, () => marks);

test('a committed ballot is corrected and another voided, each with a reason', async ({ page, openApp, host }) => {
  const scene = await openDemo(page, openApp, host);
  const { roundId } = await setUpContest(host, scene, '纪委委员');
  // Fewer issued than present is allowed (with a warning on screen).
  await call(host, 'rounds.distribute', { roundId, ballotsPrinted: 10, issued: 10, spareVoided: 0 });
  await call(host, 'rounds.collect', { roundId, collected: 3 });

  await page.goto(`${host.url}#/count?round=${roundId}`);
  await expect(page.getByTestId('ballot-sheet')).toBeVisible();
  for (const marks of ['oox', 'oxo', 'xoo']) {
    for (const m of marks) await page.keyboard.press(KEY[m as keyof typeof KEY]);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('count-progress')).toContainText('3');
  await expect(page.locator('[data-testid="recent-ballot"][data-state="counted"]')).toHaveCount(3);

  // Ballot 1 was keyed ○○× but the paper reads ×○○.
  await page.locator('[data-testid="recent-ballot"][data-seq="1"]').getByTestId('ballot-correct').click();
  await expect(page.getByTestId('count-correcting')).toBeVisible();
  for (const m of 'xoo') await page.keyboard.press(KEY[m as keyof typeof KEY]);
  await page.keyboard.press('Enter');
  await page.getByTestId('correct-text').fill('第1张录入有误');
  await page.getByTestId('correct-submit').click();
  await expect(page.getByTestId('count-correcting')).toBeHidden();
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-kind', 'corrected');
  await expect(page.locator('[data-testid="recent-ballot"][data-seq="1"]')).toHaveAttribute('data-state', 'superseded');

  // Ballot 2 was keyed twice from one paper.
  await page.locator('[data-testid="recent-ballot"][data-seq="2"]').getByTestId('ballot-void').click();
  await page.getByTestId('void-text').fill('重复录入');
  await page.getByTestId('void-submit').click();
  await expect(page.locator('[data-testid="recent-ballot"][data-seq="2"]')).toHaveAttribute('data-state', 'voided');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-kind', 'voided');

  const ballots = await call(host, 'ballots.list', { roundId });
  expect(ballots).toHaveLength(4);
  const bySeq = (seq: number) => ballots.find((b) => b.seq === seq)!;
  expect(bySeq(1)).toMatchObject({ state: 'superseded', reason: '第1张录入有误', marks: marksOf('oox') });
  expect(bySeq(2)).toMatchObject({ state: 'voided', reason: '重复录入', marks: marksOf('oxo') });
  expect(bySeq(3)).toMatchObject({ state: 'counted', marks: marksOf('xoo') });
  expect(bySeq(4)).toMatchObject({
    state: 'counted',
    replaces: bySeq(1).id,
    reason: '第1张录入有误',
    marks: marksOf('xoo'),
  });

  // The tally counts ×○○ twice and nothing else.
  const result = await call(host, 'rounds.result', { roundId });
  expect(result.tally.counted).toBe(2);
  expect(result.tally.candidates.map((c) => c.for)).toEqual([0, 2, 2]);
  expect(result.tally.candidates.map((c) => c.against)).toEqual([2, 0, 0]);
  expect(result.provisional).toContain('ballots_missing');
  await expect(page.getByTestId('count-progress')).toContainText('2');
});

test('more papers collected than issued voids the round and opens a rerun', async ({ page, openApp, host }) => {
  const scene = await openDemo(page, openApp, host);
  const { contestId, roundId } = await setUpContest(host, scene, '纪委委员');
  await call(host, 'rounds.distribute', { roundId, ballotsPrinted: 10, issued: 10, spareVoided: 0 });

  await page.goto(`${host.url}#/contests?contest=${contestId}`);
  await expect(page.getByTestId('collect-form')).toBeVisible();
  await page.getByTestId('collect-count').fill('11');
  await expect(page.getByTestId('collect-over')).toBeVisible();
  await page.getByTestId('collect-submit').click();
  await expect(page.getByTestId('round-rerun')).toBeVisible();
  await expect(page.getByTestId('round-rerun')).toContainText('11');

  await expect(page.getByTestId('round-tab')).toHaveCount(2);
  await expect(page.getByTestId('round-tab').nth(0).getByTestId('round-status-void')).toBeVisible();
  await expect(page.getByTestId('round-tab').nth(1)).toContainText('重新选举');
  const { rounds } = await call(host, 'contests.get', { contestId });
  expect(rounds.map((r) => [r.number, r.kind, r.status])).toEqual([
    [1, 'first', 'void'],
    [2, 'rerun', 'setup'],
  ]);
});

test('fewer pass than seats: 另行选举 among those not elected, or the presidium reduces the seats', async ({
  page,
  openApp,
  host,
}) => {
  const scene = await openDemo(page, openApp, host);
  // 89 present: 45 votes pass. 50 papers for the first candidate only.
  const first = await setUpContest(host, scene, '纪委委员');
  await countPapers(host, first.roundId, repeat('oxx', 50));

  await page.goto(`${host.url}#/contests?contest=${first.contestId}`);
  await expect(page.getByTestId('results-panel')).toBeVisible();
  await closeRound(page);
  const result = (name: string) => page.locator(`[data-testid="result-row"][data-name="${name}"]`);
  await expect(result(first.names[0]!)).toHaveAttribute('data-elected', 'true');
  await expect(result(first.names[1]!)).toHaveAttribute('data-elected', 'false');
  await expect(page.getByTestId('results-unfilled')).toContainText('1');

  await page.getByTestId('results-additional').click();
  const candidates = page.getByTestId('additional-candidates');
  await expect(candidates.getByRole('checkbox')).toHaveCount(2);
  await candidates.getByText(first.names[1]!).click();
  await candidates.getByText(first.names[2]!).click();
  await page.getByTestId('additional-submit').click();
  await expect(page.getByTestId('round-tab')).toHaveCount(2);
  await expect(page.getByTestId('round-tab').nth(1)).toContainText('另行选举');
  let rounds = (await call(host, 'contests.get', { contestId: first.contestId })).rounds;
  expect(rounds[1]).toMatchObject({
    kind: 'additional',
    seats: 1,
    status: 'setup',
    // Rule 9: the 另行选举 paper is in stroke order, whatever order the first paper had.
    candidateIds: suggestBallotOrder(
      first.candidateIds.slice(1).map((id, i) => ({ id, name: first.names[i + 1]! })),
    ).map((c) => c.id),
  });

  // Another contest, the same shortfall: the presidium reduces its seats to one instead.
  const second = await setUpContest(host, scene, '党委委员', scene.voting.slice(3, 6));
  await countPapers(host, second.roundId, repeat('oxx', 50));
  await page.goto(`${host.url}#/contests?contest=${second.contestId}`);
  await expect(page.getByTestId('contest-title-display')).toHaveText('党委委员');
  await closeRound(page);
  await expect(page.getByTestId('results-unfilled')).toBeVisible();
  await page.getByTestId('results-reduce').click();
  await page.getByTestId('reduce-seats').fill('1');
  await page.getByTestId('reduce-note').fill('主席团第三次会议决定');
  await page.getByTestId('reduce-submit').click();
  await expect(page.getByTestId('results-reduced')).toContainText('主席团第三次会议决定');
  await expect(page.getByTestId('results-reduced')).toContainText('1');
  await expect(page.getByTestId('results-additional')).toBeHidden();
  const { contest } = await call(host, 'contests.get', { contestId: second.contestId });
  expect(contest).toMatchObject({ seatsReducedTo: 1, seatsReducedNote: '主席团第三次会议决定' });
  rounds = (await call(host, 'contests.get', { contestId: second.contestId })).rounds;
  expect(rounds).toHaveLength(1);
});

test('a tie at the cut opens a revote among the tied', async ({ page, openApp, host }) => {
  const scene = await openDemo(page, openApp, host);
  // 89 present: 45 pass. The first has 46; the other two 45 each for the one seat left.
  const { contestId, roundId, candidateIds, names } = await setUpContest(host, scene, '纪委委员');
  await countPapers(host, roundId, [...repeat('oox', 23), ...repeat('oxo', 23), ...repeat('xoo', 22)]);

  await page.goto(`${host.url}#/contests?contest=${contestId}`);
  await expect(page.getByTestId('results-panel')).toBeVisible();
  await closeRound(page);
  await expect(page.getByTestId('results-tie')).toContainText(names[1]!);
  await expect(page.getByTestId('results-tie')).toContainText(names[2]!);
  await expect(page.locator(`[data-testid="result-row"][data-name="${names[0]}"]`)).toHaveAttribute(
    'data-elected',
    'true',
  );
  await expect(page.getByTestId('round-tab')).toHaveCount(2);
  await expect(page.getByTestId('round-tab').nth(1)).toContainText('得票相等重新投票');
  const { rounds } = await call(host, 'contests.get', { contestId });
  expect(rounds[1]).toMatchObject({ kind: 'tie_revote', seats: 1, candidateIds: candidateIds.slice(1) });
});
