/**
 * A counting room that cannot mislead (issue 10, item 6): a write-in typed and Enter is counted;
 * a write-in that does not count is committed only after a second Enter with the reason shown;
 * a fresh sheet is neutral; closing a round says what is missing before any PIN is asked for;
 * the presidium reorders the suggested ballot order before approving it.
 */
import type { Page } from '@playwright/test';
import { call, enterBallots } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { LockScreen } from './pages/lock.js';
import { contestOf, countThroughApi, demoWithVoters, OPERATORS, roundWithOperators, signedIn } from './scenes.js';

const SHOTS = 'test-results/count-sheet';

/**
 * The demo congress open on screen with 89 of its 110 voting delegates present, and a contest
 * (党委委员, 2 seats unless told) of the first `candidates` of them.
 */
async function demoContest(
  page: Page,
  openApp: (p?: Page) => Promise<Page>,
  host: TestHost,
  contest: { candidates: number; seats?: number; approve?: boolean },
) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '计票人 赵敏' });
  const { candidates, ...options } = contest;
  return contestOf(host, { meetingId, title: '党委委员', people: voting.slice(0, candidates), ...options });
}

test('a write-in typed and Enter is counted; one that does not count needs a second Enter; a fresh sheet is neutral', async ({
  page,
  context,
  openApp,
  host,
}) => {
  const { contestId, roundId, names } = await demoContest(page, openApp, host, { candidates: 3 });
  await countThroughApi(host, roundId, { issued: 89, collected: 3 });

  const board = await context.newPage();
  await board.goto(`${host.url}#/tally?contest=${contestId}`);

  await page.goto(`${host.url}#/count?round=${roundId}`);
  const sheet = page.getByTestId('ballot-sheet');
  const validity = page.getByTestId('validity-line');
  await expect(sheet).toBeVisible();
  // Three ○ for two seats would be invalid, but nobody has keyed this paper: no verdict, no red.
  await expect(sheet).toHaveAttribute('data-state', 'idle');
  await expect(validity).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('[data-testid="validity-line"]:not([data-state="idle"])')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/1-fresh-neutral.png` });

  // Paper 1: × on row 3 (its number), then 另选他人 郑明亮: the name gets ○ as it is typed.
  await page.keyboard.press('3');
  await expect(page.locator('[data-testid="sheet-row"]').nth(2)).toHaveAttribute('data-mark', 'cross');
  await expect(validity).toHaveAttribute('data-state', 'valid');
  await expect(validity).toHaveAttribute('data-chosen', '2');
  await page.keyboard.press('w');
  await page.getByTestId('writein-name').pressSequentially('郑明亮');
  const line = page.getByTestId('sheet-writein');
  await expect(line).toHaveAttribute('data-mark', 'circle');
  await expect(line).toHaveAttribute('data-fate', 'counts');
  await expect(validity).toHaveAttribute('data-chosen', '3');
  await page.screenshot({ path: `${SHOTS}/2-writein-counts.png` });
  // Three chosen for two seats: invalid, said before Enter. × row 1 as well: two chosen.
  await expect(validity).toHaveAttribute('data-state', 'invalid');
  await page.getByTestId('writein-name').press('Tab');
  await page.keyboard.press('1');
  await expect(validity).toHaveAttribute('data-state', 'valid');
  await expect(validity).toHaveAttribute('data-chosen', '2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-seq', '1');
  await expect(sheet).toHaveAttribute('data-state', 'idle');

  // Paper 2: × rows 2 and 3, a write-in, Enter in the name's field: committed at once.
  await page.keyboard.press('2');
  await page.keyboard.press('3');
  await page.keyboard.press('w');
  await page.getByTestId('writein-name').pressSequentially('王建华');
  await page.getByTestId('writein-name').press('Enter');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-seq', '2');
  let ballots = await call(host, 'ballots.list', { roundId });
  expect(ballots.map((b) => b.writeIns)).toEqual([
    [{ name: '郑明亮', mark: 'circle' }],
    [{ name: '王建华', mark: 'circle' }],
  ]);
  expect(ballots.map((b) => [b.valid, b.chosen])).toEqual([
    [true, 2],
    [true, 2],
  ]);
  // Counted in the tally, on the hall's board too.
  const result = await call(host, 'rounds.result', { roundId });
  expect(result.tally.writeIns).toEqual(
    expect.arrayContaining([
      { name: '郑明亮', for: 1 },
      { name: '王建华', for: 1 },
    ]),
  );
  await expect(board.locator('[data-testid="tally-row"][data-name="郑明亮"]')).toHaveAttribute('data-votes', '1');

  // Paper 3: × row 2 and a write-in naming a candidate printed on the paper: it does not count.
  await page.keyboard.press('2');
  await page.keyboard.press('w');
  await page.getByTestId('writein-name').pressSequentially(names[0]!);
  await expect(line).toHaveAttribute('data-fate', 'disregarded_printed');
  await page.getByTestId('writein-name').press('Enter');
  // Held: the reason on the sheet, nothing committed yet.
  const why = page.getByTestId('validity-writeins');
  await expect(why).toHaveAttribute('data-confirming', 'true');
  await expect(page.getByTestId('validity-writein')).toHaveAttribute('data-fate', 'disregarded_printed');
  await page.screenshot({ path: `${SHOTS}/3-writein-held.png` });
  expect(await call(host, 'ballots.list', { roundId })).toHaveLength(2);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-seq', '3');
  ballots = await call(host, 'ballots.list', { roundId });
  expect(ballots).toHaveLength(3);
  expect(ballots[2]!.writeIns).toEqual([{ name: names[0], mark: 'circle' }]);
  await expect(page.getByTestId('count-progress')).toContainText('3');
  await page.screenshot({ path: `${SHOTS}/4-after-three.png` });
});

/** Who a count needs at the table: the secretariat, a counter and the chief scrutineer. */
const COUNT_ROOM = OPERATORS.filter((o) => ['secretariat', 'counter', 'chief_scrutineer'].includes(o.role));

test('closing a round with a ballot unkeyed says what is missing before any PIN is asked for', async ({
  page,
  openApp,
  host,
}) => {
  const { ops, contestId, roundId } = await roundWithOperators(host, COUNT_ROOM, { title: '纪委委员', collected: 3 });
  const counter = await signedIn(host, ops.counter.id, ops.counter.pin, '计票台');
  await enterBallots(host, roundId, [{ marks: 'oo-' }, { marks: 'o-o' }], counter);

  await openApp(page);
  await new LockScreen(page).unlock(ops.counter.name, ops.counter.pin);

  await page.goto(`${host.url}#/contests?contest=${contestId}`);
  await page.getByTestId('round-close').click();
  const blocked = page.getByTestId('round-close-blocked');
  await expect(blocked).toBeVisible();
  await expect(blocked.getByTestId('close-blocker')).toHaveAttribute('data-kind', 'ballots_missing');
  await expect(blocked).toContainText('2');
  await expect(blocked).toContainText('3');
  // No confirm, no PIN dialog: nobody typed a PIN for a close that cannot happen.
  await expect(page.getByTestId('chief-pin')).toHaveCount(0);
  await expect(page.getByTestId('round-close-confirm')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/5-close-blocked.png` });

  // The last paper keyed: now the confirm, then the chief's PIN, and the round closes.
  await enterBallots(host, roundId, [{ marks: '-oo' }], counter);
  await page.getByTestId('round-close').click();
  await expect(blocked).toHaveCount(0);
  await page.getByTestId('round-close-confirm').click();
  await expect(page.getByTestId('chief-pin')).toBeVisible();
  await page.getByTestId('chief-pin').fill(ops.chief_scrutineer.pin);
  await page.getByTestId('chief-submit').click();
  await expect(page.getByTestId('round-closed')).toBeVisible();
});

test('the presidium reorders the suggested ballot order, then approves the order shown', async ({
  page,
  openApp,
  host,
}) => {
  const { contestId } = await demoContest(page, openApp, host, { candidates: 4, approve: false });
  await page.goto(`${host.url}#/contests?contest=${contestId}`);
  await page.getByTestId('order-suggest').click();
  const items = page.getByTestId('order-item');
  await expect(items).toHaveCount(4);
  const suggested = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-name')!));

  // The third moves up one; then the last is dragged to the top.
  await items.nth(2).getByTestId('order-up').click();
  let want = [suggested[0]!, suggested[2]!, suggested[1]!, suggested[3]!];
  await expect(items).toHaveText(want.map((n) => new RegExp(n)));
  await expect(page.getByTestId('order-changed')).toBeVisible();
  await items.nth(3).dragTo(items.nth(0));
  want = [want[3]!, want[0]!, want[1]!, want[2]!];
  await expect(items).toHaveText(want.map((n) => new RegExp(n)));
  await expect(items.first().getByTestId('order-up')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/6-order-changed.png` });

  await page.getByTestId('order-approve').click();
  await expect(page.getByTestId('order-approved')).toBeVisible();
  const detail = await call(host, 'contests.get', { contestId });
  const byId = new Map(detail.candidates.map((c) => [c.id, c.name]));
  expect(detail.rounds[0]!.candidateIds.map((id) => byId.get(id))).toEqual(want);
});

test('on a paper of 12, rows are reached by two digits; the English sheet speaks English', async ({
  page,
  openApp,
  host,
}) => {
  const { roundId } = await demoContest(page, openApp, host, { candidates: 12, seats: 10 });
  await countThroughApi(host, roundId, { issued: 89, collected: 1 });

  await page.getByTestId('language-switch').getByText('English').click();
  await page.goto(`${host.url}#/count?round=${roundId}`);
  const sheet = page.getByTestId('ballot-sheet');
  await expect(sheet).toHaveAttribute('data-state', 'idle');
  const rows = page.getByTestId('sheet-row');
  await expect(rows.first().getByTestId('sheet-pos')).toHaveText('01');
  await expect(rows.nth(11).getByTestId('sheet-pos')).toHaveText('12');
  // "1" waits for the second digit: nothing changes yet.
  await page.keyboard.press('1');
  await expect(sheet).toHaveAttribute('data-row-pending', '1');
  await expect(page.getByTestId('sheet-row-pending')).toBeVisible();
  await page.keyboard.press('2');
  await expect(rows.nth(11)).toHaveAttribute('data-mark', 'cross');
  await page.keyboard.press('0');
  await page.keyboard.press('1');
  await expect(rows.nth(0)).toHaveAttribute('data-mark', 'cross');
  // Typed again, a number undoes itself.
  await page.keyboard.press('0');
  await page.keyboard.press('1');
  await expect(rows.nth(0)).toHaveAttribute('data-mark', 'circle');
  await page.keyboard.press('0');
  await page.keyboard.press('1');
  // No row 13: nothing changes.
  await page.keyboard.press('1');
  await page.keyboard.press('3');
  await expect(page.locator('[data-testid="sheet-row"][data-mark="cross"]')).toHaveCount(2);
  const validity = page.getByTestId('validity-line');
  await expect(validity).toHaveAttribute('data-state', 'valid');
  await expect(validity).toHaveText('Chosen 10 / seats 10');
  await expect(page.getByTestId('count-keys')).not.toContainText(/[\u4e00-\u9fff]/);
  await page.screenshot({ path: `${SHOTS}/7-twelve-english.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-seq', '1');
  const [ballot] = await call(host, 'ballots.list', { roundId });
  expect(ballot!.marks.map((m, i) => (m === 'cross' ? i + 1 : null)).filter((x) => x !== null)).toEqual([1, 12]);
});
