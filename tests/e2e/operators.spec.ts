/**
 * Issue 6 on screen: a congress with operators locks every station until an operator signs in
 * with the PIN; each role sees what it may do; closing a round asks for the chief scrutineer's
 * PIN at that moment; the station locks on demand and after its idle minutes. Automatic backups
 * to a folder, and a restore that takes the congress back to the copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call, enterBallots, refused } from './api.js';
import { expect, test } from './fixtures.js';
import { LockScreen } from './pages/lock.js';
import { congressWithOperators, OPERATORS, openDemoAs, roundWithOperators, signedIn } from './scenes.js';

test('the station locks until an operator signs in; a counter keys a ballot, the chief scrutineer closes the round', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  // A contest of 2 seats and 3 candidates; 89 of 110 present; 3 papers collected, 2 keyed by the scrutineer.
  const { ops, roundId, secretariat } = await roundWithOperators(host, OPERATORS, { title: '纪委委员', collected: 3 });
  const scrutineer = await signedIn(host, ops.scrutineer.id, ops.scrutineer.pin, '监票台');
  await enterBallots(host, roundId, [{ marks: 'oo-' }, { marks: 'o-o' }], scrutineer);

  // No one is signed in at this window: the lock screen, not the typed-name dialog.
  await openApp(page);
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('operator-modal')).toHaveCount(0);
  await expect(page.getByTestId('lock-operator')).toHaveCount(5);

  // A wrong PIN is refused and says so; the right one opens the station.
  await new LockScreen(page).signIn(ops.counter.name, '000000');
  await expect(page.getByTestId('lock-error')).toContainText('PIN 不正确');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await new LockScreen(page).enterPin(ops.counter.pin);
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  const who = page.getByTestId('operator-name-display');
  await expect(who).toContainText(ops.counter.name);
  await expect(who.getByTestId('role-tag')).toHaveAttribute('data-role', 'counter');

  // What a counter may not do is not offered: no roster import, no contest setup.
  await page.getByTestId('nav-roster').click();
  await expect(page.getByTestId('roster-table')).toBeVisible();
  await expect(page.getByTestId('roster-import')).toHaveCount(0);
  await expect(page.getByTestId('roster-add')).toHaveCount(0);
  await expect(page.getByTestId('delegate-edit')).toHaveCount(0);
  await page.getByTestId('nav-contests').click();
  await expect(page.getByTestId('contests-table')).toBeVisible();
  await expect(page.getByTestId('contest-add')).toHaveCount(0);
  await page.getByTestId('contest-open').first().click();
  await expect(page.getByTestId('candidates-table')).toBeVisible();
  await expect(page.getByTestId('candidate-search')).toHaveCount(0);

  // The counter keys the third paper.
  await page.getByTestId('round-enter-ballots').click();
  await expect(page.getByTestId('ballot-sheet')).toBeVisible();
  for (const key of [' ', 'o', 'o']) await page.keyboard.press(key);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('count-last')).toHaveAttribute('data-seq', '3');
  const ballots = await call(host, 'ballots.list', { roundId }, secretariat);
  expect(ballots).toHaveLength(3);

  // Closing the round needs the chief scrutineer's PIN, typed at this counter's station.
  await page.getByTestId('nav-contests').click();
  await page.getByTestId('contest-open').first().click();
  await page.getByTestId('round-close').click();
  await page.getByTestId('round-close-confirm').click();
  const chief = page.getByTestId('chief-pin');
  await expect(chief).toBeVisible();
  await expect(page.getByTestId('chief-operator')).toContainText(ops.chief_scrutineer.name);
  await page.getByTestId('chief-pin').fill('000000');
  await page.getByTestId('chief-pin').press('Enter');
  await expect(page.getByTestId('chief-error')).toContainText('PIN 不正确');
  await expect(page.getByTestId('round-closed')).toHaveCount(0);
  await page.getByTestId('chief-pin').fill(ops.chief_scrutineer.pin);
  await page.getByTestId('chief-submit').click();
  await expect(page.getByTestId('round-closed')).toBeVisible();
  await expect(page.getByTestId('round-closed')).toContainText(ops.chief_scrutineer.name);
  await expect(chief).toBeHidden();

  // The audit log is the secretariat's and the scrutineers' to read (issue 12): not the counter's.
  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('audit-page')).toContainText('audit.list');
  await expect(page.getByTestId('audit-row')).toHaveCount(0);

  // 锁定: the station locks at once, and the old sign-in no longer works.
  await page.getByTestId('header-lock').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const token = await page.evaluate(() => window.sessionStorage.getItem('congressDesk.signIn'));
  expect(token).toBeNull();
  // The scrutineer signs in here: the log shows the close, made by the chief at the counter's station.
  await new LockScreen(page).signIn(ops.scrutineer.name, ops.scrutineer.pin);
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('audit-page')).toBeVisible();
  await expect(page.getByTestId('operator-name-display')).toContainText(ops.scrutineer.name);
  // The log reads as sentences now (issue 15 item 2): the row is found by its action, not its code's text.
  const close = page.locator('[data-testid="audit-row"][data-action="rounds.close"]').first();
  await expect(close).toContainText(ops.chief_scrutineer.name);
  const rows = await call(host, 'audit.list', { limit: 10, beforeId: null }, scrutineer);
  const closed = rows.find((r) => r.action === 'rounds.close');
  expect(closed).toMatchObject({ action: 'rounds.close', operator: ops.chief_scrutineer.name });
  expect(closed!.station).toContain(ops.counter.name);
});

test('cancelling the chief scrutineer’s PIN leaves the round open; the station locks itself when idle', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(90_000);
  const { ops, contestId, roundId } = await roundWithOperators(host, OPERATORS, { title: '党委委员', collected: 1 });
  const scrutineer = await signedIn(host, ops.scrutineer.id, ops.scrutineer.pin, '监票台');
  await enterBallots(host, roundId, [{ marks: 'oo-' }], scrutineer);

  await page.clock.install();
  await openApp(page);
  await new LockScreen(page).signIn(ops.secretariat.name, ops.secretariat.pin);
  await expect(page.getByTestId('operator-name-display')).toContainText(ops.secretariat.name);
  // The secretariat sets contests up but does not key ballots or issue them here.
  await page.getByTestId('nav-contests').click();
  await expect(page.getByTestId('contest-add')).toBeVisible();
  await page.getByTestId('contest-open').first().click();
  await page.getByTestId('round-close').click();
  await page.getByTestId('round-close-confirm').click();
  await expect(page.getByTestId('chief-pin')).toBeVisible();
  await page.getByTestId('chief-cancel').click();
  await expect(page.getByTestId('chief-pin')).toBeHidden();
  // Nothing happened, and no error is shown for it.
  await expect(page.getByTestId('round-closed')).toHaveCount(0);
  await expect(page.getByTestId('round-close')).toBeVisible();
  expect((await call(host, 'contests.get', { contestId })).rounds[0]!.status).toBe('voting');

  // 15 minutes (the default) without keyboard or mouse: the station locks, here and in the backend.
  const token = await page.evaluate(() => window.sessionStorage.getItem('congressDesk.signIn'));
  expect(token).toBeTruthy();
  await page.clock.fastForward('15:10');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const stale = { operator: '', station: 'x', session: token! };
  expect((await refused(host, 'meetings.create', { name: '空闲后', date: '2026-03-20' }, stale)).code).toBe('locked');
});

test('a congress without operators warns; its first operator, added in the settings, signs the station in', async ({
  page,
  openApp,
}) => {
  await openDemoAs(page, openApp, '大会秘书处 周红');
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('settings-operators');
  await expect(card.getByTestId('operators-none')).toContainText('未设置操作员:任何人都可以修改本大会数据');

  await card.getByTestId('operator-add').click();
  const form = page.getByTestId('operator-form');
  await form.getByTestId('operator-form-name').fill('秘书 周红');
  await form.getByTestId('operator-form-pin').fill('246810');
  await form.getByTestId('operator-form-pin-again').fill('246811');
  await page.getByTestId('operator-form-submit').click();
  await expect(form).toContainText('两次输入的 PIN 不一致');
  await form.getByTestId('operator-form-pin-again').fill('246810');
  await page.getByTestId('operator-form-submit').click();
  await expect(form).toBeHidden();

  // No lock screen: whoever added the first operator is signed in as it.
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('operator-name-display')).toContainText('秘书 周红');
  await expect(card.getByTestId('operators-none')).toHaveCount(0);

  // A counter, added by the secretariat.
  await card.getByTestId('operator-add').click();
  await form.getByTestId('operator-form-name').fill('计票人 李娜');
  await form.getByTestId('operator-form-role').click();
  await page.locator('.ant-select-item-option[title="计票人"]').click();
  // Four digits were allowed once (issue 12): the form now asks for at least six.
  await form.getByTestId('operator-form-pin').fill('1357');
  await form.getByTestId('operator-form-pin-again').fill('1357');
  await page.getByTestId('operator-form-submit').click();
  await expect(form).toContainText('PIN 须为 6–12 位数字');
  await form.getByTestId('operator-form-pin').fill('135790');
  await form.getByTestId('operator-form-pin-again').fill('135790');
  await page.getByTestId('operator-form-submit').click();
  await expect(form).toBeHidden();
  await expect(card.locator('[data-testid="operator-row"][data-name="计票人 李娜"]')).toHaveAttribute(
    'data-role',
    'counter',
  );
});

test('a check-in refused as locked (the PIN was changed meanwhile) goes through once the clerk signs in again', async ({
  page,
  openApp,
  host,
}) => {
  const { ops, secretariat, meetingId } = await congressWithOperators(host, OPERATORS);
  const first = (await call(host, 'delegates.list', {}, secretariat)).find((d) => d.category === 'voting')!;
  // No change events reach this window: the first it hears of the new PIN is the refused check-in.
  await page.route('**/api/events**', (route) => route.abort());
  await openApp(page);
  await new LockScreen(page).signIn(ops.clerk.name, ops.clerk.pin);
  const search = page.getByTestId('desk-search');
  await expect(search).toBeVisible();

  // Nor any other answer: whatever else the window asks (a refetch while its event stream is
  // down) waits until the check-in has been refused, so that the check-in is what finds the
  // sign-in ended, however slow the machine.
  let release = () => {};
  let held: Promise<void> | null = null;
  await page.route('**/api/invoke', async (route) => {
    const channel = (route.request().postDataJSON() as { channel?: string } | null)?.channel ?? '';
    if (held && !channel.startsWith('attendance.checkIn')) await held;
    await route.continue();
  });
  held = new Promise<void>((resolve) => {
    release = resolve;
  });

  // The secretariat gives the clerk a new PIN at another station: this sign-in ends.
  await call(host, 'operators.update', { operatorId: ops.clerk.id, pin: '202020' }, secretariat);
  await search.fill(first.badge);
  await search.press('Enter');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  held = null;
  release();
  expect((await call(host, 'attendance.list', { meetingId }, secretariat)).some((r) => r.delegateId === first.id)).toBe(
    false,
  );

  // The old PIN no longer works; the new one does, and the scan is not lost.
  await new LockScreen(page).signIn(ops.clerk.name, ops.clerk.pin);
  await expect(page.getByTestId('lock-error')).toBeVisible();
  await new LockScreen(page).enterPin('202020');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await expect(page.getByTestId('banner-name')).toHaveText(first.name);
  const records = await call(host, 'attendance.list', { meetingId }, secretariat);
  expect(records.find((r) => r.delegateId === first.id)).toMatchObject({ status: 'present', operator: ops.clerk.name });
});

