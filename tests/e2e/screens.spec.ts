/**
 * Every screen readable at the laptop's 1366×768 and the hall's board at 1920×1080, in zh-CN and
 * English (issue 15 item 8). A demo congress with a counted, closed round and a round being keyed
 * is walked through every route in both languages; each screen is photographed into
 * test-results/screens/ (looked at by hand) and checked for what a machine can see: no sideways
 * scrolling, the congress's whole name in the header, no text cut off by an ellipsis or spilling
 * out of its button, and on an English screen no catalogue key shown raw and no Chinese left but
 * the congress's own data (names, delegations, titles, the oath's text).
 */
import type { Page } from '@playwright/test';
import { call, papers } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { LockScreen } from './pages/lock.js';
import { congressWithOperators, contestOf, countThroughApi, demoWithVoters, OPERATORS } from './scenes.js';

const SHOTS = 'test-results/screens';
const LANGUAGE_KEY = 'congressDesk.language';
const LAPTOP = { width: 1366, height: 768 };
const HALL = { width: 1920, height: 1080 };
const OPERATOR = '大会秘书处 周红';
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/**
 * The demo congress on screen, 89 of 110 voting delegates present; 党委委员 (5 candidates, 4
 * seats) counted and closed; 纪委委员 (3 candidates, 2 seats) being keyed, 6 papers in.
 */
async function dayInProgress(page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: OPERATOR });
  const closed = await contestOf(host, { meetingId, title: '党委委员', people: voting.slice(0, 5), seats: 4 });
  await countThroughApi(host, closed.roundId, {
    issued: 89,
    collected: 88,
    papers: [...papers('oxooo', 50), ...papers('oooxo', 30), ...papers('ooooo', 5), ...papers('-----', 3)],
    close: true,
  });
  const open = await contestOf(host, {
    meetingId,
    title: '纪律检查委员会委员',
    people: voting.slice(5, 8),
    seats: 2,
  });
  await countThroughApi(host, open.roundId, { issued: 89, collected: 89, papers: papers('oox', 6) });
  return { meetingId, closed, open };
}

/** Every string the congress's own reads return that has Chinese in it: data, not UI text. */
async function congressData(host: TestHost, meetingId: number, contestIds: number[]): Promise<string[]> {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      if (CJK.test(value)) found.add(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(await call(host, 'congress.get', {}));
  collect(await call(host, 'meetings.list', {}));
  collect(await call(host, 'delegates.list', {}));
  collect(OPERATOR);
  collect(await call(host, 'contests.list', { meetingId }));
  collect(await call(host, 'discipline.texts', {}));
  for (const contestId of contestIds) collect(await call(host, 'contests.get', { contestId }));
  // Longest first, so that a name inside a longer string is not stripped before it.
  return [...found].sort((a, b) => b.length - a.length);
}

interface Findings {
  pageScroll: { scrollWidth: number; clientWidth: number };
  sideways: string[];
  cut: string[];
  spilling: string[];
  rawKeys: string[];
  chinese: string[];
  title: { scrollWidth: number; clientWidth: number; text: string } | null;
}

/** What the screen shows that a reader would trip over (run in the page). */
async function inspect(page: Page, data: string[]): Promise<Findings> {
  return page.evaluate((data) => {
    const cjk = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && s.display !== 'none';
    };
    const label = (el: Element): string =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} «${(el.textContent ?? '').trim().slice(0, 60)}»`;
    const all = [...document.querySelectorAll('body *')].filter(visible);
    const sideways: string[] = [];
    const cut: string[] = [];
    const spilling: string[] = [];
    for (const el of all) {
      const s = getComputedStyle(el);
      // A box that scrolls sideways (the frame's content, a table's body) hides a column.
      if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        sideways.push(`${label(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      }
      // The audit log's raw payload is cut on purpose: the whole of it is one click away (the row expands).
      const onPurpose = el.closest('[data-testid="audit-table"]') !== null && el.closest('td') !== null;
      if (s.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !onPurpose) cut.push(label(el));
    }
    for (const button of document.querySelectorAll('button, .ant-btn, .ant-segmented-item, .ant-tabs-tab')) {
      if (!visible(button)) continue;
      const b = button.getBoundingClientRect();
      const row = button.parentElement?.closest(
        '.ant-space, .ant-card, .ant-modal-content, form, td, th, header, main',
      );
      const r = row?.getBoundingClientRect();
      const out =
        b.right > window.innerWidth + 1 || (r !== undefined && (b.right > r.right + 1 || b.left < r.left - 1));
      if (out || button.scrollWidth > button.clientWidth + 1) spilling.push(label(button));
    }
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = (n.textContent ?? '').trim();
      if (t && n.parentElement && visible(n.parentElement)) texts.push(t);
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v && visible(el)) texts.push(v);
      }
    }
    const rawKeys = texts.filter((t) => /^[a-z][a-zA-Z]*(\.[a-zA-Z0-9_]+)+$/.test(t));
    const chinese = texts
      .map((t) => {
        let rest = t;
        for (const d of data) rest = rest.split(d).join(' ');
        return rest;
      })
      .map((rest) => {
        // Chinese on purpose in any language: the switch's name for Chinese, the tally's stroke
        // character 正, and the example of a congress's name (names are Chinese on every screen).
        for (const word of ['中文', '正', '中国共产党××镇第十五次代表大会']) rest = rest.split(word).join(' ');
        return rest;
      })
      .filter((rest) => cjk.test(rest));
    const titleEl = document.querySelector('[data-testid="congress-name"]');
    const el = document.scrollingElement!;
    return {
      pageScroll: { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth },
      sideways,
      cut,
      spilling,
      rawKeys,
      chinese: [...new Set(chinese)],
      title: titleEl
        ? { scrollWidth: titleEl.scrollWidth, clientWidth: titleEl.clientWidth, text: titleEl.textContent ?? '' }
        : null,
    };
  }, data);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  // Fonts and antd's motion (a tab's ink bar, a card's fade) before the photograph.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
}

