/**
 * Double entry: one stack keyed twice, blind, by two operators; the differing ballot is
 * shown side by side and the scrutineers settle it; the tally is provisional until then.
 */
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { CountSheet } from './pages/count-sheet.js';
import { contestOf, countThroughApi, demoWithVoters } from './scenes.js';

test('a stack keyed twice with one difference is settled by the scrutineers', async ({ page, openApp, host }) => {
  const scene = await demoWithVoters(page, openApp, host, { operator: '计票人 甲', present: 100 });
  const { roundId } = await contestOf(host, {
    meetingId: scene.meetingId,
    title: '纪委委员',
    people: scene.voting.slice(0, 3),
    doubleEntry: true,
  });
  await countThroughApi(host, roundId, { issued: 100, collected: 4 });

  const sheet = new CountSheet(page);
  await sheet.open(host, roundId);
  await sheet.keyStack('1', ['oox', 'oxo', 'xoo', '---']);
  await sheet.keyStack('2', ['oox', 'oxo', 'oxo', '---']);
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
