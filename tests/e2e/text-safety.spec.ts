/**
 * Issue 12 item 5 as the secretariat and a clerk meet it: a roster whose row 12 carries an RLO
 * (U+202E) in a name is refused whole, the message naming the row, the column and the character;
 * a name pasted into the desk's search with a zero-width space still finds the delegate.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { syntheticRoster, syntheticXlsx } from '../fixtures/synthetic-roster.js';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { Desk } from './pages/desk.js';

test('RLO in roster row 12 → refused naming 第 12 行「姓名」 U+202E(从右至左覆盖); a pasted 张\\u200b三 in the desk search finds 张三', async ({
  page,
  openApp,
  host,
}, testInfo) => {
  // A new congress, two imports and the desk: longer than one step under a loaded machine.
  test.setTimeout(120_000);
  const delegates = syntheticRoster(20, 3).map((d) => ({ ...d, category: '正式代表' as const }));
  // The title row and the header come first: delegate 10 is spreadsheet row 12.
  const hostile = delegates.map((d, i) =>
    i === 9 ? { ...d, name: `${d.name.slice(0, 1)}\u202e${d.name.slice(1)}` } : d,
  );
  const badFile = path.join(host.dir, '代表名册-RLO.xlsx');
  const goodFile = path.join(host.dir, '代表名册.xlsx');
  writeFileSync(badFile, await syntheticXlsx(hostile));
  writeFileSync(goodFile, await syntheticXlsx(delegates));

  await openApp(page);
  const frame = new AppFrame(page);
  await frame.signIn('秘书处 王芳');
  await frame.createCongress({
    name: '中国共产党白沙镇第十五次代表大会',
    date: '2026-11-21',
    venue: '白沙镇党委大礼堂',
    path: path.join(host.documentsDir, '白沙镇.congress'),
  });

  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-import').click();
  await page.getByTestId('import-file').setInputFiles(badFile);
  const errors = page.getByTestId('import-errors');
  await expect(errors).toContainText('第 12 行「姓名」列第 2 个字符是不可见字符 U+202E(从右至左覆盖)');
  await expect(errors).toContainText('⟨U+202E⟩');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.screenshot({ path: testInfo.outputPath('roster-rlo-refused.png') });
  expect(await call(host, 'delegates.list', {})).toEqual([]);

  await page.getByTestId('import-file').setInputFiles(goodFile);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-name').fill('选举大会');
  await page.getByTestId('meeting-date').fill('2026-11-21');
  await page.getByTestId('meeting-add').click();
  await expect(page.getByTestId('meetings-table')).toContainText('选举大会');

  await page.getByTestId('nav-desk').click();
  const desk = new Desk(page);
  const wanted = delegates[4]!;
  await desk.find(`${wanted.name.slice(0, 1)}\u200b${wanted.name.slice(1)}`);
  await expect(desk.results).toContainText(wanted.badge);
  await page.screenshot({ path: testInfo.outputPath('desk-zwsp-search.png') });
});
