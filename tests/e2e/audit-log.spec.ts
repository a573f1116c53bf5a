/**
 * Issue 15 item 2 on screen: the audit log was raw channel codes (`ballots.enter`) and raw JSON,
 * unreadable to the secretariat and scrutineers who must read it. A few writes by a clerk and a
 * counter, a wrong PIN; the scrutineer opens the log and reads each row as a sentence with the
 * operator, role, station and time, filters it by kind, operator and contest, opens the stored
 * row, exports the filtered log as .xlsx (read back here) and prints it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { call, enterBallots, refused } from './api.js';
import { expect, test } from './fixtures.js';
import { AppFrame } from './pages/app.js';
import { LockScreen } from './pages/lock.js';
import { pdfText } from './pages/print.js';
import {
  checkInThroughApi,
  congressWithOperators,
  contestOf,
  countThroughApi,
  type OperatorSpec,
  signedIn,
  votingDelegates,
} from './scenes.js';

const PEOPLE: readonly OperatorSpec[] = [
  { role: 'secretariat', name: '王秘书', pin: '111111' },
  { role: 'clerk', name: '孙报到', pin: '222222' },
  { role: 'counter', name: '钱计票', pin: '333333' },
  { role: 'scrutineer', name: '赵监票', pin: '444444' },
  { role: 'chief_scrutineer', name: '陈总监', pin: '555555' },
];

test('attack "the audit log is raw codes and JSON": a clerk checks 89 in, a counter keys ballots, a wrong PIN; the scrutineer reads sentences, filters by kind, operator and contest, opens the raw row, exports .xlsx and prints', async ({
  page,
  openApp,
  host,
}) => {
  test.setTimeout(180_000);
  const { ops, secretariat, meetingId } = await congressWithOperators(host, PEOPLE);
  const voting = await votingDelegates(host, secretariat);
  const clerk = await signedIn(host, ops.clerk.id, ops.clerk.pin, '报到处1');
  await checkInThroughApi(host, meetingId, voting.slice(0, 89), clerk);
  // The latest check-in is on the first page.
  const first = voting[88]!;
  const contest = await contestOf(host, { meetingId, title: '党委委员', people: voting.slice(0, 3), ctx: secretariat });
  await countThroughApi(host, contest.roundId, { issued: 89, collected: 89, ctx: secretariat });
  const counter = await signedIn(host, ops.counter.id, ops.counter.pin, '计票台1');
  await enterBallots(host, contest.roundId, [{ marks: 'oox' }, { marks: 'o-o' }], counter);
  // A second contest, which the contest filter leaves out.
  await contestOf(host, { meetingId, title: '纪委委员', people: voting.slice(3, 5), ctx: secretariat });
  // A wrong PIN at the desk: its own row.
  await refused(
    host,
    'station.signIn',
    { operatorId: ops.clerk.id, pin: '999999' },
    { operator: '', station: '报到处2' },
  );

  await openApp(page);
  // Under the load of a shared machine the first paint can take a while.
  await expect(page.getByTestId('lock-screen')).toBeVisible({ timeout: 30_000 });
  await new LockScreen(page).unlock(ops.scrutineer.name, ops.scrutineer.pin);
  const app = new AppFrame(page);
  await app.nav('audit');
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();

  // Sentences, with the operator's role and the station.
  const keyed = rows.filter({ has: page.locator('[data-testid="audit-sentence"]', { hasText: '录入第 2 张选票' }) });
  await expect(keyed.getByTestId('audit-sentence')).toHaveText('计票人 钱计票 录入第 2 张选票(党委委员 第 1 轮):○□○');
  await expect(keyed).toContainText('计票台1');
  const checkIn = rows.filter({ hasText: `为 ${first.name} 办理报到` });
  await expect(checkIn.getByTestId('audit-sentence')).toHaveText(
    new RegExp(`^报到员 孙报到 为 ${first.name} 办理报到`),
  );
  await expect(rows.filter({ hasText: 'PIN 错误' }).first().getByTestId('audit-sentence')).toHaveText(
    /^报到员 孙报到 登录工作站 报到处2 时 PIN 错误/,
  );
  await expect(page.getByTestId('audit-table')).not.toContainText('ballots.enter');
  await page.screenshot({ path: test.info().outputPath('audit-log-zh.png') });

  // Filter by kind: ballots only.
  await page.getByTestId('audit-filter-kinds').click();
  await page.locator('.ant-select-item-option', { hasText: '选票' }).first().click();
  await page.keyboard.press('Escape');
  await expect(rows).toHaveCount(2);
  for (const action of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action'))))
    expect(action).toBe('ballots.enter');
  await page.getByTestId('audit-filter-clear').click();

  // By operator: the clerk's rows only (a sign-in, 89 check-ins, the wrong PIN), a full page of them.
  await page.getByTestId('audit-filter-operator').click();
  await page.locator('.ant-select-item-option', { hasText: '孙报到' }).click();
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('audit-older')).toBeEnabled();
  for (const sentence of await rows.getByTestId('audit-sentence').allTextContents())
    expect(sentence).toMatch(/^报到员 孙报到 /);
  await page.getByTestId('audit-filter-clear').click();

  // By contest: 党委委员's rows, none of 纪委委员's.
  await page.getByTestId('audit-filter-contest').click();
  await page.locator('.ant-select-item-option', { hasText: '党委委员' }).click();
  await expect(rows.filter({ hasText: '纪委委员' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '录入第 1 张选票' })).toHaveCount(1);
  const contestRows = await rows.count();
  expect(contestRows).toBeGreaterThanOrEqual(9);

  // The stored row one click away: its payload and changes as JSON.
  const entered = rows.filter({ hasText: '录入第 1 张选票' });
  await entered.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('audit-code')).toHaveText('ballots.enter');
  const payload = JSON.parse((await page.getByTestId('audit-payload').textContent()) ?? '');
  expect(payload.after).toMatchObject({ seq: 1, roundId: contest.roundId, marks: ['circle', 'circle', 'cross'] });
  await expect(page.getByTestId('audit-changes')).toContainText('"ballots"');

  // Export the filtered log; read it back.
  const out = path.join(host.dir, '审计日志-党委委员.xlsx');
  await page.getByTestId('audit-export-path').fill(out);
  await page.getByTestId('audit-export').click();
  await expect(page.getByTestId('audit-exported')).toContainText(`已导出 ${contestRows} 条记录`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(out);
  const sheet = book.getWorksheet('审计日志')!;
  expect(sheet.rowCount).toBe(contestRows + 1);
  const sentences = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(8).text);
  expect(sentences).toContain('计票人 钱计票 录入第 2 张选票(党委委员 第 1 轮):○□○');
  expect(sentences.some((s) => s.includes('纪委委员'))).toBe(false);
  const [own] = await call(host, 'audit.list', { limit: 1, beforeId: null }, secretariat);
  expect(own!.action).toBe('audit.export');

  // Print preview of the filtered log, to PDF and read.
  const printed = page.waitForEvent('popup');
  await page.getByTestId('audit-print').click();
  const preview = await printed;
  const pdf = test.info().outputPath('audit-log.pdf');
  const text = await pdfText(preview, pdf);
  expect(text).toContain('审计日志');
  expect(text).toContain('录入第 2 张选票');
  expect(text).not.toContain('纪委委员');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, test.info().outputPath('audit-log-print')]);
  await preview.close();

  // English: the same rows in English.
  await page.getByTestId('audit-filter-clear').click();
  await app.language('English');
  await expect(rows.filter({ hasText: 'entered ballot No. 2' }).getByTestId('audit-sentence')).toHaveText(
    'Vote counter 钱计票 entered ballot No. 2 (党委委员, round 1): ○□○',
  );
  await expect(rows.filter({ hasText: `checked in ${first.name}` }).first()).toContainText('Check-in clerk 孙报到');
  await page.screenshot({ path: test.info().outputPath('audit-log-en.png') });
});
