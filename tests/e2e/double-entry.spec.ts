/**
 * Double entry: one stack keyed twice, blind, by two operators; the differing ballot is
 * shown side by side and the scrutineers settle it; the tally is provisional until then.
 */
import type { Page } from '@playwright/test';
import { addCandidates, call } from './api.js';
import { expect, test } from './fixtures.js';

const KEY = { o: 'o', x: 'x', '-': ' ' } as const;

async function keyStack(page: Page, entry: '1' | '2', papers: string[]) {
  await page
    .getByTestId('count-entry')
    .getByText(entry === '1' ? '第一次' : '第二次')
    .click();
  for (const marks of papers) {
    for (const m of marks) await page.keyboard.press(KEY[m as keyof typeof KEY]);
    await page.keyboard.press('Enter');
  }
}

test('a stack keyed twice with one difference is settled by the scrutineers', async ({ page, openApp, host }) => {
  await openApp(page);
  await page.getByTestId('operator-name').fill('计票人 甲');
  await page.getByTestId('operator-submit').click();
  await page.getByTestId('open-demo').click();
  await expect(page.getByTestId('desk')).toBeVisible();

  const roster = await call(host, 'delegates.list', {});
  const voting = roster.filter((d) => d.category === 'voting');
  const meetingId = (await call(host, 'congress.get', {})).congress.currentMeetingId!;
  for (const d of voting.slice(0, 100)) await call(host, 'attendance.checkIn', { meetingId, delegateId: d.id });
  const contest = await call(host, 'contests.create', {
    meetingId,
    title: '纪委委员',
    kind: 'election',
    seats: 2,
    marginPercent: 20,
    doubleEntry: true,
    paperGroup: null,
  });
  const ids = await addCandidates(host, contest.id, voting.slice(0, 3));
  await call(host, 'candidates.approveOrder', { contestId: contest.id, candidateIds: ids });
  const roundId = (await call(host, 'contests.get', { contestId: contest.id })).rounds[0]!.id;
  await call(host, 'rounds.distribute', { roundId, ballotsPrinted: 100, issued: 100, spareVoided: 0 });
  await call(host, 'rounds.collect', { roundId, collected: 4 });

  await page.goto(`${host.url}#/count?round=${roundId}`);
  await expect(page.getByTestId('ballot-sheet')).toBeVisible();
  await keyStack(page, '1', ['oox', 'oxo', 'xoo', '---']);
  await keyStack(page, '2', ['oox', 'oxo', 'oxo', '---']);
  await expect.poll(async () => (await call(host, 'ballots.list', { roundId })).length).toBe(8);

  let result = await call(host, 'rounds.result', { roundId });
  expect(result.provisional).toContain('stacks_unreconciled');

  await page.getByTestId('tab-stacks').click();
  await page.getByTestId('stack-compare').first().click();
  const diff = page.getByTestId('compare-row');
  await expect(diff).toHaveCount(1);
  await expect(diff).toHaveAttribute('data-position', '3');
  await diff.getByTestId('settle-first').click();

  await expect
    .poll(async () => (await call(host, 'rounds.result', { roundId })).provisional)
    .not.toContain('stacks_unreconciled');
  result = await call(host, 'rounds.result', { roundId });
  // The first keying of position 3 (× ○ ○) stands.
  expect(result.tally.candidates.map((c) => c.for)).toEqual([2, 2, 2]);
  expect(result.tally.counted).toBe(4);
});
