/**
 * ui.large.*: a congress of 3,000 delegates with 20 contests, in Debian's Chromium against the
 * loopback host, as the desk and the hall see it. Each figure is the time from the user's act
 * to the screen showing its result:
 *
 *   search   two letters of pinyin initials typed → the result list shows
 *   checkin  a badge scanned (typed + Enter) → the banner names the delegate
 *   board    a check-in committed at another station → the hall's board shows the new count
 *   contests the 选举 page opened → all 20 contests listed
 *   roster   the 代表名册 page opened → the roster table shows
 */

import path from 'node:path';
import type { Page } from '@playwright/test';
import { candidateFromDelegate, electionContest } from '../core/candidates.js';
import { createDemoCongress } from '../db/congress/demo.js';
import { BENCH_CTX } from './congress.js';
import { median, percentile, type Reporter } from './report.js';
import { onStage } from './stage.js';

const CONTESTS = 20;
const SAMPLES = 25;

async function timeUntil<A>(page: Page, act: () => Promise<void>, done: (arg: A) => boolean, arg: A): Promise<number> {
  const t = performance.now();
  await act();
  await page.waitForFunction(done as (arg: unknown) => boolean, arg as unknown, { polling: 'raf', timeout: 30_000 });
  return performance.now() - t;
}

export async function benchLarge(report: Reporter, size: number): Promise<void> {
  await onStage('large', async ({ dir, host, call, browse, signedIn }) => {
    const file = path.join(dir, 'large.congress');
    const built = createDemoCongress(file, { size, operator: BENCH_CTX.operator });
    if (!built.ok) throw new Error(built.error.message);
    await call('congress.open', { path: file });
    const meetingId = (await call('congress.get', {})).congress.currentMeetingId!;
    const delegates = await call('delegates.list', {});
    const voting = delegates.filter((d) => d.category === 'voting');
    for (let k = 0; k < CONTESTS; k++) {
      const contest = await call('contests.create', electionContest(meetingId, `出席区党代会代表(第${k + 1}选区)`, 7));
      for (const d of voting.slice(k * 9, k * 9 + 9)) {
        await call('candidates.add', { contestId: contest.id, ...candidateFromDelegate(d) });
      }
    }
    // Half the hall already in: the lists are at their longest and busiest.
    for (const d of voting.slice(0, Math.floor(voting.length / 2))) {
      await call('attendance.checkIn', { meetingId, delegateId: d.id });
    }
    const waiting = voting.slice(Math.floor(voting.length / 2));

    const context = await browse();
    const page = await signedIn(context, '#/desk', '报到员 李华');
    const search = page.getByTestId('desk-search');
    await search.waitFor({ state: 'visible' });

    // Search: initials of a waiting delegate.
    const searchMs: number[] = [];
    for (const d of waiting.slice(0, SAMPLES)) {
      await search.fill('');
      const q = d.initials.slice(0, 2);
      searchMs.push(
        await timeUntil(
          page,
          () => search.fill(q),
          (want: string) => {
            const input = document.querySelector<HTMLInputElement>('[data-testid="desk-search"]');
            return input?.value === want && document.querySelectorAll('[data-testid="desk-result"]').length > 0;
          },
          q,
        ),
      );
    }
    await search.fill('');

    // Check-in by badge, as a scanner types it.
    const checkinMs: number[] = [];
    for (const d of waiting.slice(0, SAMPLES)) {
      checkinMs.push(
        await timeUntil(
          page,
          async () => {
            await search.fill(d.badge);
            await search.press('Enter');
          },
          (name: string) => document.querySelector('[data-testid="banner-name"]')?.textContent?.includes(name) ?? false,
          d.name,
        ),
      );
    }

    // The hall's board follows a check-in made at another station.
    const board = await context.newPage();
    await board.goto(`${host.url}#/board`);
    await board.locator('[data-testid="board"][data-ready="true"]').waitFor();
    const boardMs: number[] = [];
    for (const d of waiting.slice(SAMPLES, SAMPLES * 2)) {
      const before = Number((await board.getByTestId('board-present').innerText()).replace(/\D/g, ''));
      boardMs.push(
        await timeUntil(
          board,
          async () => {
            await call('attendance.checkIn', { meetingId, delegateId: d.id });
          },
          (n: number) =>
            Number(document.querySelector('[data-testid="board-present"]')?.textContent?.replace(/\D/g, '')) === n,
          before + 1,
        ),
      );
    }

    // Whole pages.
    const pageMs = async <A>(hash: string, done: (arg: A) => boolean, arg: A) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.goto(`${host.url}#/desk`);
        await search.waitFor({ state: 'visible' });
        samples.push(
          await timeUntil(page, () => page.evaluate((h) => (window.location.hash = h), hash).then(() => {}), done, arg),
        );
      }
      return median(samples);
    };
    const contestsMs = await pageMs(
      '#/contests',
      (n: number) => document.querySelectorAll('[data-testid="contest-open"]').length >= n,
      CONTESTS,
    );
    const rosterMs = await pageMs(
      '#/roster',
      () => document.querySelectorAll('[data-testid="roster-page"] .ant-table-row').length > 0,
      null,
    );

    const note = `${delegates.length} delegates, ${CONTESTS} contests, headless Chromium, loopback host`;
    for (const [name, samples, budget] of [
      ['search', searchMs, 100],
      ['checkin', checkinMs, 200],
      ['board', boardMs, 250],
    ] as const) {
      report.add({ bench: `ui.large.${name}.p50`, value: median(samples), unit: 'ms', note });
      report.add({ bench: `ui.large.${name}.p99`, value: percentile(samples, 99), unit: 'ms', budget, note });
    }
    report.add({ bench: 'ui.large.contests', value: contestsMs, unit: 'ms', budget: 1000, note: 'median of 5' });
    report.add({ bench: 'ui.large.roster', value: rosterMs, unit: 'ms', budget: 1000, note: 'median of 5' });
  });
}
