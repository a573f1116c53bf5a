/**
 * Issue 4 on screen: rule 11's paper forms printed as PDF (attendance, ballots distributed, the
 * count of a round, the election result), each with the signature lines, the installation
 * key's fingerprint and the result hash; the signed result file exported on the 结果导出 page,
 * verified from the start screen with no congress open, a tampered copy refused, and the
 * district view of several files with its .xlsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { groupedHashLines } from '../../core/hash-groups.js';
import { FileKeyStore } from '../../db/results/installation-key.js';
import { signResult } from '../../db/results/sign.js';
import { call, papers } from './api.js';
import { expect, type TestHost, test } from './fixtures.js';
import { pdfText } from './pages/print.js';
import { countThroughApi, demoWithVoters } from './scenes.js';

/** The candidates in the approved paper order, with the facts the structure counts. */
const CANDIDATES = [
  { name: '王丽华', gender: 'female', birthDate: '1992-04', ethnicity: '汉族', education: '大学' },
  { name: '刘洋', gender: 'male', birthDate: '1990-01', ethnicity: '回族', education: '中专' },
  { name: '李建国', gender: 'male', birthDate: '1968-09', ethnicity: '汉族', education: '研究生' },
  { name: '张敏', gender: 'female', birthDate: '1996-11', ethnicity: '壮族', education: '大学' },
  { name: '赵志强', gender: 'male', birthDate: '1985-02', ethnicity: '汉族', education: '大专' },
] as const;

/**
 * 88 papers of 89 issued, 4 seats. 8 choose all five (invalid, rule 4); 3 cross 刘洋 and write
 * in 陈刚. More than half of the 89 present is 45 votes:
 *   王丽华 73/2/5, 刘洋 20/55/5, 李建国 70/2/8, 张敏 53/22/5, 赵志强 70/2/8, 陈刚 3 (written in).
 */
const PAPERS = [
  ...papers('oxooo', 50),
  ...papers('oooxo', 20),
  ...papers('ooooo', 8),
  ...papers('-----', 5),
  ...papers('ox-o-', 3, '陈刚'),
  ...papers('xxxxx', 2),
];

/**
 * The demo congress on screen; 89 of its 110 voting delegates present and one on leave; the
 * contest 党委委员 set up, its papers distributed, collected, entered and the round closed —
 * so the contest is closed and the result can be exported.
 */
async function countedCongress(page: Page, openApp: (p?: Page) => Promise<Page>, host: TestHost) {
  const { voting, meetingId } = await demoWithVoters(page, openApp, host, { operator: '大会秘书处 周红' });
  expect(voting).toHaveLength(110);
  const onLeave = voting[100]!;
  await call(host, 'attendance.mark', {
    meetingId,
    delegateId: onLeave.id,
    status: 'leave',
    reason: '因公出差',
  });

  const contest = await call(host, 'contests.create', {
    meetingId,
    title: '党委委员',
    kind: 'election',
    seats: 4,
    marginPercent: 20,
    doubleEntry: false,
    paperGroup: null,
  });
  const ids: number[] = [];
  for (const c of CANDIDATES) {
    const added = await call(host, 'candidates.add', { contestId: contest.id, delegateId: null, unit: null, ...c });
    ids.push(added.id);
  }
  await call(host, 'candidates.approveOrder', { contestId: contest.id, candidateIds: ids });
  const roundId = (await call(host, 'contests.get', { contestId: contest.id })).rounds[0]!.id;
  await countThroughApi(host, roundId, { issued: 89, spare: 6, papers: PAPERS, close: true });
  const status = await call(host, 'result.status', {});
  expect(status.ready).toBe(true);
  return { meetingId, contestId: contest.id, roundId, onLeave, status };
}

/** Every form's foot: the three signature lines, the key's fingerprint, the result hash. */
function expectSealed(text: string, status: { fingerprint: string; contentHash: string }) {
  for (const role of ['总监票人', '监票人', '计票人']) expect(text).toContain(role);
  expect(text).toMatch(new RegExp(status.fingerprint.split(' ').join('\\s*')));
  for (const line of groupedHashLines(status.contentHash)) expect(text).toContain(line);
}

