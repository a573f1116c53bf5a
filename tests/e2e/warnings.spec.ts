/**
 * Errors and warnings as codes (issue 10, item 8), in the English UI: a refusal reads in
 * English, and a warning (fewer papers issued than voters present) waits in a modal for the
 * operator's acknowledgement — Cancel writes nothing, Acknowledge writes it and the audit row
 * names who acknowledged what.
 */
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { RoundPanel } from './pages/round.js';
import { contestOf, demoWithVoters } from './scenes.js';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

test('the English UI shows a refusal and a warning in English; acknowledging goes through', async ({
  page,
  openApp,
  host,
}) => {
  const scene = await demoWithVoters(page, openApp, host, { operator: 'Qian Jun' });
  await new AppFrame(page).language('English');

  // The scene: 89 of the demo's 110 voters present, one contest of three for two seats.
  const { contestId } = await contestOf(host, {
    meetingId: scene.meetingId,
    title: '纪委委员',
    people: scene.voting.slice(0, 3),
  });
  const contest = { id: contestId };
  const roundOf = async () => (await call(host, 'contests.get', { contestId: contest.id })).rounds[0]!;

  await new RoundPanel(page).open(host, contest.id);
  await expect(page.getByTestId('distribute-form')).toBeVisible();

  // A refusal: fewer printed than issued plus voided. Its reason reads in English.
  const round = new RoundPanel(page);
  await round.distribute({ printed: 80, issued: 88, spare: 0 });
  const refusal = page.getByTestId('round-error-text');
  await expect(refusal).toContainText('80');
  await expect(refusal).toContainText('88');
  expect(CJK.test((await page.getByTestId('round-error').textContent()) ?? '')).toBe(false);
  expect((await roundOf()).status).toBe('setup');

  // A warning: 88 issued for 89 present. Cancel: nothing written.
  await round.distribute({ printed: 90, issued: 88, spare: 2 });
  const modal = page.getByRole('dialog').filter({ has: page.getByTestId('warnings-list') });
  await expect(modal).toBeVisible();
  const item = modal.locator('li[data-reason="warning.issued_below_present"]');
  await expect(item).toHaveText('88 ballots issued, fewer than the 89 voters present');
  expect(CJK.test((await modal.textContent()) ?? '')).toBe(false);
  await page.getByTestId('warnings-cancel').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('round-error')).toHaveCount(0);
  expect((await roundOf()).status).toBe('setup');

  // Acknowledged: written, and the audit row says who acknowledged what.
  await page.getByTestId('distribute-submit').click();
  await expect(item).toBeVisible();
  await page.getByTestId('warnings-acknowledge').click();
  await expect(modal).toBeHidden();
  await expect(page.getByTestId('collect-form')).toBeVisible();
  const distributed = await roundOf();
  expect([distributed.status, distributed.issued]).toEqual(['voting', 88]);
  const [row] = await call(host, 'audit.list', { limit: 1, beforeId: null });
  expect(row!.action).toBe('rounds.distribute');
  expect(JSON.parse(row!.payload).acknowledged).toEqual([
    { reason: 'warning.issued_below_present', params: { issued: 88, present: 89 }, by: 'Qian Jun' },
  ]);

  // The audit log shows who acknowledged what, in English.
  await page.getByTestId('nav-audit').click();
  const newest = page.getByTestId('audit-row').first();
  // Issue 15 item 2: the row reads as a sentence, not as its channel's code.
  await expect(newest).toHaveAttribute('data-action', 'rounds.distribute');
  await expect(newest).toContainText('Ballots issued');
  await newest.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('audit-acknowledged')).toHaveText(
    'Acknowledged by Qian Jun: 88 ballots issued, fewer than the 89 voters present',
  );
});
