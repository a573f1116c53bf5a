/**
 * The oath of election discipline and the delegates' pledges (issue 5), in Chromium against
 * the loopback host on the demo congress: a pledge signed with the mouse right after
 * check-in, the collective oath started with one key, and both printed as PDF and read back.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { Desk } from './pages/desk.js';
import { pdfText } from './pages/print.js';
import { checkInThroughApi, currentMeetingId, openDemoAs } from './scenes.js';

// Every test starts at the desk of the demo congress, under the clerk's name, its 110 voting delegates due.
test.beforeEach(async ({ page, openApp }) => {
  await openDemoAs(page, openApp, '李明');
  await new Desk(page).expectDue(110);
});

/** The box of an element once the dialog's opening animation has settled. */
async function settledBox(locator: Locator) {
  let last = await locator.boundingBox();
  for (let i = 0; i < 40; i++) {
    await locator.page().waitForTimeout(50);
    const box = await locator.boundingBox();
    if (box && last && box.x === last.x && box.y === last.y && box.width === last.width) return box;
    last = box;
  }
  throw new Error('the element kept moving');
}

/** A signature as a person draws it: press, a wavy stroke across the pad, release. */
async function drawSignature(page: Page) {
  const canvas = page.getByTestId('signature-canvas');
  await expect(canvas).toBeVisible();
  const box = await settledBox(canvas);
  const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  await page.mouse.move(...at(0.15, 0.6));
  await page.mouse.down();
  for (let i = 1; i <= 24; i++) {
    await page.mouse.move(...at(0.15 + i * 0.028, 0.55 - 0.22 * Math.sin(i / 2.5)), { steps: 3 });
  }
  await page.mouse.up();
  await expect(canvas).toHaveAttribute('data-empty', 'false');
}