test('every form of rule 11 prints with its figures, the signature lines, the fingerprint and the result hash', async ({
  page,
  context,
  openApp,
  host,
}) => {
  test.setTimeout(120_000);
  const scene = await countedCongress(page, openApp, host);
  const print = await context.newPage();

  // 清点到会人数报告单
  await print.goto(`${host.url}#/print/attendance?meeting=${scene.meetingId}`);
  let text = await pdfText(print, path.join(host.dir, 'attendance.pdf'));
  expect(text).toContain('清点到会人数报告单');
  expect(text).toMatch(/应到会代表\s+110\s*名/);
  expect(text).toMatch(/实到会有选举权的代表\s+89\s*名/);
  expect(text).toContain(scene.onLeave.name);
  expect(text).toContain('因公出差');
  expectSealed(text, scene.status);

  // 分发选票情况报告单: present at issue, printed, issued, voided, collected.
  await print.goto(`${host.url}#/print/ballots?meeting=${scene.meetingId}`);
  text = await pdfText(print, path.join(host.dir, 'ballots.pdf'));
  expect(text).toContain('分发选票情况报告单');
  expect(text).toContain('党委委员');
  expect(text).toMatch(/89\s+95\s+89\s+6\s+88/);
  expect(text).toMatch(/应到会代表\s*110\s*名,实到会有选举权的代表\s*89\s*名/);
  expectSealed(text, scene.status);

  // 计票结果报告单: the figures, every candidate in paper order and the written-in name.
  await print.goto(`${host.url}#/print/count?round=${scene.roundId}`);
  text = await pdfText(print, path.join(host.dir, 'count.pdf'));
  expect(text).toContain('计票结果报告单');
  expect(text).toMatch(/有效票/);
  expect(text).toMatch(/4\s+89\s+89\s+88\s+80\s+8/);
  expect(text).toMatch(/至少\s*45\s*票/);
  expect(text).toMatch(/王丽华\s+73\s+2\s+5\s+当选/);
  expect(text).toMatch(/刘洋\s+20\s+55\s+5\s*\n/);
  expect(text).toMatch(/李建国\s+70\s+2\s+8\s+当选/);
  expect(text).toMatch(/张敏\s+53\s+22\s+5\s+当选/);
  expect(text).toMatch(/赵志强\s+70\s+2\s+8\s+当选/);
  expect(text).toMatch(/陈刚\(另选他人\)\s+3/);
  expect(text).toMatch(/当选\s*4\s*名/);
  expect(text.indexOf('王丽华')).toBeLessThan(text.indexOf('刘洋'));
  expect(text.indexOf('刘洋')).toBeLessThan(text.indexOf('李建国'));
  expectSealed(text, scene.status);

  // 选举结果报告单: the elected with their votes and the structure of the elected body.
  await print.goto(`${host.url}#/print/election?contest=${scene.contestId}`);
  text = await pdfText(print, path.join(host.dir, 'election.pdf'));
  expect(text).toContain('选举结果报告单');
  for (const [name, votes] of [
    ['王丽华', 73],
    ['李建国', 70],
    ['赵志强', 70],
    ['张敏', 53],
  ] as const) {
    expect(text).toMatch(new RegExp(`${name}\\s+第\\s*1\\s*轮\\s+${votes}`));
  }
  expect(text).not.toMatch(/刘洋\s+第/);
  expect(text).toMatch(/女性\s*2名,占比50\.0%/);
  expect(text).toMatch(/35\s*岁以下\s*2名,占比50\.0%/);
  expect(text).toMatch(/少数民族\s*1名,占比25\.0%/);
  expect(text).toMatch(/研究生\s*1名,占比25\.0%/);
  expectSealed(text, scene.status);

  // The report page lists the forms and opens one in its own window.
  await page.getByTestId('nav-report').click();
  await page.getByTestId('report-form-count').click();
  await expect(page.getByTestId('report-sheet')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('count-report')).toContainText('王丽华');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('report-open-window').click()]);
  await expect(popup.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  await expect(popup.getByTestId('count-report')).toBeVisible();
  await expect(popup.getByTestId('paper-hash')).toHaveText(groupedHashLines(scene.status.contentHash).join(''));

  // Settings show the same fingerprint, large, and how the key is kept.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-key-fingerprint')).toHaveAttribute('data-value', scene.status.fingerprint);
  await expect(page.getByTestId('settings-key-protection')).toHaveAttribute('data-protection', 'file');
});

