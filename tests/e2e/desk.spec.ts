/**
 * The check-in desk as a clerk uses it, in Chromium against the loopback host, on the
 * demo congress (110 voting delegates, 4 alternates, 6 non-voting attendees).
 */
import { searchDelegates } from '../../core/search.js';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { Desk, listenToTones, tonesHeard } from './pages/desk.js';
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

  // Pinyin initials: `zs` lists the Zhang S… and Zhao S… of the roster; several match, so
  // Enter asks, and the digit beside the name checks that one in.
  const zs = voting.filter((d) => d.initials === 'zs' && d.id !== first.id);
  expect(zs.length).toBeGreaterThan(1);
  await desk.find('zs');
  for (const d of zs) await expect(desk.results).toContainText(d.name);
  await desk.search.press('Enter');
  await expect(desk.banner).toHaveAttribute('data-kind', 'ask');
  await expect(desk.count('present')).toContainText('1');
  const picked = await desk.resultRows.first().getAttribute('data-badge');
  await desk.search.press('1');
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.bannerName).toHaveText(roster.find((d) => d.badge === picked)!.name);
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

test('`zy` + Enter matches three: nobody is checked in, the list stays open with a digit by each name, a tone of its own says 「有 3 人匹配,请选择」; the digit 2, or ↓↓↓ + Enter, checks in that one; one match or a badge still checks in at Enter', async ({
  page,
  openApp,
  host,
}) => {
  await listenToTones(page);
  await openDemoAs(page, openApp, '李明');
  const desk = new Desk(page);
  await desk.expectDue(110);
  const roster = await call(host, 'delegates.list', {});
  // The desk's own search, in its order: the three whose initials begin with zy.
  const zy = searchDelegates(roster, 'zy');
  expect(zy.length).toBe(3);

  // A badge checks in at once: its tone is the check-in's.
  const scanned = roster.find((d) => d.category === 'voting' && !zy.includes(d))!;
  await desk.scan(scanned.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  const checkInTone = await tonesHeard(page);
  expect(checkInTone.length).toBeGreaterThan(0);

  await desk.find('zy');
  await expect(desk.resultRows).toHaveCount(3);
  await desk.search.press('Enter');
  await expect(desk.banner).toHaveAttribute('data-kind', 'ask');
  await expect(desk.banner).toContainText('有 3 人匹配,请选择');
  // Nobody was checked in, and the list is still there to choose from.
  await expect(desk.count('present')).toHaveText('1');
  await expect(desk.search).toHaveValue('zy');
  await expect(desk.resultRows).toHaveCount(3);
  await expect(desk.resultRows.getByTestId('result-key')).toHaveText(['1', '2', '3']);
  await expect(desk.resultRows.nth(0)).toContainText(zy[0]!.name);
  // Heard: not the check-in's tone, and not the "not found" buzz either.
  const heard = (await tonesHeard(page)).slice(checkInTone.length);
  expect(heard.length).toBeGreaterThan(0);
  expect(heard).not.toEqual(checkInTone);
  expect(heard).not.toEqual(['square 220']);

  // The digit beside the second name checks in the second.
  await desk.search.press('2');
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.bannerName).toHaveText(zy[1]!.name);
  await expect(desk.count('present')).toHaveText('2');
  await expect(desk.search).toHaveValue('');

  // ↓ three times reaches the third row; Enter then checks in that row.
  await desk.find('zy');
  await desk.search.press('ArrowDown');
  await desk.search.press('ArrowDown');
  await desk.search.press('ArrowDown');
  await expect(desk.resultRows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await desk.search.press('Enter');
  await expect(desk.bannerName).toHaveText(zy[2]!.name);
  await expect(desk.count('present')).toHaveText('3');

  // A name only one delegate matches checks in at Enter.
  const unique = roster.find(
    (d) => d.category === 'voting' && d !== scanned && !zy.includes(d) && searchDelegates(roster, d.name).length === 1,
  )!;
  await desk.find(unique.name);
  await desk.search.press('Enter');
  await expect(desk.bannerName).toHaveText(unique.name);
  await expect(desk.count('present')).toHaveText('4');
  // The first of the three was never checked in.
  expect(
    (await call(host, 'attendance.list', { meetingId: await currentMeetingId(host) })).map((r) => r.delegateId),
  ).not.toContain(zy[0]!.id);
});

test('before the meeting starts those not arrived are 未到, at the desk and on the hall board; from the oath on they are 缺席; the board shows 候补 present beside 列席', async ({
  page,
  context,
  openApp,
  host,
}) => {
  await openDemoAs(page, openApp, '李明');
  const desk = new Desk(page);
  await desk.expectDue(110);
  const roster = await call(host, 'delegates.list', {});
  const meetingId = await currentMeetingId(host);
  const voting = roster.filter((d) => d.category === 'voting');
  const alternates = roster.filter((d) => d.category === 'alternate');
  const attendee = roster.find((d) => d.category === 'nonvoting')!;
  await checkInThroughApi(host, meetingId, [...voting.slice(0, 10), ...alternates.slice(0, 2), attendee]);

  const board = await context.newPage();
  await board.goto(`${host.url}#/board`);
  await expect(board.getByTestId('board-present')).toHaveText('10');
  await expect(board.getByTestId('board-nonvoting')).toHaveText('1');
  await expect(board.getByTestId('board-alternate')).toHaveText('2');
  await expect(board.getByTestId('board-label-alternate')).toHaveText('候补');

  // The meeting has not started: the hundred not here yet are 未到, nobody is absent.
  await expect(desk.count('absent')).toHaveText('100');
  await expect(desk.countLabel('absent')).toHaveText('未到');
  await expect(board.getByTestId('board-absent')).toHaveText('100');
  await expect(board.getByTestId('board-label-absent')).toHaveText('未到');

  // The oath begins the meeting: from now on those not here are absent, on every screen.
  await call(host, 'oath.start', { meetingId, leader: null });
  await expect(desk.countLabel('absent')).toHaveText('缺席');
  await expect(board.getByTestId('board-label-absent')).toHaveText('缺席');
  await expect(desk.count('absent')).toHaveText('100');
  await expect(board.getByTestId('board-absent')).toHaveText('100');
});
