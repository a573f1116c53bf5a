/**
 * The first plenary on screen (rule 14) and exclusions from 应到 (rule 16): the meetings screen
 * creates a plenary from the closed 党委委员 contest and shows its electorate and 应到; the desk on
 * the plenary finds only its members; the secretariat excludes a member with a reason from the
 * desk; the 清点到会人数报告单 lists the exclusion with its kind and note.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call, papers } from './api.js';
import { expect, test } from './fixtures.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

const shot = (page: Page, dir: string, name: string) =>
  page.screenshot({ path: path.join(process.env.PLENARY_SHOTS ?? dir, `${name}.png`), fullPage: true });

test('a plenary of the members just elected: created on the meetings screen, its desk, an exclusion, its report', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  // The congress elects 5 党委委员 of 6 (set through the API; other specs key ballots on screen).
  const { voting, meetingId: congressMeeting } = await demoWithVoters(page, openApp, host, {
    operator: '大会秘书处 周红',
    present: 100,
  });
  const candidates = voting.slice(0, 6);
  const { roundId } = await contestOf(host, {
    meetingId: congressMeeting,
    title: '党委委员',
    seats: 5,
    people: candidates,
  });
  await countThroughApi(host, roundId, { issued: 100, papers: papers('ooooox', 100), close: true });
  const members = candidates.slice(0, 5);

  // ——— The meetings screen: a plenary of the members of 党委委员 ———
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-name').fill('党委第一次全体会议');
  await page.getByTestId('meeting-electorate-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '委员全体会议' }).click();
  await page.getByTestId('meeting-contest-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '党委委员' }).click();
  await page.getByTestId('meeting-add').click();
  const plenaryRow = page.locator('tr').filter({ hasText: '党委第一次全体会议' });
  await expect(plenaryRow.getByTestId('meeting-electorate')).toHaveAttribute('data-electorate', 'members');
  await expect(plenaryRow.getByTestId('meeting-electorate')).toContainText('党委委员');
  await expect(plenaryRow.getByTestId('meeting-due')).toHaveText('5');
  await shot(page, host.dir, 'plenary-meetings');
  const plenary = (await call(host, 'meetings.list', {})).find((m) => m.name === '党委第一次全体会议')!;

  // ——— Its desk: members only ———
  await plenaryRow.getByTestId('meeting-make-current').click();
  await page.getByTestId('nav-desk').click();
  await expect(page.getByTestId('desk-members')).toContainText('党委委员');
  await expect(page.getByTestId('count-due')).toHaveText('5');
  const search = page.getByTestId('desk-search');
  // A delegate who is no member: refused with the reason, nothing counted.
  await search.fill(voting[50]!.badge);
  await search.press('Enter');
  await expect(page.getByTestId('desk-banner')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('count-present')).toHaveText('0');
  for (const d of members.slice(0, 4)) {
    await search.fill(d.badge);
    await search.press('Enter');
    await expect(page.getByTestId('banner-name')).toHaveText(d.name);
  }
  await expect(page.getByTestId('count-present')).toHaveText('4');
  // 4 of 5 is exactly four fifths: no quorum.
  await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-met', 'false');
  // Only the members are listed as not arrived.
  await expect(page.getByTestId('not-arrived-row')).toHaveCount(1);

  // ——— The fifth member has been transferred: excluded from 应到 with the reason ———
  await page.getByRole('tab', { name: /不计入应到/ }).click();
  await page.getByTestId('exclusion-add').click();
  await page.getByTestId('exclusion-delegate').click();
  await page.locator('.ant-select-item-option').filter({ hasText: members[4]!.name }).click();
  await page.getByTestId('exclusion-kind-transferred').click();
  await page.getByTestId('exclusion-note').fill('调往县委组织部');
  await page.getByTestId('exclusion-submit').click();
  await expect(page.getByTestId('excluded-row')).toHaveCount(1);
  await expect(page.getByTestId('excluded-kind')).toHaveText('调离');
  await expect(page.getByTestId('count-due')).toHaveText('4');
  await expect(page.getByTestId('count-excluded')).toHaveText('1');
  await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-met', 'true');
  await shot(page, host.dir, 'plenary-desk');

  const summary = await call(host, 'attendance.summary', { meetingId: plenary.id });
  expect(summary).toMatchObject({ electorate: 'members', due: 4, present: 4 });
  expect(summary.exclusions).toEqual([{ delegateId: members[4]!.id, kind: 'transferred', note: '调往县委组织部' }]);

  // ——— The attendance report of the plenary ———
  await page.goto(`${page.url().split('#')[0]}#/print/attendance?meeting=${plenary.id}`);
  const report = page.getByTestId('attendance-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('report-due')).toContainText('应到会委员');
  await expect(page.getByTestId('report-due')).toContainText('4');
  await expect(page.getByTestId('report-excluded')).toContainText(`${members[4]!.name}(调离:调往县委组织部)`);
  await expect(page.getByTestId('report-nonvoting')).toHaveCount(0);
  await expect(page.getByTestId('report-statement')).toHaveAttribute('data-met', 'true');
  await shot(page, host.dir, 'plenary-report');
});