test('the result is exported on screen, verified from the start screen, a tampered copy fails, and the district view adds up', async ({
  page,
  openApp,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  const scene = await countedCongress(page, openApp, host);
  const { fingerprint } = scene.status;
  const printed = groupedHashLines(scene.status.contentHash).join('');

  // 结果导出: ready, the fingerprint and hash the forms print; export with the CSV beside it.
  await page.getByTestId('nav-results').click();
  await expect(page.getByTestId('result-ready')).toBeVisible();
  await expect(page.getByTestId('result-fingerprint')).toHaveAttribute('data-value', fingerprint);
  await expect(page.getByTestId('result-short-hash')).toHaveText(printed);
  const good = path.join(host.documentsDir, '青山镇-选举结果.json');
  await page.getByTestId('result-export-path').fill(good);
  await expect(page.getByTestId('result-export-csv')).toBeChecked();
  await page.getByTestId('result-export-submit').click();
  await expect(page.getByTestId('result-export-done')).toBeVisible();
  await expect(page.getByTestId('result-export-done-path')).toHaveText(good);
  await expect(page.getByTestId('result-export-done-bytes')).toHaveAttribute(
    'data-bytes',
    String(fs.statSync(good).size),
  );
  await expect(page.getByTestId('result-export-done-hash')).toHaveText(printed);
  await expect(page.getByTestId('result-export-done-fingerprint')).toHaveAttribute('data-value', fingerprint);
  const csv = fs.readFileSync(path.join(host.documentsDir, '青山镇-选举结果.csv'), 'utf8');
  expect(csv).toContain('王丽华');

  // A copy with one ballot's marks changed after signing.
  const file = JSON.parse(fs.readFileSync(good, 'utf8'));
  const ballot = file.content.contests[0].rounds[0].ballots[0];
  expect(ballot.marks).toBe('oxooo');
  ballot.marks = 'xoxxx';
  const tampered = path.join(host.documentsDir, 'tampered.json');
  fs.writeFileSync(tampered, JSON.stringify(file));
  // The same township's file under another name: shown, but one township in the totals.
  const copy = path.join(host.documentsDir, 'copy-of-result.json');
  fs.copyFileSync(good, copy);

  // Close the congress: the district's machine has none open.
  await page.getByTestId('close-congress').click();
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await expect(page.getByTestId('start-screen')).toBeVisible();
  await page.getByTestId('open-verify').click();
  await expect(page.getByTestId('verify-page')).toBeVisible();

  await page.getByTestId('verify-paths').fill(good);
  await page.getByTestId('verify-expected').fill(fingerprint);
  await page.getByTestId('verify-submit').click();
  const report = page.getByTestId('verify-report');
  await expect(report).toHaveCount(1);
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report.getByTestId('verify-verdict')).toContainText('通过');
  await expect(report.getByTestId('verify-fingerprint')).toHaveAttribute('data-value', fingerprint);
  await expect(report.getByTestId('verify-short-hash')).toHaveText(printed);
  await expect(report.getByTestId('verify-congress')).toHaveText('中国共产党青山镇第十五次代表大会');
  for (const name of ['王丽华', '李建国', '赵志强', '张敏'])
    await expect(report.getByTestId('verify-contests')).toContainText(name);
  await expect(report.getByTestId('verify-contests')).not.toContainText('刘洋');
  await expect(report.getByTestId('verify-contests')).toContainText('1名,占比25.0%');
  await expect(page.getByTestId('verify-failure')).toHaveCount(0);
  await expect(report.getByTestId('verify-signer')).toHaveAttribute('data-by', 'fingerprint');

  // The hash from the paper form, typed in groups: the file is the one the form describes.
  const contentHash = JSON.parse(fs.readFileSync(good, 'utf8')).contentHash as string;
  await page.getByTestId('verify-expect-hash').fill(contentHash.toUpperCase().replace(/(.{4})(?=.)/g, '$1 '));
  await page.getByTestId('verify-submit').click();
  await expect(report.getByTestId('verify-hash-matched')).toBeVisible();
  await page.getByTestId('verify-expect-hash').fill('');

  // Issue 12: without the fingerprint (and no registry entry) the same file is never 核验通过.
  await page.getByTestId('verify-expected').fill('');
  await page.getByTestId('verify-submit').click();
  await expect(report).toHaveAttribute('data-verdict', 'signer_unchecked');
  await expect(report.getByTestId('verify-verdict')).toHaveText('签名有效,但未核对签名人');
  await expect(report.getByTestId('verify-unchecked')).toBeVisible();
  await expect(report.getByTestId('verify-signer')).toHaveAttribute('data-by', 'none');
  await page.screenshot({ path: testInfo.outputPath('verify-unchecked.png'), fullPage: true });

  await page.getByTestId('verify-paths').fill(tampered);
  await page.getByTestId('verify-submit').click();
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report.getByTestId('verify-verdict')).toContainText('未通过');
  const failure = report.locator('[data-testid="verify-failure"][data-kind="bad_signature"]');
  await expect(failure).toBeVisible();
  await expect(failure).toContainText('签名无效');

  // Stated figures edited and signed again with this installation's own key (an insider): the
  // signature holds, the recount from the ballots does not.
  const edited = JSON.parse(fs.readFileSync(good, 'utf8'));
  const { signature: _signature, contentHash: _hash, ...unsigned } = edited;
  expect(unsigned.content.contests[0].rounds[0].tally.candidates[0].for).toBe(73);
  unsigned.content.contests[0].rounds[0].tally.candidates[0].for = 80;
  const resigned = path.join(host.documentsDir, 'resigned.json');
  fs.writeFileSync(resigned, signResult(unsigned, await new FileKeyStore(host.dataDir).load()).text);
  await page.getByTestId('verify-paths').fill(resigned);
  await page.getByTestId('verify-submit').click();
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report.getByTestId('verify-summary')).toContainText('签名有效');
  const recount = report.locator('[data-testid="verify-failure"][data-kind="recount_differs"]').first();
  await expect(recount).toContainText('重新计票与文件所载结果不符');
  await expect(recount).toContainText('党委委员 第 1 轮');
  await expect(recount).toContainText('王丽华');
  await expect(recount).toContainText('80');
  await expect(recount).toContainText('73');

  // The district view: the good file, its copy and the tampered one. With 青山镇 not in the
  // district's key registry, nothing is counted; registered from its paper form, one township is.
  await page.getByTestId('verify-paths').fill([good, copy, tampered].join('\n'));
  await page.getByTestId('verify-expected').fill('');
  await page.getByTestId('verify-submit').click();
  const district = page.getByTestId('district');
  await expect(district).toHaveAttribute('data-townships', '0');
  await expect(district.locator('[data-testid="district-row"][data-verdict="signer_unchecked"]')).toHaveCount(2);
  await page.getByTestId('keys-township').fill('青山镇');
  await page.getByTestId('keys-fingerprint').fill(fingerprint);
  await page.getByTestId('keys-add').click();
  await expect(page.getByTestId('keys-row')).toHaveCount(1);
  await page.getByTestId('verify-submit').click();
  await expect(district).toHaveAttribute('data-townships', '1');
  await expect(district.getByTestId('district-row')).toHaveCount(3);
  await expect(district.locator('[data-testid="district-row"][data-verdict="failed"]')).toHaveCount(1);
  await expect(district.locator('[data-testid="district-row"][data-verdict="verified"]')).toHaveCount(2);
  await expect(district.getByTestId('district-duplicate')).toContainText('青山镇-选举结果.json');
  const total = district.getByTestId('district-total');
  await expect(total).toContainText('合计(1 个乡镇)');
  await expect(total).toContainText('2名,占比50.0%');
  await expect(total).toContainText('1名,占比25.0%');
  await expect(page.getByTestId('district-note')).toContainText('1 个文件未计入合计');
  await expect(page.getByTestId('verify-report')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('verify-district.png'), fullPage: true });

  const xlsx = path.join(host.documentsDir, '汇总.xlsx');
  await page.getByTestId('district-export-path').fill(xlsx);
  await page.getByTestId('district-export').click();
  await expect(page.getByTestId('district-exported')).toBeVisible();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx);
  const sheet = book.getWorksheet('汇总')!;
  const last = sheet.getRow(sheet.rowCount);
  expect(String(last.getCell(1).value)).toContain('合计(1 个乡镇');
  expect(last.getCell(4).value).toBe(1);
  expect(last.getCell(5).value).toBe(4);
  expect(last.getCell(6).value).toBe(4);
  expect(last.getCell(7).value).toBe('2名,占比50.0%');
});