/** Photographs the screen at `hash` and returns what is wrong with it, by kind. */
async function look(page: Page, host: TestHost, hash: string, shot: string, data: string[], english: boolean) {
  await page.goto(`${host.url}${hash}`);
  await settle(page);
  await page.screenshot({ path: `${SHOTS}/${shot}.png` });
  const f = await inspect(page, data);
  const problems: string[] = [];
  if (f.pageScroll.scrollWidth > f.pageScroll.clientWidth) {
    problems.push(`page scrolls sideways: ${f.pageScroll.scrollWidth} > ${f.pageScroll.clientWidth}`);
  }
  for (const s of f.sideways) problems.push(`scrolls sideways: ${s}`);
  for (const c of f.cut) problems.push(`cut off: ${c}`);
  for (const s of f.spilling) problems.push(`spills out of its row: ${s}`);
  if (f.title && f.title.scrollWidth > f.title.clientWidth) {
    problems.push(`congress name cut: ${f.title.scrollWidth} > ${f.title.clientWidth}`);
  }
  if (english) {
    for (const k of f.rawKeys) problems.push(`raw key: ${k}`);
    for (const c of f.chinese) problems.push(`untranslated: ${c}`);
  }
  return problems.map((p) => `${shot}: ${p}`);
}

const ROUTES = (s: Awaited<ReturnType<typeof dayInProgress>>): [string, string][] => [
  ['desk', '#/desk'],
  ['roster', '#/roster'],
  ['meetings', '#/meetings'],
  ['discipline-oath', '#/discipline?tab=oath'],
  ['discipline-pledges', '#/discipline?tab=pledges'],
  ['discipline-texts', '#/discipline?tab=texts'],
  ['contests', '#/contests'],
  ['contest-closed', `#/contests?contest=${s.closed.contestId}`],
  ['contest-open', `#/contests?contest=${s.open.contestId}`],
  ['count-open', `#/count?round=${s.open.roundId}`],
  ['count-closed', `#/count?round=${s.closed.roundId}`],
  ['scan-open', `#/scan?round=${s.open.roundId}`],
  ['report', '#/report'],
  ['results', '#/results'],
  ['audit', '#/audit'],
  ['settings', '#/settings'],
  ['verify', '#/verify'],
  ['new', '#/new'],
];

