/**
 * Issue 13 item 2: the app prints the delegates' badges (代表证) and the sign-in sheet (签到表).
 * Before, neither existed: the desk scanned badges the department printed elsewhere, and a
 * badge lost on the day could not be reprinted. Here a roster is imported, every badge printed
 * to PDF and read back (text, pages, one badge's Code 128 and QR decoded from a 300 dpi raster),
 * the decoded text typed into the desk as a USB scanner types it, and the delegate checked in.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { syntheticRoster, syntheticXlsx } from '../fixtures/synthetic-roster.js';
import { call } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { badgeCodes, printedPdf, printWindowOf, rasterise } from './pages/badges.js';
import { Desk } from './pages/desk.js';
import { RosterImport } from './pages/roster.js';

test.describe.configure({ timeout: 240_000 });

const CATEGORY = { voting: '正式代表', alternate: '候补代表', nonvoting: '列席' } as const;
/** A long Uyghur name as the roster writes it: it must print whole, on one line, smaller. */
const LONG_NAME = '阿卜杜热合曼·买买提明';

/** A new congress with `n` delegates imported from the department's .xlsx, one more with a long name, and a current meeting. */
async function importedRoster(page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost, n: number) {
  const file = path.join(host.dir, '代表名册.xlsx');
  writeFileSync(file, await syntheticXlsx(syntheticRoster(n, 13)));
  await openApp(page);
  await new AppFrame(page).startCongress('秘书处 王芳', {
    name: '中国共产党青山镇第十五次代表大会',
    date: '2026-11-21',
    venue: '青山镇党委大礼堂',
    path: path.join(host.documentsDir, '青山镇党代会.congress'),
  });
  const importing = new RosterImport(page);
  await importing.preview(file);
  await importing.submit();
  await importing.close();
  await call(host, 'delegates.add', {
    badge: 'Z01',
    name: LONG_NAME,
    gender: 'male',
    ethnicity: '维吾尔族',
    birthDate: null,
    education: null,
    delegation: '企业代表团',
    unit: null,
    category: 'nonvoting',
  });
  const meeting = await call(host, 'meetings.create', { name: '第一次全体会议', date: '2026-11-21' });
  await call(host, 'meetings.setCurrent', { meetingId: meeting.id });
  const delegates = await call(host, 'delegates.list', {});
  // The roster's order: badge order, as the screens show it (renderer/features/roster/delegates.ts).
  delegates.sort((a, b) => a.badge.localeCompare(b.badge, 'zh-CN', { numeric: true }));
  expect(delegates).toHaveLength(n + 1);
  return { delegates, meetingId: meeting.id };
}

test('issue 13 item 2: import a roster, print every badge (代表证) to PDF from the roster screen, read each name, delegation, category and number, 8 to a page; decode one badge’s Code 128 and QR from a 300 dpi scan of the sheet; type the decoded text into the desk as a USB scanner does (all keys, then Enter): the delegate is checked in', async ({
  page,
  openApp,
  host,
  context,
}) => {
  const { delegates, meetingId } = await importedRoster(page, openApp, host, 20);
  await page.getByTestId('nav-roster').click();
  const button = page.getByTestId('roster-print-badges');
  await expect(button).toHaveText(/打印代表证/);
  const print = await printWindowOf(context, button);
  expect(decodeURIComponent(print.url())).toContain('#/print/badges?delegates=all');
  await expect(print.getByTestId('badge')).toHaveCount(21);

  const pdf = path.join(host.dir, '代表证.pdf');
  const { text, pages, count } = await printedPdf(print, pdf);
  expect(count).toBe(3); // 21 badges, 8 to an A4 sheet
  for (const d of delegates) {
    expect(text).toContain(d.name);
    expect(text).toContain(`证号 ${d.badge}`);
  }
  // Each sheet carries its eight in roster order, each with its delegation and its category in words.
  for (const [i, d] of delegates.entries()) {
    const sheet = pages[Math.floor(i / 8)]!;
    expect(sheet, `${d.badge} on sheet ${Math.floor(i / 8) + 1}`).toContain(`证号 ${d.badge}`);
    expect(sheet).toContain(d.delegation!);
    expect(sheet).toContain(CATEGORY[d.category]);
  }
  // The long name whole on one line, not cut into two.
  expect(text.split('\n').some((line) => line.includes(LONG_NAME))).toBe(true);
  await expect(print.locator(`[data-badge="Z01"] [data-testid="badge-name"]`)).toHaveCSS('white-space', 'nowrap');
  const nameBox = await print.locator(`[data-badge="Z01"] [data-testid="badge-name"] bdi`).boundingBox();
  const badgeBoxOnScreen = await print.locator(`[data-badge="Z01"]`).boundingBox();
  expect(nameBox!.width).toBeLessThan(badgeBoxOnScreen!.width);

  // A scanner at the desk: the second badge of the first sheet, scanned at 300 dpi, gray.
  const sheet = rasterise(pdf, 1);
  const second = delegates[1]!;
  const codes = await badgeCodes(sheet, 1);
  expect(codes.bars).toEqual([second.badge]);
  expect(codes.qr).toEqual([second.badge]);

  await print.close();
  await page.getByTestId('nav-desk').click();
  const desk = new Desk(page);
  // Keyboard wedge: the scanner types every character at once, then Enter.
  await desk.search.focus();
  await page.keyboard.type(codes.bars[0]!, { delay: 0 });
  await page.keyboard.press('Enter');
  await expect(desk.banner).toHaveAttribute('data-kind', 'checked_in');
  await expect(desk.bannerName).toHaveText(second.name);
  const records = await call(host, 'attendance.list', { meetingId });
  expect(records.filter((r) => r.status === 'present').map((r) => r.delegateId)).toEqual([second.id]);
});