test('automatic backups go to the folder set in the settings; restoring a copy takes the congress back', async ({
  page,
  openApp,
  host,
}) => {
  const { ops } = await congressWithOperators(host, OPERATORS);
  const usb = path.join(host.dir, 'usb');
  fs.mkdirSync(usb);

  await openApp(page);
  await new LockScreen(page).signIn(ops.secretariat.name, ops.secretariat.pin);
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('settings-auto-backup');
  await expect(card.getByTestId('backup-dir-none')).toBeVisible();

  // A folder that is not there is refused, with the reason.
  await card.getByTestId('backup-dir-input').fill(path.join(usb, '没有这个U盘'));
  await card.getByTestId('backup-dir-set').click();
  await expect(card.getByTestId('backup-error')).toContainText('备份文件夹不存在');

  await card.getByTestId('backup-dir-input').fill(usb);
  await card.getByTestId('backup-dir-set').click();
  await expect(card.getByTestId('backup-dir')).toContainText(usb);
  await expect(card.getByTestId('backup-last')).toContainText('设置备份文件夹');
  await expect(card.getByTestId('backup-copy')).toHaveCount(1);
  const copies = fs.readdirSync(usb).filter((f) => f.endsWith('.congress'));
  expect(copies).toHaveLength(1);

  // A change after the copy: a meeting added on screen.
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-name').fill('第二次全体会议');
  await page.getByTestId('meeting-add').click();
  await expect(page.getByTestId('meetings-table')).toContainText('第二次全体会议');

  // Restore the copy: the meeting is gone, the old file is kept beside the congress.
  await page.getByTestId('nav-settings').click();
  await card.getByTestId('backup-restore').click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('恢复前');
  await page.getByTestId('backup-restore-confirm').click();
  await expect(page.locator('.ant-message')).toContainText('已从备份恢复');
  const congressPath = (await call(host, 'congress.get', {})).path;
  const kept = fs.readdirSync(path.dirname(congressPath)).filter((f) => f.includes('.恢复前-'));
  expect(kept.length).toBeGreaterThan(0);

  await page.getByTestId('nav-meetings').click();
  await expect(page.getByTestId('meetings-table')).toBeVisible();
  await expect(page.getByTestId('meetings-table')).not.toContainText('第二次全体会议');
  expect((await call(host, 'meetings.list', {})).map((m) => m.name)).not.toContain('第二次全体会议');
  // The restore ended every sign-in: the secretariat signs in again to read the log.
  const reader = await signedIn(host, ops.secretariat.id, ops.secretariat.pin, '核对');
  const rows = await call(host, 'audit.list', { limit: 5, beforeId: null }, reader);
  expect(rows.find((r) => r.action === 'backups.restore')).toMatchObject({ operator: ops.secretariat.name });
});