/** The header's congress name, as much of it as shows and as much as there is. */
async function headerName(page: Page) {
  return page.getByTestId('congress-name').evaluate((el) => {
    const box = el.getBoundingClientRect();
    const header = el.closest('header')!.getBoundingClientRect();
    return {
      text: el.textContent ?? '',
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      // Its lines inside the header's band (the header does not grow: a third line would be lost).
      inside: box.top >= header.top && box.bottom <= header.bottom - 3,
    };
  });
}

for (const language of ['zh-CN', 'en'] as const) {
  test(`at 1366×768 in ${language}, each operator signed in (role tag, lock, close congress) still sees the whole congress name in the header`, async ({
    page,
    openApp,
    host,
  }) => {
    const { ops } = await congressWithOperators(host, OPERATORS);
    await page.setViewportSize(LAPTOP);
    await page.addInitScript((l) => window.localStorage.setItem(l.key, l.value), {
      key: LANGUAGE_KEY,
      value: language,
    });
    await openApp(page);
    // The first load of the app under a busy machine can take longer than a step's 10 s.
    await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('lock-operator')).toHaveCount(OPERATORS.length);
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/${language}-lock-screen.png` });
    // Each operator's tile shows the whole name beside the role (「总监票人 陈刚」 was 「总监票…」).
    expect((await inspect(page, [])).cut).toEqual([]);
    const lock = new LockScreen(page);
    for (const o of OPERATORS) {
      await lock.unlock(ops[o.role].name, ops[o.role].pin);
      await settle(page);
      await page.screenshot({
        path: `${SHOTS}/${language}-header-${o.role}.png`,
        clip: { x: 0, y: 0, ...LAPTOP, height: 120 },
      });
      const name = await headerName(page);
      expect(name.text).toBe('中国共产党青山镇第十五次代表大会');
      expect(name.scrollWidth, `${o.role}: the name is cut sideways`).toBeLessThanOrEqual(name.clientWidth);
      expect(name.inside, `${o.role}: the name runs out of the header`).toBe(true);
      const f = await inspect(page, []);
      expect(f.spilling, `${o.role}: header tools out of the window`).toEqual([]);
      await page.getByTestId('header-lock').click();
    }
  });

  test(`every screen at 1366×768 in ${language}: the whole congress name in the header, nothing scrolls sideways or is cut off${language === 'en' ? ', nothing left in Chinese but data' : ''}`, async ({
    page,
    openApp,
    host,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(LAPTOP);
    await page.addInitScript((l) => window.localStorage.setItem(l.key, l.value), {
      key: LANGUAGE_KEY,
      value: language,
    });
    const scene = await dayInProgress(page, openApp, host);
    const data = await congressData(host, scene.meetingId, [scene.closed.contestId, scene.open.contestId]);
    await expect(page.getByTestId('congress-name')).toHaveText('中国共产党青山镇第十五次代表大会');

    const problems: string[] = [];
    for (const [name, hash] of ROUTES(scene)) {
      problems.push(...(await look(page, host, hash, `${language}-${name}`, data, language === 'en')));
    }
    expect(problems).toEqual([]);
  });

  test(`the hall's boards at 1920×1080 in ${language}: everything on the one screen, large type, nothing cut off`, async ({
    page,
    openApp,
    host,
  }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => window.localStorage.setItem(l.key, l.value), {
      key: LANGUAGE_KEY,
      value: language,
    });
    const scene = await dayInProgress(page, openApp, host);
    const data = await congressData(host, scene.meetingId, [scene.closed.contestId, scene.open.contestId]);
    await page.setViewportSize(HALL);
    const problems: string[] = [];
    const boards: [string, string][] = [
      ['board', '#/board'],
      ['tally-open', `#/tally?contest=${scene.open.contestId}`],
      ['tally-closed', `#/tally?contest=${scene.closed.contestId}`],
    ];
    for (const [name, hash] of boards) {
      problems.push(...(await look(page, host, hash, `${language}-${name}`, data, language === 'en')));
      // A board is one screen: nothing below the fold in a hall nobody scrolls.
      const overflow = await page.evaluate(() => {
        const el = document.scrollingElement!;
        return el.scrollHeight - el.clientHeight;
      });
      if (overflow > 0) problems.push(`${language}-${name}: taller than the screen by ${overflow}px`);
    }
    expect(problems).toEqual([]);
  });
}
