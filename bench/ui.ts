/**
 * ui.ballots200: 200 paper ballots keyed through the real counting screen by Playwright in
 * Debian's Chromium (offline flags), against the loopback host on a temp congress, the way
 * a counter with the default mark ○ keys them: the number of each crossed row (a row number
 * flips ○ to ×), now and then a row left unmarked (its number, then space), a few blank papers
 * (`b`), a few write-ins (`w`, the name, Enter in the name commits), Enter after each. The
 * clock runs from the first key to "entered 200" on screen.
 *
 * ui.ballot.keys: the key presses actually sent for those 200 papers, per paper (a written
 * name counts one press per character). The budget: no more keys than the marks that
 * differ from the default plus Enter, for the typical paper.
 */

import type { Page } from '@playwright/test';
import { candidateFromDelegate } from '../core/candidates.js';
import { namedDelegate } from '../core/domain.js';
import { approvedContest } from './congress.js';
import type { Reporter } from './report.js';
import { onStage } from './stage.js';

const BALLOTS = 200;
const CANDIDATES = 9;
const SEATS = 7;
const PRESENT = 205;

/** One paper as the counter keys it, on a fresh all-○ sheet. */
type Paper = { keys: string[]; writeIn?: string };

/** A small fixed-seed generator, so every run keys the same 200 papers. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Keys that set `marks` (row → 'x' crossed or '-' unmarked) and leave every other row at ○:
 * the row's number (one digit on a paper of 9) puts × there; space then makes it unmarked.
 */
function keysFor(marks: Map<number, string>): string[] {
  const keys: string[] = [];
  for (const row of [...marks.keys()].sort((a, b) => a - b)) {
    keys.push(String(row + 1));
    if (marks.get(row) === '-') keys.push(' ');
  }
  return keys;
}

function papers(): Paper[] {
  const rand = mulberry32(20250615);
  const pick = (n: number, taken: Set<number> = new Set()): number[] => {
    const rows: number[] = [];
    while (rows.length < n) {
      const r = Math.floor(rand() * CANDIDATES);
      if (!taken.has(r) && !rows.includes(r)) rows.push(r);
    }
    return rows;
  };
  const out: Paper[] = [];
  for (let i = 0; i < BALLOTS; i++) {
    const kind = i % 25;
    if (kind === 7 || kind === 19) {
      // Blank: every row unmarked (16 of 200), `b`.
      out.push({ keys: ['b'] });
    } else if (kind === 12) {
      // Three crossed and a name written in with ○: seven chosen (8 of 200).
      const marks = new Map(pick(3).map((r) => [r, 'x']));
      out.push({ keys: keysFor(marks), writeIn: i % 2 === 0 ? '郑明亮' : '王建华' });
    } else if (kind % 5 === 3) {
      // Two crossed and one row left unmarked (20 of 200).
      const crossed = pick(2);
      const blank = pick(1, new Set(crossed));
      const marks = new Map<number, string>([...crossed.map((r): [number, string] => [r, 'x']), [blank[0]!, '-']]);
      out.push({ keys: keysFor(marks) });
    } else {
      // The usual paper: two crossed out of nine, seven ○ left.
      out.push({ keys: keysFor(new Map(pick(2).map((r) => [r, 'x']))) });
    }
  }
  return out;
}

/** Keys one paper; returns the key presses it took. */
async function keyPaper(page: Page, paper: Paper): Promise<number> {
  let presses = 0;
  for (const k of paper.keys) {
    await page.keyboard.press(k);
    presses++;
  }
  if (paper.writeIn) {
    await page.keyboard.press('w');
    presses++;
    const field = page.getByTestId('writein-name');
    await field.waitFor({ state: 'visible' });
    // Not on the key map: the name comes in as typed text (an input method's commit),
    // counted as one press per character.
    await page.keyboard.type(paper.writeIn);
    presses += paper.writeIn.length;
    // Enter in the name's field commits the paper with the write-in (it gets ○ as it is typed).
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    return presses + 1;
  }
  await page.keyboard.press('Enter');
  return presses + 1;
}