test('issue 13 item 2: print the badges of the rows ticked on the roster only (2 of 61, one sheet); reprint one lost badge from the desk’s search; the 签到表 by delegation, each heading followed by its delegates in roster order, a heading never the last line of a page, the paper’s foot', async ({
  page,
  openApp,
  host,
  context,
}, testInfo) => {
  const { delegates, meetingId } = await importedRoster(page, openApp, host, 60);
  await page.getByTestId('nav-roster').click();
  const [a, b] = [delegates[4]!, delegates[9]!];
  for (const d of [a, b]) await page.locator(`tr[data-row-key="${d.id}"] .ant-checkbox-input`).check();
  const button = page.getByTestId('roster-print-badges');
  await expect(button).toHaveText('打印所选代表证(2)');
  await page.screenshot({ path: testInfo.outputPath('roster-two-ticked.png') });
  const chosen = await printWindowOf(context, button);
  await expect(chosen.getByTestId('badge')).toHaveCount(2);
  const picked = await printedPdf(chosen, path.join(host.dir, '所选代表证.pdf'));
  expect(picked.count).toBe(1);
  for (const d of delegates) {
    if (d === a || d === b) expect(picked.text).toContain(d.name);
    else expect(picked.text).not.toContain(`证号 ${d.badge}`);
  }
  await chosen.close();

  // A delegate lost her badge: the clerk finds her by name at the desk and reprints it.
  await page.getByTestId('nav-desk').click();
  const desk = new Desk(page);
  const lost = delegates[30]!;
  await desk.find(lost.name);
  const row = desk.resultRows.filter({ hasText: lost.badge });
  await page.screenshot({ path: testInfo.outputPath('desk-reprint.png') });
  const reprint = await printWindowOf(context, row.getByTestId('action-reprint-badge'));
  expect(decodeURIComponent(reprint.url())).toContain(`#/print/badges?ids=${lost.id}`);
  const one = await printedPdf(reprint, path.join(host.dir, '补打代表证.pdf'));
  expect(one.count).toBe(1);
  expect(one.text).toContain(lost.name);
  expect(one.text).toContain(`证号 ${lost.badge}`);
  await reprint.close();
  // Reprinting checked nobody in.
  expect(await call(host, 'attendance.list', { meetingId })).toEqual([]);

  // 签到表 of the desk's meeting.
  const signin = await printWindowOf(context, page.getByTestId('print-signin'));
  expect(decodeURIComponent(signin.url())).toContain(`#/print/signin?meeting=${meetingId}`);
  const sheet = await printedPdf(signin, path.join(host.dir, '签到表.pdf'));
  expect(sheet.text).toContain('签到表');
  expect(sheet.text).toContain('中国共产党青山镇第十五次代表大会');
  expect(sheet.text).toContain('第一次全体会议');
  expect(sheet.text).toContain('本人签名');
  expect(sheet.count).toBeGreaterThan(1);
  // The delegations in the order the roster first names them, each with its own in roster order.
  const order: string[] = [];
  for (const d of delegates) if (!order.includes(d.delegation!)) order.push(d.delegation!);
  const flat = sheet.text;
  let at = 0;
  for (const delegation of order) {
    const members = delegates.filter((d) => d.delegation === delegation);
    const heading = flat.indexOf(`${delegation}(${members.length} 人)`, at);
    expect(heading, `heading of ${delegation}`).toBeGreaterThanOrEqual(at);
    at = heading;
    for (const d of members) {
      const line = new RegExp(`\\d+\\s+${d.badge}\\s+${d.name.replace(/[·]/g, '.')}\\s+${CATEGORY[d.category]}`);
      const found = line.exec(flat.slice(at));
      expect(found, `${d.badge} ${d.name} under ${delegation}`).not.toBeNull();
      at += found!.index + found![0].length;
    }
  }
  // No page ends on a delegation's heading: its first rows are on the same page.
  for (const p of sheet.pages) {
    const lines = p.split('\n').filter((l) => l.trim() !== '');
    expect(lines.at(-1)).not.toMatch(/代表团\(\d+ 人\)\s*$/);
  }
  // The paper's foot, as on the other forms: when it was printed.
  expect(sheet.pages.at(-1)).toContain('打印时间');
});
