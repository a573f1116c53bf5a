/**
 * Issue 15 item 5: the roster import preview at 1366×860 shows every column without sideways
 * scrolling, counts what it will import (by category, women, by delegation) and says what it
 * normalised (the full-width padding of two-character names, 1979.12 rewritten as 1979-12) — in
 * zh-CN and in English. The normalisation itself stays: the imported names and dates are the
 * normalised ones.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import {
  ROSTER_HEADERS,
  type SyntheticDelegate,
  syntheticRoster,
  syntheticXlsx,
} from '../fixtures/synthetic-roster.js';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { RosterImport } from './pages/roster.js';

/** As organisation departments send it: 李超 padded to 李　超 so the column lines up with 王建国. */
const padded = (d: SyntheticDelegate): SyntheticDelegate =>
  [...d.name].length === 2 ? { ...d, name: `${d.name[0]}\u3000${d.name[1]}` } : d;

/** The part of `inner` outside `outer`'s box, in pixels: 0 when it is wholly in view. */
async function overflowRight(inner: Locator, outer: Locator): Promise<number> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) throw new Error('not laid out');
  return Math.max(0, a.x + a.width - (b.x + b.width));
}

test('roster preview at 1366×860: pick an xlsx with 李　超-padded names and 1979.12 dates → every column in view, counts by category / women / delegation, and what was normalised, in zh-CN and English', async ({
  page,
  openApp,
  host,
}) => {
  // Two passes through the dialog (zh-CN, then English) and an import.
  test.setTimeout(120_000);
  const source = syntheticRoster(60, 15);
  // A few 列席 among them, so each of the three categories is counted.
  const delegates = source.map((d, i) => padded(i % 12 === 5 ? { ...d, category: '列席' } : d));
  const paddedCount = delegates.filter((d) => d.name.includes('\u3000')).length;
  expect(paddedCount).toBeGreaterThan(5);
  const file = path.join(host.dir, '代表名册.xlsx');
  writeFileSync(file, await syntheticXlsx(delegates));

  const count = (pred: (d: SyntheticDelegate) => boolean) => delegates.filter(pred).length;
  const voting = count((d) => d.category === '正式代表');
  const alternate = count((d) => d.category === '候补代表');
  const nonvoting = count((d) => d.category === '列席');
  const women = count((d) => d.gender === '女');
  expect(Math.min(voting, alternate, nonvoting)).toBeGreaterThan(0);

  await openApp(page);
  const app = new AppFrame(page);
  await app.startCongress('秘书处 王芳', {
    name: '中国共产党青山镇第十五次代表大会',
    date: '2026-11-21',
    venue: '青山镇党委大礼堂',
    path: path.join(host.documentsDir, '青山镇.congress'),
  });

  const dialog = new RosterImport(page);
  for (const language of ['zh-CN', 'en'] as const) {
    if (language === 'en') await app.language('English');
    await dialog.preview(file);
    const zh = language === 'zh-CN';

    // What it will import, counted before importing.
    const summary = page.getByTestId('import-count-summary');
    await expect(summary).toContainText(zh ? `共 ${delegates.length} 人` : `${delegates.length} in all`);
    await expect(summary).toContainText(zh ? `正式代表 ${voting}` : `${voting} delegates`);
    await expect(summary).toContainText(zh ? `候补代表 ${alternate}` : `${alternate} alternates`);
    await expect(summary).toContainText(zh ? `列席 ${nonvoting}` : `${nonvoting} non-voting`);
    await expect(summary).toContainText(zh ? `女 ${women}` : `${women} women`);
    await dialog.tab('counts');
    for (const delegation of new Set(delegates.map((d) => d.delegation))) {
      const row = page.locator(`[data-testid="import-count-row"][data-delegation="${delegation}"]`);
      await expect(row).toHaveAttribute('data-total', String(count((d) => d.delegation === delegation)));
      await expect(row).toHaveAttribute(
        'data-women',
        String(count((d) => d.delegation === delegation && d.gender === '女')),
      );
    }

    // What it normalised, said: the count, and an example as the file had it and as it will be.
    const names = dialog.notice('roster.normalised.name_wide_space');
    await expect(names).toContainText(
      zh ? `已规范 ${paddedCount} 个姓名中的全角空格` : `full-width spaces from ${paddedCount} names`,
    );
    const example = delegates.find((d) => d.name.includes('\u3000'))!;
    await expect(names).toContainText(example.name);
    await expect(names).toContainText(example.name.replace('\u3000', ''));
    const dates = dialog.notice('roster.normalised.birth_date');
    await expect(dates).toContainText(zh ? `${delegates.length} 个出生年月` : `${delegates.length} birth dates`);
    await expect(dates).toContainText(delegates[0]!.birth);
    await expect(dates).toContainText(delegates[0]!.birth.replace('.', '-'));

    await page.screenshot({ path: test.info().outputPath(`roster-preview-${language}.png`) });
    // The preview scrolls inside the dialog: the import button stays on the laptop's screen.
    await expect(page.getByTestId('import-submit')).toBeInViewport();

    // Every column in view at 1366: the last (类别) ends inside the dialog, nothing to scroll sideways.
    await dialog.tab('rows');
    const table = page.getByTestId('import-rows');
    const category = table.locator('th', { hasText: zh ? '类别' : 'Category' });
    await expect(category).toBeVisible();
    const box = page.getByRole('dialog').filter({ has: page.getByTestId('import-modal') });
    expect(await overflowRight(category, box)).toBe(0);
    const sideways = await table
      .locator('.ant-table-body, .ant-table-content')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`roster-preview-rows-${language}.png`) });
    if (zh) await dialog.close();
  }

  // The normalisation stays: imported names without the padding, dates as YYYY-MM.
  await dialog.submit();
  const imported = await call(host, 'delegates.list', {});
  expect(imported).toHaveLength(delegates.length);
  const stored = imported.find((d) => d.badge === example0(delegates).badge)!;
  expect(stored.name).toBe(example0(delegates).name.replace('\u3000', ''));
  expect(stored.birthDate).toBe(example0(delegates).birth.replace('.', '-'));
});

