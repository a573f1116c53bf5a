/**
 * The counting room: a contest set up in the demo congress, ballots issued and collected,
 * 120 paper ballots keyed in by a counter (some invalid, some with a write-in, one set aside
 * for the scrutineers), the hall's tally board following in a second page, and the contest
 * closed with the elected shown.
 */
import { namedDelegate } from '../../core/domain.js';
import { addCandidates, call } from './api.js';
import { expect, test } from './fixtures.js';
import { CountSheet, type SheetPaper } from './pages/count-sheet.js';
import { RoundPanel } from './pages/round.js';
import { openDemoAs } from './scenes.js';

type Paper = SheetPaper;

// 9 candidates for 7 seats. 122 voters present: more than half is 62 votes.
const PAPERS: Paper[] = [
  ...Array.from({ length: 70 }, () => ({ marks: 'oooooooxx' })),
  ...Array.from({ length: 20 }, () => ({ marks: 'oooooxxoo' })),
  // Nine chosen for seven seats: invalid, counted for nobody (rule 4).
  ...Array.from({ length: 10 }, () => ({ marks: 'ooooooooo' })),
  // × the first candidate and write in another, ○ the name: seven chosen.
  ...Array.from({ length: 5 }, () => ({ marks: 'xoooooo--', writeIn: '郑明亮' })),
  // Blank ballots are valid.
  ...Array.from({ length: 14 }, () => ({ marks: '---------' })),
  { marks: 'oooooooxx', setAside: true },
];

test('a counter keys in 120 ballots while the hall watches the board', async ({ page, context, openApp, host }) => {
  test.setTimeout(240_000);
  await openDemoAs(page, openApp, '计票人 赵敏');
  const sheet = new CountSheet(page);

  // 15 more voting delegates make 125 due; 122 check in.
  for (let i = 1; i <= 15; i++) {
    await call(host, 'delegates.add', namedDelegate(`2${String(i).padStart(2, '0')}`, `补充代表${i}`));
  }
  const roster = await call(host, 'delegates.list', {});
  const voting = roster.filter((d) => d.category === 'voting');
  expect(voting).toHaveLength(125);
  const meetingId = (await call(host, 'congress.get', {})).congress.currentMeetingId!;
  for (const d of voting.slice(0, 122)) await call(host, 'attendance.checkIn', { meetingId, delegateId: d.id });

  // The secretariat sets up the contest on screen.
  await page.getByTestId('nav-contests').click();
  await page.getByTestId('contest-add').click();
  await page.getByTestId('contest-title').locator('input').fill('党委委员');
  await page.getByTestId('contest-seats').fill('7');
  await page.getByTestId('contest-form-submit').click();
  // Creating a contest opens it.
  await expect(page.getByTestId('contest-detail')).toBeVisible();
  const [contest] = await call(host, 'contests.list', { meetingId });
  const people = voting.slice(0, 9);
  await addCandidates(host, contest!.id, people);
  await expect(page.getByTestId('candidates-count')).toContainText('9');
  await page.getByTestId('order-suggest').click();
  await page.getByTestId('order-approve').click();
  await expect(page.getByTestId('order-approved')).toBeVisible();

  // Issue one ballot per voter present, collect 120 (two not returned).
  await expect(page.getByTestId('distribute-present')).toContainText('122');
  await new RoundPanel(page).distribute({ printed: 130, issued: 122, spare: 8 });
  await page.getByTestId('collect-count').fill('120');
  await page.getByTestId('collect-submit').click();
  await expect(page.getByTestId('round-collected')).toContainText('120');

  const { candidates, rounds } = await call(host, 'contests.get', { contestId: contest!.id });
  const order = rounds[0]!.candidateIds.map((id) => candidates.find((c) => c.id === id)!.name);

  // The hall's board, in its own page.
  const board = await context.newPage();
  await board.goto(`${host.url}#/tally?contest=${contest!.id}`);
  await expect(board.getByTestId('tally-threshold')).toHaveAttribute('data-threshold', '62');

  await page.getByTestId('round-enter-ballots').click();
  await expect(page.getByTestId('ballot-sheet')).toBeVisible();

  // Validity shows before the ballot is committed.
  await sheet.key('ooooooooo');
  await expect(page.getByTestId('validity-line')).toHaveAttribute('data-valid', 'false');
  await expect(page.getByTestId('validity-line')).toContainText('9');
  await page.keyboard.press('Escape');

  for (const [i, paper] of PAPERS.entries()) {
    await sheet.enter(paper);
    if (i === 69) await expect(board.getByTestId('tally-counted')).toContainText('70');
  }
  await expect(page.getByTestId('count-progress')).toContainText('120');
  await expect(page.getByTestId('count-progress')).toContainText('120');

  // A 121st ballot is refused: only 120 were collected.
  await sheet.enter({ marks: 'oooooooxx' });
  await expect(page.getByTestId('count-error')).toBeVisible();
  await page.keyboard.press('Escape');

  // The chief scrutineer decides the set-aside ballot.
  await page.getByTestId('tab-setaside').click();
  await page.getByTestId('setaside-as-entered').click();
  await expect(page.getByTestId('setaside-decided')).toBeVisible();

  const row = (name: string) => board.locator(`[data-testid="tally-row"][data-name="${name}"]`);
  await expect(board.getByTestId('tally-valid')).toContainText('110');
  await expect(board.getByTestId('tally-invalid')).toContainText('10');
  await expect(row(order[0]!)).toHaveAttribute('data-votes', '91');
  for (const name of order.slice(1, 5)) await expect(row(name)).toHaveAttribute('data-votes', '96');
  for (const name of order.slice(5, 7)) await expect(row(name)).toHaveAttribute('data-votes', '76');
  for (const name of order.slice(7)) await expect(row(name)).toHaveAttribute('data-votes', '20');
  await expect(row('郑明亮')).toHaveAttribute('data-votes', '5');

  // Close the round: the first seven are elected, the last two (20 of 122) are not.
  await page.getByTestId('nav-contests').click();
  await page.getByTestId('contest-open').first().click();
  await page.getByTestId('round-close').click();
  await page.getByTestId('round-close-confirm').click();
  await expect(page.getByTestId('round-closed')).toBeVisible();
  const result = (name: string) => page.locator(`[data-testid="result-row"][data-name="${name}"]`);
  for (const name of order.slice(0, 7)) await expect(result(name)).toHaveAttribute('data-elected', 'true');
  for (const name of order.slice(7)) await expect(result(name)).toHaveAttribute('data-elected', 'false');
  await expect(board.getByTestId('tally-state')).toHaveAttribute('data-provisional', 'false');
});
