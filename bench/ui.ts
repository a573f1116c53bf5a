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

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from '@playwright/test';
import { candidateFromDelegate } from '../core/candidates.js';
import { createBackend } from '../db/backend.js';
import type { Backend } from '../db/backend-types.js';
import { findChromium, OFFLINE_CHROMIUM_FLAGS } from '../electron/host/chromium.js';
import { type LoopbackHost, startLoopbackHost } from '../electron/host/server.js';
import { loopbackCall } from './congress.js';
import type { Reporter } from './report.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'dist', 'renderer');

const BALLOTS = 200;
const CANDIDATES = 9;
const SEATS = 7;
const PRESENT = 205;

/** Newest modification time under `target` (skipping node_modules), as scripts/start.mjs. */
function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(target)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

export function buildRendererIfStale(): void {
  const built = path.join(staticDir, 'index.html');
  const sources = ['renderer', 'core', 'vite.config.ts', 'package.json', 'package-lock.json'].map((p) =>
    newest(path.join(root, p)),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log('Building the renderer (vite build) …');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status ?? r.signal})`);
}

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
  buildRendererIfStale();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: set CHROMIUM_PATH or install Debian chromium');

  const dir = mkdtempSync(path.join(tmpdir(), 'congress-bench-ui-'));
  let backend: Backend | null = null;
  let host: LoopbackHost | null = null;
  let browser: Browser | null = null;
  try {
    const dataDir = path.join(dir, 'data');
    const documentsDir = path.join(dir, 'documents');
    mkdirSync(dataDir, { recursive: true });
    mkdirSync(documentsDir, { recursive: true });
    backend = createBackend({ dataDir, documentsDir });
    host = await startLoopbackHost({ backend, staticDir });

    // The scene, through the host's API as the e2e tests set it.
    const call = loopbackCall(host);
    await call('congress.openDemo', {});
    const meetingId = (await call('congress.get', {})).congress.currentMeetingId;
    if (meetingId === null) throw new Error('the demo congress has no current meeting');
    let voting = (await call('delegates.list', {})).filter((d) => d.category === 'voting');
    for (let i = 1; voting.length + i - 1 < PRESENT; i++) {
      await call('delegates.add', {
        badge: `B${String(i).padStart(3, '0')}`,
        name: `补充代表${i}`,
        gender: null,
        ethnicity: null,
        birthDate: null,
        education: null,
        delegation: null,
        unit: null,
        category: 'voting',
      });
    }
    voting = (await call('delegates.list', {})).filter((d) => d.category === 'voting');
    for (const d of voting.slice(0, PRESENT)) await call('attendance.checkIn', { meetingId, delegateId: d.id });

    const contest = await call('contests.create', {
      meetingId,
      title: '党委委员',
      kind: 'election',
      seats: SEATS,
      marginPercent: 20,
      doubleEntry: false,
      paperGroup: null,
    });
    const added = [];
    for (const d of voting.slice(0, CANDIDATES)) {
      added.push(await call('candidates.add', { contestId: contest.id, ...candidateFromDelegate(d) }));
    }
    await call('candidates.approveOrder', { contestId: contest.id, candidateIds: added.map((c) => c.id) });
    const round = (await call('contests.get', { contestId: contest.id })).rounds[0];
    if (!round) throw new Error('the contest has no round');
    await call('rounds.distribute', { roundId: round.id, ballotsPrinted: 220, issued: PRESENT, spareVoided: 15 });
    await call('rounds.collect', { roundId: round.id, collected: BALLOTS });

    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: [...OFFLINE_CHROMIUM_FLAGS, '--no-sandbox'],
    });
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1366, height: 860 },
      serviceWorkers: 'block',
    });
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && /^(https?|wss?|ftp):$/.test(url.protocol),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(`${host.url}#/count?round=${round.id}`);
    await page.getByTestId('operator-name').fill('计票人 赵敏');
    await page.getByTestId('operator-submit').click();
    await page.getByTestId('operator-modal').waitFor({ state: 'hidden' });
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
    const ballots = await call('ballots.list', { roundId: round.id });
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
  } finally {
    await browser?.close().catch(() => {});
    await host?.close().catch(() => {});
    backend?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