const example0 = (ds: SyntheticDelegate[]) => ds.find((d) => d.name.includes('\u3000'))!;

test('roster preview: a sheet with a blank 类别, 候补 for 候补代表 and 1975.1 typed as a number → notices to check, each with its row, before importing', async ({
  page,
  openApp,
  host,
}) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  ws.addRow(ROSTER_HEADERS);
  ws.addRow(['001', '王建国', '男', '汉族', '1975.03', '大学', '机关代表团', '镇党委', '正式代表']);
  ws.addRow(['002', '李秀英', '女', '汉族', 1975.1, '大专', '机关代表团', '镇政府', '']);
  ws.addRow(['003', '赵强', '男', '回族', '1980.01', '高中', '青山村代表团', '青山村党支部', '候补']);
  const file = path.join(host.dir, '代表名册-待核对.xlsx');
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

  await openApp(page);
  await new AppFrame(page).startCongress('秘书处 王芳', {
    name: '中国共产党青山镇第十五次代表大会',
    date: '2026-11-21',
    venue: '青山镇党委大礼堂',
    path: path.join(host.documentsDir, '青山镇.congress'),
  });
  const dialog = new RosterImport(page);
  await dialog.preview(file);

  await expect(page.getByTestId('import-notices')).toHaveClass(/warning/);
  await expect(dialog.notice('roster.normalised.category_empty')).toContainText('1 人的类别为空,按正式代表导入');
  await expect(dialog.notice('roster.normalised.category_empty')).toContainText('第 3 行');
  await expect(dialog.notice('roster.normalised.category')).toContainText('第 4 行「候补」→「候补代表」');
  await expect(dialog.notice('roster.normalised.birth_number')).toContainText('第 3 行「1975.1」→「1975-10」');
  await expect(page.getByTestId('import-count-summary')).toContainText('正式代表 2,候补代表 1,列席 0;女 1');
  await page.screenshot({ path: test.info().outputPath('roster-preview-to-check-zh-CN.png') });
});