test('a delegate signs the pledge with the mouse right after check-in; the roster prints the signature', async ({
  page,
  context,
  host,
}) => {
  await call(host, 'congress.updateSettings', { pledgeAtDesk: true });
  // The setting reaches this window (change event) and shows on the settings page.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-pledge-at-desk')).toBeChecked();
  await page.getByTestId('nav-desk').click();

  const roster = await call(host, 'delegates.list', {});
  const voting = roster.filter((d) => d.category === 'voting');
  const attendee = roster.find((d) => d.category === 'nonvoting')!;
  const [signer, skipper] = [voting[0]!, voting[1]!];
  const meetingId = await currentMeetingId(host);

  const desk = new Desk(page);
  const search = desk.search;
  // The dialog's body: the modal root itself has no box of its own.
  const modal = page.getByTestId('pledge-body');
  await desk.scan(signer.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(modal).toBeVisible();
  await expect(page.getByTestId('pledge-delegate')).toContainText(signer.name);
  await expect(page.getByTestId('pledge-text')).toContainText('严禁拉票贿选');
  // Nothing drawn: nothing to confirm.
  await expect(page.getByTestId('pledge-sign')).toBeDisabled();
  await drawSignature(page);
  await page.getByTestId('pledge-sign').click();
  await expect(modal).toBeHidden();
  // The queue keeps moving: the search box has the keys again.
  await expect(search).toBeFocused();

  const history = await call(host, 'pledges.history', { delegateId: signer.id });
  expect(history).toHaveLength(1);
  expect(history[0]).toMatchObject({ status: 'signed', meetingId, textVersion: 1, withdrawn: null });
  expect(history[0]!.signature!.bytes).toBeGreaterThan(100);

  // A non-voting attendee is not asked; the next delegate is, and the clerk puts it off.
  await desk.scan(attendee.badge);
  await expect(page.getByTestId('banner-name')).toHaveText(attendee.name);
  await desk.scan(skipper.badge);
  await expect(page.getByTestId('banner-name')).toHaveText(skipper.name);
  await expect(page.getByTestId('pledge-delegate')).toContainText(skipper.name);
  await page.getByTestId('pledge-skip').click();
  await expect(modal).toBeHidden();
  await expect(search).toBeFocused();
  expect(await call(host, 'pledges.history', { delegateId: skipper.id })).toEqual([]);

  // Checking in again asks no one who has signed.
  await call(host, 'attendance.mark', { meetingId, delegateId: signer.id, status: 'pending', reason: null });
  await desk.scan(signer.badge);
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await page.waitForTimeout(500);
  await expect(modal).toBeHidden();

  // Counted on the discipline page: 1 signed of the 114 delegates due (voting and alternates).
  await page.getByTestId('nav-discipline').click();
  await page.getByTestId('discipline-tab-pledges').click();
  await expect(page.getByTestId('pledge-count-signed')).toHaveText('1');
  await expect(page.getByTestId('pledge-count-due')).toHaveText('114');
  await expect(page.getByTestId('pledge-count-pending')).toHaveText('113');
  await page.getByTestId('pledge-search').fill(skipper.badge);
  await expect(page.getByTestId('pledge-row')).toHaveCount(1);
  await expect(page.getByTestId('pledge-row')).toHaveAttribute('data-state', 'pending');

  // The printed roster, as the PDF the secretariat would save.
  const print = await context.newPage();
  await print.goto(`${host.url}#/print/pledges?meeting=${meetingId}`);
  await expect(print.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  const image = print.getByTestId('pledge-signature-img');
  await expect(image).toHaveCount(1);
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(10);
  const text = await pdfText(print, path.join(host.dir, 'pledges.pdf'));
  expect(text).toContain('严肃换届纪律承诺书签署名册');
  expect(text).toContain(signer.name);
  expect(text).toContain(skipper.name);
  expect(text).toMatch(/已签署\s*1\s*人/);
  expect(text).toMatch(/应签\s*114\s*人/);
  const images = execFileSync('pdfimages', ['-list', path.join(host.dir, 'pledges.pdf')], { encoding: 'utf8' });
  expect(images.trim().split('\n').length).toBeGreaterThan(2);
});

test('the oath starts with one key: participants are those checked in, a latecomer joins, the record prints', async ({
  page,
  context,
  host,
}) => {
  const roster = await call(host, 'delegates.list', {});
  const voting = roster.filter((d) => d.category === 'voting');
  const alternate = roster.find((d) => d.category === 'alternate')!;
  const attendee = roster.find((d) => d.category === 'nonvoting')!;
  const meetingId = await currentMeetingId(host);
  // Six voting delegates and an alternate take the oath; the non-voting attendee does not.
  const present = [...voting.slice(0, 6), alternate];
  await checkInThroughApi(host, meetingId, [...present, attendee]);

  await page.getByTestId('nav-discipline').click();
  await expect(page.getByTestId('oath-present-now')).toContainText(String(present.length));
  await expect(page.getByTestId('oath-start')).toContainText('F9');
  await page.getByTestId('oath-leader').fill('大会主持人张明');
  await page.keyboard.press('F9');
  await expect(page.getByTestId('oath-participant-count')).toHaveText(String(present.length));
  await expect(page.getByTestId('oath-participant')).toHaveCount(present.length);
  await expect(page.getByTestId('oath-state-tag')).toHaveText('进行中');
  // A second key press records nothing more.
  await page.keyboard.press('F9');
  const oath = (await call(host, 'oath.get', { meetingId }))!;
  expect(oath.participants.map((p) => p.delegate.id).sort()).toEqual(present.map((d) => d.id).sort());
  expect(oath.leader).toBe('大会主持人张明');

  // A delegate who checks in after the start joins as a latecomer, with their own time.
  const late = voting[10]!;
  await call(host, 'attendance.checkIn', { meetingId, delegateId: late.id });
  const picker = page.getByTestId('oath-latecomer-select');
  await expect(picker).toContainText('1');
  await picker.click();
  await page.locator('.ant-select-item-option', { hasText: late.name }).click();
  await page.getByTestId('oath-latecomer-add').click();
  await expect(page.getByTestId('oath-participant-count')).toHaveText(String(present.length + 1));
  await expect(page.getByTestId('oath-late-count')).toContainText('1');
  await expect(page.locator(`[data-testid="oath-participant"][data-badge="${late.badge}"]`)).toHaveAttribute(
    'data-late',
    'true',
  );

  await page.getByTestId('oath-finish').click();
  await expect(page.getByTestId('oath-state-tag')).toHaveText('已结束');
  await expect(page.getByTestId('oath-leader-recorded')).toHaveText('大会主持人张明');
  await expect(page.getByTestId('oath-finish')).toHaveCount(0);

  const print = await context.newPage();
  await print.goto(`${host.url}#/print/oath?meeting=${meetingId}`);
  await expect(print.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  const text = await pdfText(print, path.join(host.dir, 'oath.pdf'));
  expect(text).toContain('集中宣誓记录');
  expect(text).toContain('大会主持人张明');
  expect(text).toMatch(new RegExp(`参加宣誓人数\\s+${present.length + 1}\\s*名`));
  expect(text).toContain('其中补充宣誓 1 名');
  expect(text).toContain(late.name);
  expect(text).toContain(alternate.name);
  expect(text).not.toContain(attendee.name);
  expect(text).toContain('我宣誓');
});

test('texts are versioned; a pledge signed at the station keeps its version; withdrawing needs a reason', async ({
  page,
  host,
}) => {
  const roster = await call(host, 'delegates.list', {});
  const delegate = roster.filter((d) => d.category === 'voting')[3]!;

  await page.getByTestId('nav-discipline').click();
  await page.getByTestId('discipline-tab-texts').click();
  await expect(page.getByTestId('text-pledge-version')).toHaveAttribute('data-version', '1');
  const input = page.getByTestId('text-pledge-input');
  await input.fill('本人郑重承诺:严守换届纪律。');
  await page.getByTestId('text-pledge-save').click();
  await expect(page.getByTestId('text-pledge-version')).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('text-oath-version')).toHaveAttribute('data-version', '1');

  // At the pledge station: find the delegate, sign.
  await page.getByTestId('discipline-tab-pledges').click();
  await page.getByTestId('pledge-search').fill(delegate.name);
  const row = page.locator(`[data-testid="pledge-row"][data-badge="${delegate.badge}"]`);
  await row.getByTestId('pledge-row-sign').click();
  await expect(page.getByTestId('pledge-text')).toHaveText('本人郑重承诺:严守换届纪律。');
  await expect(page.getByTestId('pledge-text-version')).toContainText('2');
  await drawSignature(page);
  await page.getByTestId('pledge-sign').click();
  await expect(page.getByTestId('pledge-body')).toBeHidden();
  await expect(page.getByTestId('pledge-count-signed')).toHaveText('1');
  const [signed] = await call(host, 'pledges.history', { delegateId: delegate.id });
  expect(signed).toMatchObject({ status: 'signed', textVersion: 2 });

  // Withdraw: not without a reason.
  await page.getByTestId('pledge-filter-signed').click();
  await row.getByTestId('pledge-row-withdraw').click();
  await page.getByTestId('pledge-withdraw-submit').click();
  await expect(page.getByTestId('pledge-withdraw-modal')).toContainText('请填写原因');
  await page.getByTestId('pledge-withdraw-text').fill('误选了代表');
  await page.getByTestId('pledge-withdraw-submit').click();
  await expect(page.getByTestId('pledge-withdraw-modal')).toBeHidden();
  await expect(page.getByTestId('pledge-count-signed')).toHaveText('0');
  const after = await call(host, 'pledges.history', { delegateId: delegate.id });
  expect(after[0]!.withdrawn).toMatchObject({ reason: '误选了代表', by: '李明' });

  // A refusal from the list is recorded as such.
  await page.getByTestId('pledge-filter-open').click();
  await row.getByTestId('pledge-row-refuse').click();
  await page.getByTestId('pledge-refuse-reason-submit').click();
  await expect(page.getByTestId('pledge-count-refused')).toHaveText('1');
  await expect(row).toHaveAttribute('data-state', 'refused');
});
