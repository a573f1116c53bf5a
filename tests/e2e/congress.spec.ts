/**
 * The secretariat's path from nothing to a printed attendance report: a new congress
 * file, the roster imported from the organisation department's .xlsx (refused whole while
 * it has a problem), a meeting, check-ins, and the 清点到会人数报告单 as PDF read back.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { syntheticRoster, syntheticXlsx } from '../fixtures/synthetic-roster.js';
import { call } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';

test('a new congress: import the roster, add a meeting, check in, print the report', async ({
  page,
  openApp,
  host,
  context,
}) => {
  const delegates = syntheticRoster(30, 7).map((d) => ({ ...d, category: '正式代表' as const }));
  const bad = [...delegates, { ...delegates[3]!, name: '重号' }];
  const badFile = path.join(host.dir, '代表名册-有误.xlsx');
  const goodFile = path.join(host.dir, '代表名册.xlsx');
  writeFileSync(badFile, await syntheticXlsx(bad));
  writeFileSync(goodFile, await syntheticXlsx(delegates));

  await openApp(page);
  await new AppFrame(page).signIn('秘书处 王芳');

  // Something that is not a congress file is refused with a clear message, untouched.
  await page.getByTestId('open-path').fill(badFile);
  await page.getByTestId('open-submit').click();
  await expect(page.getByTestId('start-screen')).toContainText('不是');

  const file = path.join(host.documentsDir, '白沙镇第十五次党代会.congress');
  await new AppFrame(page).createCongress({
    name: '中国共产党白沙镇第十五次代表大会',
    date: '2026-11-21',
    venue: '白沙镇党委大礼堂',
    path: file,
  });

  // The roster with a duplicate badge: every problem named, nothing imported.
  await page.getByTestId('nav-roster').click();
  await page.getByTestId('roster-import').click();
  await page.getByTestId('import-file').setInputFiles(badFile);
  const errors = page.getByTestId('import-errors');
  // Title row, header row, then data: the duplicate is spreadsheet row 33.
  await expect(errors).toContainText('第 33 行');
  await expect(errors).toContainText(delegates[3]!.badge);
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  expect(await call(host, 'delegates.list', {})).toEqual([]);

  await page.getByTestId('import-file').setInputFiles(goodFile);
  await expect(page.getByTestId('import-summary')).toContainText('30');
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  expect(await call(host, 'delegates.list', {})).toHaveLength(30);

  await page.keyboard.press('Escape');
  await page.getByTestId('nav-meetings').click();
  await page.getByTestId('meeting-name').fill('选举大会');
  await page.getByTestId('meeting-date').fill('2026-11-21');
  await page.getByTestId('meeting-add').click();
  await expect(page.getByTestId('meetings-table')).toContainText('选举大会');

  // 25 of 30 check in (5 × 25 > 4 × 30), one is on leave.
  await page.getByTestId('nav-desk').click();
  const search = page.getByTestId('desk-search');
  for (const d of delegates.slice(0, 25)) {
    await search.pressSequentially(d.badge);
    await search.press('Enter');
    await expect(page.getByTestId('banner-name')).toHaveText(d.name);
  }
  await expect(page.getByTestId('quorum-state')).toHaveAttribute('data-met', 'true');
  const { congress } = await call(host, 'congress.get', {});
  const all = await call(host, 'delegates.list', {});
  const onLeave = all.find((d) => d.badge === delegates[29]!.badge)!;
  await call(host, 'attendance.mark', {
    meetingId: congress.currentMeetingId!,
    delegateId: onLeave.id,
    status: 'leave',
    reason: '住院治疗',
  });

  // The printed form, as the PDF the secretariat would save.
  const print = await context.newPage();
  await print.goto(`${host.url}#/print/attendance?meeting=${congress.currentMeetingId}`);
  await expect(print.locator('[data-ready="true"]')).toBeVisible();
  const pdfPath = path.join(host.dir, 'report.pdf');
  await print.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('清点到会人数报告单');
  expect(text).toContain('中国共产党白沙镇第十五次代表大会');
  expect(text).toMatch(/应到会代表\s+30\s*名/);
  expect(text).toMatch(/实到会有选举权的代表\s+25\s*名/);
  expect(text).toContain(onLeave.name);
  expect(text).toContain('住院治疗');
  for (const d of delegates.slice(25, 29)) expect(text).toContain(d.name);
  expect(text).toContain('总监票人');
});
