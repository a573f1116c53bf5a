/**
 * Issue 15 items 3 and 7: the count page of a round that is not being counted shows no keying
 * sheet — a closed round shows its result, its papers read only and its forms; and papers are
 * numbered by their place in the stack, a correction being a new version of the same number.
 */
import type { Page } from '@playwright/test';
import { call, papers } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { CountPapers, CountSheet } from './pages/count-sheet.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

const LANGUAGE_KEY = 'congressDesk.language';

/** The demo congress on screen with `present` voters checked in; a contest of three for two seats. */
async function contest(page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost, present = 89) {
  const scene = await demoWithVoters(page, openApp, host, { operator: '总监票人 钱军', present });
  return contestOf(host, { meetingId: scene.meetingId, title: '纪委委员', people: scene.voting.slice(0, 3) });
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`a closed round's count page (${language}): close the round, open its count page → the result, the papers read only, the forms; o, x and Enter key nothing`, async ({
    page,
    openApp,
    host,
  }) => {
    await page.addInitScript((l) => window.localStorage.setItem(l.key, l.value), {
      key: LANGUAGE_KEY,
      value: language,
    });
    const { roundId, names } = await contest(page, openApp, host);
    const round = [...papers('oox', 50), ...papers('oxo', 30), ...papers('ooo', 9)];
    await countThroughApi(host, roundId, { issued: 89, papers: round, close: true });

    await page.goto(`${host.url}#/count?round=${roundId}`);
    const view = new CountPapers(page);
    await expect(view.result).toBeVisible();
    await expect(page.getByTestId('ballot-sheet')).toHaveCount(0);
    await expect(page.getByTestId('count-closed')).toHaveCount(0);
    await expect(page.getByText('This round is not being counted')).toHaveCount(0);
    // The result: the tally, who is elected, the round's figures.
    const row = (name: string) => page.locator(`[data-testid="result-row"][data-name="${name}"]`);
    await expect(row(names[0]!)).toHaveAttribute('data-elected', 'true');
    await expect(row(names[1]!)).toHaveAttribute('data-elected', 'true');
    await expect(row(names[2]!)).toHaveAttribute('data-elected', 'false');
    await expect(page.getByTestId('results-valid')).toHaveText('80');
    await expect(page.getByTestId('results-invalid')).toHaveText('9');
    await expect(page.getByTestId('count-figures')).toContainText('89');
    await expect(page.getByTestId('round-closed')).toBeVisible();
    // Its forms.
    await expect(page.getByTestId('results-print-count')).toBeVisible();
    await expect(page.getByTestId('results-print-election')).toBeVisible();

    await page.screenshot({ path: test.info().outputPath(`closed-${language}.png`) });

    // Its papers, numbered 1…89, with their marks and validity, read only.
    await expect(view.papers).toHaveCount(89);
    await expect(view.paper(81)).toHaveAttribute('data-valid', 'false');
    await expect(view.paper(1)).toHaveAttribute('data-valid', 'true');
    await expect(view.list.getByTestId('ballot-correct')).toHaveCount(0);
    await expect(view.list.getByTestId('ballot-void')).toHaveCount(0);
    await view.paper(81).click();
    await expect(view.paperView).toBeVisible();
    await expect(view.paperView.getByTestId('paper-view-row')).toHaveCount(3);
    await expect(view.paperView.locator('[data-testid="paper-view-row"][data-mark="circle"]')).toHaveCount(3);
    await expect(view.paperView.locator('button, input')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath(`paper-${language}.png`) });
    await page.keyboard.press('Escape');
    await expect(view.paperView).toBeHidden();

    // Keys do nothing: no paper is keyed, no sheet appears.
    for (const key of ['o', 'x', ' ', 'Enter', 's']) await page.keyboard.press(key);
    await expect(page.getByTestId('ballot-sheet')).toHaveCount(0);
    expect(await call(host, 'ballots.list', { roundId })).toHaveLength(89);
  });
}

test('a round not yet distributed: its count page says so and leads to the contest, with no keying sheet', async ({
  page,
  openApp,
  host,
}) => {
  const { roundId, contestId } = await contest(page, openApp, host);
  await page.goto(`${host.url}#/count?round=${roundId}`);
  await expect(page.getByTestId('count-not-open')).toHaveAttribute('data-view', 'not_distributed');
  await expect(page.getByTestId('ballot-sheet')).toHaveCount(0);
  await page.keyboard.press('o');
  await page.keyboard.press('Enter');
  await page.getByTestId('count-go-contest').click();
  await expect(page.getByTestId('contest-detail')).toHaveAttribute('data-contest', String(contestId));
});

test('numbering: enter 110 of 110 collected, correct paper 37 → still 110 papers, none numbered 111, paper 37 shows its correction', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  const { roundId } = await contest(page, openApp, host, 110);
  await countThroughApi(host, roundId, { issued: 110, papers: papers('oox', 110) });

  const sheet = new CountSheet(page);
  await sheet.open(host, roundId);
  const view = new CountPapers(page);
  await expect(page.getByTestId('count-progress')).toHaveText(/110\D+110$/);
  await view.tab.click();
  await expect(view.papers).toHaveCount(110);
  await view.paper(37).getByTestId('ballot-correct').click();
  await expect(page.getByTestId('count-correcting')).toContainText('37');
  await sheet.key('xoo');
  await page.keyboard.press('Enter');
  await page.getByTestId('correct-text').fill('第37张录入有误');
  await page.getByTestId('correct-submit').click();
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-kind', 'corrected');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-no', '37');

  // Still 110 papers; the correction is paper 37, corrected once.
  await expect(page.getByTestId('count-progress')).toHaveText(/110\D+110$/);
  await expect(view.papers).toHaveCount(110);
  await expect(view.paper(37)).toHaveAttribute('data-version', '1');
  await expect(view.paper(37)).toContainText('更正 1 次');
  await expect(view.list.locator('[data-testid="count-paper"][data-no="111"]')).toHaveCount(0);

  await page.getByTestId('count-tab-recent').click();
  const recent = page.getByTestId('recent-ballot');
  await expect(recent.first()).toHaveAttribute('data-no', '37');
  await expect(recent.first()).toHaveAttribute('data-version', '1');
  await expect(recent.first()).toContainText('更正 1 次');
  // Then the last paper entered, still 110 of 110.
  await expect(recent.nth(1)).toHaveAttribute('data-no', '110');
  await expect(recent.nth(1)).toHaveAttribute('data-version', '0');
  await expect(page.locator('[data-testid="recent-ballot"][data-no="111"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('numbering.png'), fullPage: true });

  const ballots = await call(host, 'ballots.list', { roundId });
  expect(ballots.filter((b) => b.state === 'counted').map((b) => b.no)).toHaveLength(110);
  expect(ballots.find((b) => b.seq === 111)).toMatchObject({ no: 37, version: 1, state: 'counted' });
});
