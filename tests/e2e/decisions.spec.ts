/**
 * The day's recorded decisions on screen: officials of a contest (rule 13), a round declared
 * void by the presidium (rule 16), candidates added to a 另行选举 (rule 7) and the formal contest
 * from a closed pre-vote (rule 12). The scene is set through the API; each decision is made on screen.
 */
import type { Page } from '@playwright/test';
import { call } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

const SHOTS = 'test-results/decisions';

const openDemo = (page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost) =>
  demoWithVoters(page, openApp, host, { operator: '总监票人 钱军' });

/** 89 papers issued, `papers` collected and keyed through the API. */
const count = (host: TestHost, roundId: number, papers: string[]) =>
  countThroughApi(host, roundId, { issued: 89, papers: papers.map((marks) => ({ marks })) });

test('officials are appointed from the roster, a candidate is refused by name, and a round is declared void', async ({
  page,
  openApp,
  host,
}) => {
  const scene = await openDemo(page, openApp, host);
  const [a, b, c, chief, scrutineer] = scene.voting;
  const { contestId, roundId } = await contestOf(host, {
    meetingId: scene.meetingId,
    title: '纪委委员',
    people: [a!, b!, c!],
  });

  await page.goto(`${host.url}#/contests?contest=${contestId}`);
  await expect(page.getByTestId('officials-card')).toBeVisible();
  // 总监票人 from the roster picker.
  await page.getByTestId('official-role').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '总监票人' }).click();
  await page.getByTestId('official-search').fill(chief!.name);
  await page.getByTestId('official-search-option').first().click();
  await expect(page.locator('[data-testid="official-row"][data-role="chief_scrutineer"]')).toHaveAttribute(
    'data-name',
    chief!.name,
  );
  // A candidate of the contest is refused, by name.
  await page.getByTestId('official-role').click();
  await page
    .locator('.ant-select-item-option')
    .filter({ hasText: /^监票人$/ })
    .click();
  await page.getByTestId('official-search').fill(a!.name);
  await page.getByTestId('official-search-option').first().click();
  await expect(page.getByTestId('officials-error')).toContainText(a!.name);
  await page.getByTestId('official-search').fill(scrutineer!.name);
  await page.getByTestId('official-search-option').first().click();
  // A counter by name.
  await page.getByTestId('official-role').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '计票人' }).click();
  await page.getByTestId('official-counter-name').fill('工作人员赵一');
  await page.getByTestId('official-counter-add').click();
  await expect(page.getByTestId('official-row')).toHaveCount(3);
  await page.getByTestId('officials-card').screenshot({ path: `${SHOTS}/1-officials.png` });
  const officials = await call(host, 'officials.list', { contestId });
  expect(officials.map((o) => [o.role, o.name])).toEqual([
    ['chief_scrutineer', chief!.name],
    ['scrutineer', scrutineer!.name],
    ['counter', '工作人员赵一'],
  ]);

  await count(host, roundId, ['oo-', 'o-o']);
  await page.reload();
  await page.getByTestId('round-declare-void').click();
  await page.getByTestId('declare-void-text').fill('发现选票印制错误');
  await page.screenshot({ path: `${SHOTS}/2-declare-void.png` });
  await page.getByTestId('declare-void-submit').click();
  await expect(page.getByTestId('round-tab')).toHaveCount(2);
  await page.getByTestId('round-tab').nth(0).click();
  await expect(page.getByTestId('round-declared-void')).toContainText('发现选票印制错误');
  await page.screenshot({ path: `${SHOTS}/3-declared-void.png` });
  const { rounds } = await call(host, 'contests.get', { contestId });
  expect(rounds.map((r) => [r.kind, r.status])).toEqual([
    ['first', 'void'],
    ['rerun', 'setup'],
  ]);
  expect(rounds[0]!.voidDeclaration).toMatchObject({ reason: '发现选票印制错误' });
  // Papers are out: the officials stay on record.
  await expect(page.getByTestId('official-remove')).toHaveCount(0);
});

test('a 另行选举 takes a candidate added after 酝酿, and a closed pre-vote makes the formal contest', async ({
  page,
  openApp,
  host,
}) => {
  const scene = await openDemo(page, openApp, host);
  const [a, b, c, d] = scene.voting;
  const e1 = await contestOf(host, { meetingId: scene.meetingId, title: '党委委员', people: [a!, b!, c!] });
  // Only the first passes half of 89: one seat left.
  await count(host, e1.roundId, [...Array(50).fill('o--'), ...Array(39).fill('---')]);
  await call(host, 'rounds.close', { roundId: e1.roundId });

  await page.goto(`${host.url}#/contests?contest=${e1.contestId}`);
  await page.getByTestId('results-additional').click();
  await page.getByTestId('additional-search').fill(d!.name);
  await page.getByTestId('additional-search-option').first().click();
  await expect(page.getByTestId('additional-added')).toContainText(d!.name);
  await page.getByTestId('additional-candidates').getByText(b!.name).click();
  await page.getByTestId('additional-note').fill('主席团酝酿后增加候选人');
  await page.screenshot({ path: `${SHOTS}/4-additional.png` });
  await page.getByTestId('additional-submit').click();
  await expect(page.getByTestId('round-tab')).toHaveCount(2);
  const { rounds, candidates } = await call(host, 'contests.get', { contestId: e1.contestId });
  const named = (id: number) => candidates.find((x) => x.id === id)!.name;
  expect(rounds[1]!.candidateIds.map(named).sort()).toEqual([b!.name, d!.name].sort());

  // The pre-vote: two of three over half of 应到.
  const pre = await contestOf(host, {
    meetingId: scene.meetingId,
    title: '纪委委员预选',
    kind: 'prevote',
    people: [a!, b!, c!],
  });
  await count(host, pre.roundId, [...Array(70).fill('oo-'), ...Array(19).fill('--o')]);
  await call(host, 'rounds.close', { roundId: pre.roundId });
  await page.goto(`${host.url}#/contests?contest=${pre.contestId}`);
  await page.getByTestId('prevote-create-formal').click();
  await page.getByTestId('prevote-title').fill('纪委委员(正式)');
  await page.getByTestId('prevote-seats').fill('1');
  await page.screenshot({ path: `${SHOTS}/5-prevote.png` });
  await page.getByTestId('prevote-submit').click();
  await expect(page.getByTestId('contest-from-prevote')).toBeVisible();
  await expect(page.getByTestId('contest-title-display')).toHaveText('纪委委员(正式)');
  const formal = (await call(host, 'contests.list', { meetingId: scene.meetingId })).find(
    (x) => x.fromPrevoteId === pre.contestId,
  )!;
  const got = await call(host, 'contests.get', { contestId: formal.id });
  expect(got.candidates.map((x) => x.name).sort()).toEqual([a!.name, b!.name].sort());
  expect(got.candidates.every((x) => x.position === null)).toBe(true);
});
