/**
 * The check-in desk as a clerk uses it, in Chromium against the loopback host, on the
 * demo congress (110 voting delegates, 4 alternates, 6 non-voting attendees).
 */
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { Desk } from './pages/desk.js';
import { checkInThroughApi, currentMeetingId, openDemoAs, votingDelegates } from './scenes.js';

test('a clerk scans badges, finds by initials, undoes, and records leave', async ({ page, openApp, host }) => {
  await openDemoAs(page, openApp, '李明');
  const desk = new Desk(page);
  await desk.expectDue(110);
  const roster = await call(host, 'delegates.list', {});
  const voting = roster.filter((d) => d.category === 'voting');
  const first = voting[0]!;

  // A scanner types the badge number and Enter.
  await expect(desk.search).toBeFocused();
  await desk.scan(first.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.bannerName).toHaveText(first.name);
  await expect(desk.count('present')).toContainText('1');
  await expect(desk.search).toHaveValue('');

  // Scanning the same badge again says so and changes nothing.
  await desk.scan(first.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'already_present');
  await expect(desk.count('present')).toContainText('1');

  // An unknown badge is named as such.
  await desk.scan('999');
  await expect(desk.banner).toHaveAttribute('data-kind', 'not_found');
  await expect(desk.banner).toContainText('999');

  // Pinyin initials: `zs` lists the Zhang S… and Zhao S… of the roster.
  const zs = voting.filter((d) => d.initials === 'zs' && d.id !== first.id);
  expect(zs.length).toBeGreaterThan(1);
  await desk.find('zs');
  for (const d of zs) await expect(desk.results).toContainText(d.name);
  await desk.search.press('Enter');
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.count('present')).toContainText('2');

  // Undo the last check-in, with the keyboard.
  await desk.undo();
  await expect(desk.banner).toHaveAttribute('data-kind', 'undone');
  await expect(desk.count('present')).toContainText('1');

  // Leave needs a reason; then it counts as 请假, not 缺席.
  await desk.recordLeave(voting[5]!.badge, '因公出差');
  await expect(desk.count('leave')).toContainText('1');
  await expect(desk.count('absent')).toContainText(String(110 - 1 - 1));

  // A non-voting attendee (列席) is checked in but never counted.
  const attendee = roster.find((d) => d.category === 'nonvoting')!;
  await desk.scan(attendee.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.count('nonvoting')).toContainText('1');
  await expect(desk.count('present')).toContainText('1');
  await expect(desk.count('due')).toContainText('110');
});

test('the quorum flips exactly past four fifths, live in a second window', async ({ page, context, openApp, host }) => {
  await openDemoAs(page, openApp, '李明');
  const desk = new Desk(page);
  await desk.expectDue(110);
  const second = await openApp(await context.newPage());
  await new AppFrame(second).signIn('王芳');
  const secondDesk = new Desk(second);
  await expect(secondDesk.root).toBeVisible();

  // 110 due: 88 is exactly 4/5 and fails by default; 89 passes (5 × 89 > 4 × 110).
  const voting = await votingDelegates(host);
  await checkInThroughApi(host, await currentMeetingId(host), voting.slice(0, 87));
  await expect(secondDesk.count('present')).toContainText('87');
  await expect(secondDesk.quorum).toHaveAttribute('data-met', 'false');
  await expect(secondDesk.quorum).toContainText('2');

  await desk.scan(voting[87]!.badge);
  await expect(secondDesk.count('present')).toContainText('88');
  await expect(secondDesk.quorum).toHaveAttribute('data-met', 'false');

  await desk.scan(voting[88]!.badge);
  await expect(secondDesk.count('present')).toContainText('89');
  await expect(secondDesk.quorum).toHaveAttribute('data-met', 'true');

  // The hall's board, opened now, shows the same.
  const board = await context.newPage();
  await board.goto(`${host.url}#/board`);
  await expect(board.getByTestId('board-present')).toContainText('89');
  await expect(board.getByTestId('board-quorum')).toHaveAttribute('data-met', 'true');

  // Undo at the door drops it below the line again, on every screen.
  await page.getByTestId('undo-last').click();
  await expect(secondDesk.quorum).toHaveAttribute('data-met', 'false');
  await expect(desk.quorum).toHaveAttribute('data-met', 'false');
  await expect(board.getByTestId('board-quorum')).toHaveAttribute('data-met', 'false');
  await expect(board.getByTestId('board-present')).toContainText('88');

  // With the congress setting that allows equality, exactly 4/5 (88) holds.
  await new AppFrame(second).nav('settings');
  await second.getByTestId('settings-quorum-equal').click();
  await expect(desk.quorum).toHaveAttribute('data-met', 'true');
});