export async function benchUi(report: Reporter, _size: number): Promise<void> {
  await onStage('ui', async ({ call, browse, signedIn }) => {
    // The scene, through the host's API as the e2e tests set it.
    await call('congress.openDemo', {});
    const meetingId = (await call('congress.get', {})).congress.currentMeetingId;
    if (meetingId === null) throw new Error('the demo congress has no current meeting');
    let voting = (await call('delegates.list', {})).filter((d) => d.category === 'voting');
    for (let i = 1; voting.length + i - 1 < PRESENT; i++) {
      await call('delegates.add', namedDelegate(`B${String(i).padStart(3, '0')}`, `补充代表${i}`));
    }
    voting = (await call('delegates.list', {})).filter((d) => d.category === 'voting');
    for (const d of voting.slice(0, PRESENT)) await call('attendance.checkIn', { meetingId, delegateId: d.id });

    const candidates = voting.slice(0, CANDIDATES).map(candidateFromDelegate);
    const roundId = await approvedContest(call, meetingId, '党委委员', SEATS, candidates);
    await call('rounds.distribute', { roundId, ballotsPrinted: 220, issued: PRESENT, spareVoided: 15 });
    await call('rounds.collect', { roundId, collected: BALLOTS });

    const context = await browse({ timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
    const page = await signedIn(context, `#/count?round=${roundId}`, '计票人 赵敏');
    const sheet = page.getByTestId('ballot-sheet');
    await sheet.waitFor({ state: 'visible' });
    // The sheet shows before its keys are live (the listener comes after the first paint,
    // focus leaves the operator dialog as it fades): before the clock, wait until ↓ and ↑
    // move the cursor.
    for (const [key, want] of [
      ['ArrowDown', '1'],
      ['ArrowUp', '0'],
    ] as const) {
      const until = Date.now() + 15_000;
      for (;;) {
        await page.keyboard.press(key);
        if ((await sheet.getAttribute('data-cursor')) === want) break;
        if (Date.now() > until) throw new Error(`the ballot sheet does not answer ${key}`);
        await page.waitForTimeout(100);
      }
    }

    const stack = papers();
    let presses = 0;
    const t0 = performance.now();
    for (const paper of stack) presses += await keyPaper(page, paper);
    await page
      .waitForFunction(
        (n) => {
          const el = document.querySelector('[data-testid="count-progress"]');
          return el?.getAttribute('data-full') === 'true' && el.textContent?.includes(`${n} /`);
        },
        BALLOTS,
        { polling: 'raf', timeout: 60_000 },
      )
      .catch(async (e: unknown) => {
        const progress = await page.getByTestId('count-progress').innerText();
        const error = page.getByTestId('count-error');
        const why = (await error.isVisible()) ? `; ${await error.innerText()}` : '';
        throw new Error(`the screen shows "${progress}"${why} (${e instanceof Error ? e.message : e})`);
      });
    const seconds = (performance.now() - t0) / 1000;

    // The figure only counts if the papers really went in as keyed.
    if (await page.getByTestId('count-error').isVisible()) {
      throw new Error(`count error: ${await page.getByTestId('count-error').innerText()}`);
    }
    const ballots = await call('ballots.list', { roundId });
    const writeIns = ballots.filter((b) => b.writeIns.length > 0).length;
    if (ballots.length !== BALLOTS || writeIns !== stack.filter((p) => p.writeIn).length) {
      throw new Error(`${ballots.length} ballots stored (${writeIns} with a write-in), expected ${BALLOTS}`);
    }

    const note = `${BALLOTS} papers, 9 for 7, default ○, headless Chromium, loopback host`;
    report.add({ bench: 'ui.ballots200', value: seconds, unit: 's', budget: 20, note });
    report.add({
      bench: 'ui.ballot.keys',
      value: presses / BALLOTS,
      unit: 'keys',
      budget: 4,
      note: `${presses} key presses for ${BALLOTS} papers, row numbers and Enter`,
    });
  });
}
