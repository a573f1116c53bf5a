/**
 * Issue 15 item 4: in the browser, files were paths typed by hand. Now 「浏览…」 opens the loopback
 * host's picker of the places (the browser's stand-in for the desktop's dialogs): the backup
 * folder chosen, a result exported into a folder picked, and that file verified when picked,
 * no path typed; the picker lists nothing outside the places.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call, papers } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { PlacePicker } from './pages/picker.js';
import { contestOf, countThroughApi, demoWithVoters, openDemoAs } from './scenes.js';

const SHOTS = path.join('test-results', 'pickers');

test('settings › 自动备份 › 浏览… → 位置 › documents › U盘 › 党代会备份 → 选择此文件夹 → 设置: the backup folder is set with no path typed; ↑ and the breadcrumb climb back; /etc and `..` through the route are refused', async ({
  page,
  openApp,
  host,
}) => {
  const documents = fs.realpathSync(host.documentsDir);
  const backups = path.join(documents, 'U盘', '党代会备份');
  fs.mkdirSync(backups, { recursive: true });
  fs.writeFileSync(path.join(documents, 'U盘', '说明.txt'), '备份放这里');
  await openDemoAs(page, openApp, '大会秘书处 周红');
  await new AppFrame(page).nav('settings');
  const card = page.getByTestId('settings-auto-backup');
  await expect(card.getByTestId('backup-dir-none')).toBeVisible();

  await card.getByTestId('backup-dir-input-browse').click();
  const picker = new PlacePicker(page);
  await expect(picker.root).toBeVisible();
  // The places: the documents folder is one; nothing outside them is offered.
  expect(await picker.names()).toContain(documents);
  await expect(picker.ok).toBeDisabled();
  await picker.walk(documents, 'U盘');
  // A folder target lists folders only: the text file beside them is not offered.
  expect(await picker.names()).toEqual(['党代会备份']);
  await page.screenshot({ path: path.join(SHOTS, 'picker-folder-zh-CN.png') });
  // ↑ climbs back to the documents folder, the breadcrumb back to the places; the keyboard goes in again.
  await picker.up.click();
  await expect(picker.root).toHaveAttribute('data-dir', documents);
  await picker.root.locator('[data-testid="picker-crumb"][data-path=""]').click();
  await expect(picker.root).toHaveAttribute('data-dir', '');
  await picker.entry(documents).dblclick();
  await expect(picker.root).toHaveAttribute('data-dir', documents);
  await picker.list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker.root).toHaveAttribute('data-dir', path.join(documents, 'U盘'));
  await picker.into('党代会备份');
  await expect(picker.target).toContainText(backups);
  await picker.choose();

  await expect(card.getByTestId('backup-dir-input')).toHaveValue(backups);
  await card.getByTestId('backup-dir-set').click();
  await expect(card.getByTestId('backup-dir')).toContainText(backups);

  // A script with the page's token gets no listing outside the places, `..` or not.
  for (const dir of ['/etc', `${documents}/../..`]) {
    const r = await page.request.post(`http://127.0.0.1:${host.port}/api/places/list`, {
      headers: { Authorization: `Bearer ${host.token}` },
      data: { dir, ctx: { operator: '大会秘书处 周红', station: 'x' } },
    });
    expect(await r.json(), dir).toMatchObject({
      ok: false,
      error: { code: 'forbidden', reason: 'picker.outside_places' },
    });
  }
});

test('结果导出 › 浏览… → 各镇结果 → 保存到此处 → 导出 (浏览… again: replaces it, 取消), then 核验 › 添加文件… → the .json picked (the .csv beside it not offered) → 核验: exported into a picked folder and verified with no path typed', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  const documents = fs.realpathSync(host.documentsDir);
  const folder = path.join(documents, '各镇结果');
  fs.mkdirSync(folder);
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  const { roundId } = await contestOf(host, { meetingId, title: '党委委员', people: voting.slice(0, 3) });
  await countThroughApi(host, roundId, { papers: papers('oo-', 89), close: true });
  const { fingerprint } = await call(host, 'result.status', {});

  const app = new AppFrame(page);
  await app.language('English');
  await app.nav('results');
  await expect(page.getByTestId('result-ready')).toBeVisible();
  const suggested = await page.getByTestId('result-export-path').inputValue();
  await page.getByTestId('result-export-browse').click();
  const picker = new PlacePicker(page);
  // A save starts in the suggested path's folder, with its name.
  await expect(picker.root).toHaveAttribute('data-dir', documents);
  await expect(picker.name).toHaveValue(path.basename(suggested));
  await picker.into('各镇结果');
  const target = path.join(folder, path.basename(suggested));
  await expect(picker.target).toContainText(target);
  await page.screenshot({ path: path.join(SHOTS, 'picker-save-en.png') });
  await picker.choose();
  await expect(page.getByTestId('result-export-path')).toHaveValue(target);
  await page.getByTestId('result-export-submit').click();
  await expect(page.getByTestId('result-export-done-path')).toHaveText(target);
  expect(fs.existsSync(target)).toBe(true);
  expect(fs.existsSync(target.replace(/\.json$/, '.csv'))).toBe(true);
  // Saving there again: the picker opens in that folder and says the file there would be replaced; cancel keeps the path.
  await page.getByTestId('result-export-browse').click();
  await expect(picker.root).toHaveAttribute('data-dir', folder);
  await expect(picker.root.getByTestId('picker-replaces')).toBeVisible();
  await picker.cancel.click();
  await expect(picker.root).toBeHidden();
  await expect(page.getByTestId('result-export-path')).toHaveValue(target);

  // The district's side: no congress open, the file picked in the verify screen.
  await page.getByTestId('close-congress').click();
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('open-verify').click();
  await page.getByTestId('verify-add-file').click();
  // The picker opens where the last one was; the CSV beside the result is not a result file.
  await expect(picker.root).toHaveAttribute('data-dir', folder);
  expect(await picker.names()).toEqual([path.basename(target)]);
  await expect(picker.ok).toBeDisabled();
  await picker.entry(path.basename(target)).click();
  await picker.choose();
  await expect(page.getByTestId('verify-paths')).toHaveValue(target);
  await page.getByTestId('verify-expected').fill(fingerprint);
  await page.getByTestId('verify-submit').click();
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report).toHaveAttribute('data-verdict', 'verified');
});

test('the picker in a locked station lists nothing: a congress with operators, nobody signed in, its token used by a script', async ({
  page,
  openApp,
  host,
}) => {
  await openDemoAs(page, openApp, '大会秘书处 周红');
  await call(host, 'operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '111111' });
  const r = await page.request.post(`http://127.0.0.1:${host.port}/api/places/list`, {
    headers: { Authorization: `Bearer ${host.token}` },
    data: { dir: null, ctx: { operator: '路过的人', station: '无人值守' } },
  });
  expect(await r.json()).toMatchObject({ ok: false, error: { code: 'locked' } });
});
