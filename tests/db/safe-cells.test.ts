/**
 * Issue 12, attack 5: hostile names reach the spreadsheets. A candidate named
 * `=HYPERLINK("http://x")` or `=1+1`, or a written-in `-1`, went into the results CSV raw, and a
 * township's congress name into the district workbook: Excel, WPS or LibreOffice would run them
 * as formulas on the machine that opens the file. Every such text cell now starts with `'`; the
 * signed result file keeps the names exactly as entered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../core/result-file.js';
import { election } from './election-setup.js';
import { resign } from './result-setup.js';

const HOSTILE = ['=HYPERLINK("http://x")', '=1+1', '@SUM(A1)', '+1'];
const ORDINARY = '田富';
const WRITE_IN = '-1';

/**
 * A counted and exported congress whose four elected candidates carry the attack names: 10
 * voters, 4 seats, nine papers ○ for the four and × for 田富, and one × for all with `-1` written in.
 */
async function hostileExport() {
  const e = await election({ voters: 10, seats: 4, candidates: [...HOSTILE, ORDINARY] });
  await e.open();
  for (let i = 0; i < 9; i++) await e.enter('oooox');
  await e.call('ballots.enter', { ...e.enterInput('xxxx-'), writeIns: [{ name: WRITE_IN, mark: 'circle' }] });
  await e.call('rounds.close', { roundId: e.roundId });
  const out = path.join(e.dir, 'result.json');
  const csv = path.join(e.dir, 'result.csv');
  const exported = await e.call('result.export', { path: out, csvPath: csv });
  return { ...e, out, csv, exported };
}

/** The cells of a worksheet row by row (1-based columns as ExcelJS gives them). */
function cellsOf(sheet: ExcelJS.Worksheet): ExcelJS.Cell[][] {
  const rows: ExcelJS.Cell[][] = [];
  sheet.eachRow((row) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell((cell) => cells.push(cell));
    rows.push(cells);
  });
  return rows;
}

describe('results CSV: candidate names =HYPERLINK("http://x"), =1+1, @SUM(A1), +1 and a write-in -1 exported', () => {
  it("writes each attack name with a leading ' (quoted as before), and leaves 田富 and the figures as they were", async () => {
    const e = await hostileExport();
    const text = fs.readFileSync(e.csv, 'utf8');
    // The quoting of the CSV writer is kept: the quotes inside the formula are doubled.
    expect(text).toContain('"\'=HYPERLINK(""http://x"")"');
    const rows = parse(text.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['选举', '轮次', '姓名', '赞成', '不赞成', '弃权', '当选', '发出', '收回', '有效', '无效']);
    const byName = new Map(rows.slice(1).map((r) => [r[2]!, r]));
    for (const name of HOSTILE) {
      // No cell anywhere in the file starts with the raw name: a spreadsheet would run it.
      expect(byName.has(name)).toBe(false);
      expect(byName.get(`'${name}`)).toEqual(['党委委员', '1', `'${name}`, '9', '1', '0', '是', '10', '10', '10', '0']);
    }
    expect(byName.get(`'${WRITE_IN}(另选)`)).toEqual([
      '党委委员',
      '1',
      "'-1(另选)",
      '1',
      '',
      '',
      '',
      '10',
      '10',
      '10',
      '0',
    ]);
    expect(byName.get(ORDINARY)).toEqual(['党委委员', '1', ORDINARY, '0', '9', '1', '', '10', '10', '10', '0']);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('leaves the signed result file as entered: the names are not prefixed and the file still verifies with its key', async () => {
    const e = await hostileExport();
    const file = JSON.parse(fs.readFileSync(e.out, 'utf8')) as ResultFile;
    const contest = file.content.contests[0]!;
    expect(contest.candidates.map((c) => c.name)).toEqual([...HOSTILE, ORDINARY]);
    const round = contest.rounds[0]!;
    expect(round.tally.writeIns.map((w) => w.name)).toEqual([WRITE_IN]);
    expect(round.decision?.elected.map((x) => x.name).sort()).toEqual([...HOSTILE].sort());
    const report = await e.call('result.verify', { path: e.out, fingerprint: e.exported.fingerprint });
    expect(report.ok).toBe(true);
    expect(report.summary?.contentHash).toBe(e.exported.contentHash);
    expect(report.summary?.contests[0]?.elected.sort()).toEqual([...HOSTILE].sort());
  });
});

describe('district workbook: a township file with elected =HYPERLINK… and a congress named @SUM(A1)', () => {
  it("writes those cells as text with a leading ', no formula; an ordinary name and the numbers are unchanged", async () => {
    const e = await hostileExport();
    // The township's own laptop signed a congress name of its choosing: the file verifies.
    const township = path.join(e.dir, 'township.json');
    fs.writeFileSync(
      township,
      await resign(fs.readFileSync(e.out, 'utf8'), e.dataDir, (f) => {
        f.content.congress.name = '@SUM(A1)';
      }),
    );
    // Another township signs with its own laptop's key (one key for two townships is flagged and
    // left out of the totals, issue 12); the district registers both keys.
    const otherLaptop = path.join(e.dir, 'other-laptop');
    const ordinary = path.join(e.dir, 'ordinary.json');
    fs.writeFileSync(
      ordinary,
      await resign(fs.readFileSync(e.out, 'utf8'), otherLaptop, (f) => {
        f.content.congress.name = '青山镇第十五次代表大会';
      }),
    );
    const otherKey = (JSON.parse(fs.readFileSync(ordinary, 'utf8')) as ResultFile).signature.fingerprint;
    await e.call('district.keys.add', { township: '@SUM(A1)', fingerprint: e.exported.fingerprint });
    await e.call('district.keys.add', { township: '青山镇', fingerprint: otherKey });
    const view = await e.call('result.district', { paths: [township, ordinary], fingerprint: null });
    expect(view.files.map((f) => f.report.ok)).toEqual([true, true]);

    const xlsx = path.join(e.dir, 'district.xlsx');
    await e.call('result.districtExport', { paths: [township, ordinary], fingerprint: null, out: xlsx });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);

    const summary = cellsOf(book.getWorksheet('汇总')!);
    const name = summary[1]![0]!;
    expect(name.value).toBe("'@SUM(A1)");
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(summary[2]![0]!.value).toBe('青山镇第十五次代表大会');
    // 选举数, 应选名额, 当选人数 stay numbers a spreadsheet can add up.
    for (const cell of summary[1]!.slice(3, 6)) expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(summary[1]!.slice(3, 6).map((c) => c.value)).toEqual([1, 4, 4]);

    const detail = cellsOf(book.getWorksheet('各项选举')!);
    const elected = detail[1]![3]!;
    expect(elected.type).toBe(ExcelJS.ValueType.String);
    expect(elected.formula).toBeUndefined();
    expect(String(elected.value).startsWith("'")).toBe(true);
    expect(String(elected.value).slice(1).split('、').sort()).toEqual([...HOSTILE].sort());
    expect(detail[1]![0]!.value).toBe("'@SUM(A1)");
    expect(detail[1]![2]!.value).toBe(4);

    for (const sheet of book.worksheets) {
      for (const row of cellsOf(sheet)) {
        for (const cell of row) {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }
      }
    }
  });
});
