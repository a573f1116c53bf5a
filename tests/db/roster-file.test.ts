import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectEncoding, MAX_ROSTER_BYTES, parseRosterFile } from '../../db/roster/file.js';
import { syntheticRoster, syntheticXlsx } from '../fixtures/synthetic-roster.js';

/** The roster template's heading, each column with the delegate's field it is read into. */
const COLUMNS = [
  { header: '代表证号', field: 'badge' },
  { header: '姓名', field: 'name' },
  { header: '性别', field: 'gender' },
  { header: '民族', field: 'ethnicity' },
  { header: '出生年月', field: 'birthDate' },
  { header: '学历', field: 'education' },
  { header: '代表团', field: 'delegation' },
  { header: '工作单位', field: 'unit' },
  { header: '类别', field: 'category' },
];
const HEAD = COLUMNS.map((c) => c.header);

async function xlsxBytes(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('代表名册');
  build(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseRosterFile: .xlsx written by exceljs', () => {
  it('issue 15 item 5: a formula cell imports the result saved with the file, and the preview says so with the formula', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.addRow(HEAD);
      ws.addRow([1, '张三', '男']);
      ws.addRow([2, { formula: 'CONCATENATE("王","五")', result: '王五' }, '女', null, null, null, null, null, '列席']);
      ws.addRow([3, '李四', { formula: 'IF(1,"男","女")', result: '男' }]);
    });
    const r = await parseRosterFile('名册.xlsx', bytes);
    expect(r.errors).toEqual([]);
    const n = r.notices.find((x) => x.kind === 'formula')!;
    expect(n.message).toBe('2 个单元格是公式,导入的是文件保存时的计算结果,请核对');
    expect(n.examples).toEqual([
      { row: 3, column: '姓名', field: 'name', from: '=CONCATENATE("王","五")', to: '王五' },
      { row: 4, column: '性别', field: 'gender', from: '=IF(1,"男","女")', to: 'male' },
    ]);
  });

  it('reads a title row, numeric badge, date cell, rich text, hyperlink and a formula with its result', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.addRow(['青山镇第十五次党代会代表名册']);
      ws.mergeCells('A1:I1');
      ws.addRow(HEAD);
      ws.addRow([1, '张三', '男', '汉族', new Date(Date.UTC(1975, 2, 12)), '大学', '机关代表团', '镇党委', '正式代表']);
      ws.addRow([
        '0002',
        { richText: [{ text: '李' }, { font: { bold: true }, text: '四' }] },
        '女',
        '回族',
        '1980.05',
        '高中',
        { text: '农村代表团', hyperlink: 'https://example.invalid/' },
        '青山村',
        '候补代表',
      ]);
      ws.addRow([3, { formula: 'CONCATENATE("王","五")', result: '王五' }, 'M', null, 29221, null, null, null, '列席']);
      // A 出生年月 column kept as a real date formatted without a day.
      const d = ws.addRow([4, '赵六', null, null, new Date(Date.UTC(1990, 10, 1))]);
      d.getCell(5).numFmt = 'yyyy.mm';
    });
    const r = await parseRosterFile('名册.xlsx', bytes);
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('xlsx');
    expect(r.columns).toEqual(COLUMNS);
    expect(r.rows).toEqual([
      {
        row: 3,
        badge: '1',
        name: '张三',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1975-03-12',
        education: '大学',
        delegation: '机关代表团',
        unit: '镇党委',
        category: 'voting',
      },
      {
        row: 4,
        badge: '0002',
        name: '李四',
        gender: 'female',
        ethnicity: '回族',
        birthDate: '1980-05',
        education: '高中',
        delegation: '农村代表团',
        unit: '青山村',
        category: 'alternate',
      },
      expect.objectContaining({ row: 5, badge: '3', name: '王五', birthDate: '1980-01-01', category: 'nonvoting' }),
      expect.objectContaining({ row: 6, badge: '4', name: '赵六', birthDate: '1990-11' }),
    ]);
  });

  it('a formula without a cached result and an error value are named by row and column', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.addRow(HEAD);
      ws.addRow([1, '张三']);
      ws.addRow([2, { formula: 'B2&"x"' }]);
      ws.addRow([{ error: '#N/A' }, '王五']);
      ws.addRow([4, '赵六', null, null, { formula: '1/0', result: { error: '#DIV/0!' } }]);
    });
    const r = await parseRosterFile('名册.xlsx', bytes);
    expect(r.rows.map((x) => x.name)).toEqual(['张三']);
    expect(r.errors).toMatchObject([
      { row: 3, column: '姓名', value: '=B2&"x"', reason: 'roster.cell_formula' },
      { row: 4, column: '代表证号', value: '#N/A', reason: 'roster.cell_error' },
      { row: 5, column: '出生年月', value: '#DIV/0!', reason: 'roster.cell_error' },
    ]);
    expect(r.errors).toHaveLength(3);
  });

  it('every row-level error kind, named by row and column', async () => {
    const bytes = await xlsxBytes((ws) => {
      ws.addRow(['名册']);
      ws.addRow(['编号', '姓名', '性别', '出生日期', '类别']);
      ws.addRow(['001', '张三', '男', '1975.03', '正式代表']);
      ws.addRow(['001', '李四', '女', '1976.04', '正式代表']);
      ws.addRow([null, '王五', '男', '1977.05', '正式代表']);
      ws.addRow(['004', null, '男', '1977.05', '正式代表']);
      ws.addRow(['005', '赵六', '男', '1977.05', '特邀代表']);
      ws.addRow(['006', '钱七', '男', '1975.13', '正式代表']);
      ws.addRow(['007', '孙八', '未知', '1975.12', '正式代表']);
      ws.addRow(['008', '周'.repeat(65), '男', '1975.12', '正式代表']);
    });
    const r = await parseRosterFile('名册.xlsx', bytes);
    expect(r.rows.map((x) => x.row)).toEqual([3]);
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, '编号', '001'],
      [5, '编号', null],
      [6, '姓名', null],
      [7, '类别', '特邀代表'],
      [8, '出生日期', '1975.13'],
      [9, '性别', '未知'],
      [10, '姓名', '周'.repeat(65)],
    ]);
    expect(r.errors[0]).toMatchObject({ reason: 'roster.badge_repeated', params: { first: 3, row: 4 } });
    for (const e of r.errors) expect(e.params).toMatchObject({ row: e.row, column: e.column });
  });

  it('reads the first worksheet that has data', async () => {
    const bytes = await xlsxBytes((ws, wb) => {
      void ws; // the first sheet stays empty
      const second = wb.addWorksheet('Sheet2');
      second.addRow(['Badge', 'Name']);
      second.addRow(['9', 'Li Na']);
    });
    const r = await parseRosterFile('roster.XLSX', bytes);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([expect.objectContaining({ row: 2, badge: '9', name: 'Li Na' })]);
  });

  it('a workbook without data says so', async () => {
    const r = await parseRosterFile('空.xlsx', await xlsxBytes(() => {}));
    expect(r.rows).toEqual([]);
    expect(r.errors).toMatchObject([
      { row: null, column: null, value: null, reason: 'roster.file_no_sheet', params: { file: '空.xlsx' } },
    ]);
    expect(r.errors).toHaveLength(1);
  });
});

describe('parseRosterFile: .csv', () => {
  const csv = [
    '代表证号,姓名,性别,出生年月,代表团,工作单位,类别',
    '001,张三,男,1975.03,机关,"镇党委,书记",正式代表',
    '002,李四,女,1980-05-12,农村,"青山村""两委""",列席',
    '003,王五,男,197701,农村,,',
  ].join('\r\n');
  const expectRows = (r: Awaited<ReturnType<typeof parseRosterFile>>) => {
    expect(r.errors).toEqual([]);
    expect(r.format).toBe('csv');
    expect(r.rows.map((x) => [x.row, x.badge, x.name, x.birthDate, x.unit, x.category])).toEqual([
      [2, '001', '张三', '1975-03', '镇党委,书记', 'voting'],
      [3, '002', '李四', '1980-05-12', '青山村"两委"', 'nonvoting'],
      [4, '003', '王五', '1977-01', null, 'voting'],
    ]);
  };

  it('UTF-8 with CRLF and quoted commas', async () => {
    const r = await parseRosterFile('名册.csv', utf8(csv));
    expect(r.encoding).toBe('utf-8');
    expectRows(r);
  });

  it('UTF-8 with a BOM (what Excel writes as "CSV UTF-8")', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv)]);
    const r = await parseRosterFile('名册.csv', bytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.columns[0]!.header).toBe('代表证号');
    expectRows(r);
  });

  it('a BOM decides UTF-8 even when a byte further on is damaged', () => {
    const damaged = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('编号,姓名\n1,张'), 0xff, ...utf8('三\n')]);
    expect(detectEncoding(damaged)).toBe('utf-8');
    expect(detectEncoding(damaged.slice(3))).toBe('gb18030');
  });

  it('GB18030 (what Chinese Excel and WPS write by default)', async () => {
    const bytes = new Uint8Array(iconv.encode(csv, 'gb18030'));
    expect(detectEncoding(bytes)).toBe('gb18030');
    const r = await parseRosterFile('名册.csv', bytes);
    expect(r.encoding).toBe('gb18030');
    expectRows(r);
  });

  it('a tab-separated .txt in UTF-16 (Excel "Unicode 文本")', async () => {
    const text = `\uFEFF${csv.replaceAll(',', '\t').replace('"镇党委\t书记"', '镇党委,书记')}`;
    const r = await parseRosterFile('名册.txt', new Uint8Array(Buffer.from(text, 'utf16le')));
    expect(r.encoding).toBe('utf-16le');
    expect(r.rows.map((x) => x.name)).toEqual(['张三', '李四', '王五']);
  });

  it('blank lines keep row numbers as the sheet shows them; errors name row and column', async () => {
    const text = ['标题', '', '编号,姓名,出生年月', '1,张三,1975/2/30', '', '2,,1980.01', '1,王五,'].join('\n');
    const r = await parseRosterFile('名册.csv', utf8(text));
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [4, '出生年月', '1975/2/30'],
      [6, '姓名', null],
      [7, '编号', '1'],
    ]);
  });

  it('an unclosed quote is named by row', async () => {
    const r = await parseRosterFile('名册.csv', utf8('编号,姓名\n1,张三\n2,"李四\n'));
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.reason).toBe('roster.csv_quote_open');
    expect(r.errors[0]!.row).toBe(3);
  });

  it('a cell over 10,000 characters is named by row', async () => {
    const r = await parseRosterFile('名册.csv', utf8(`编号,姓名,工作单位\n1,张三,${'x'.repeat(12_000)}\n`));
    expect(r.rows).toEqual([]);
    expect(r.errors[0]!.row).toBe(2);
  });

  it('more than 20,000 rows is refused with the row where the limit is passed', async () => {
    const lines = ['编号,姓名'];
    for (let i = 0; i < 20_020; i++) lines.push(`${i},张三`);
    const r = await parseRosterFile('名册.csv', utf8(lines.join('\n')));
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ params: { max: 20_000 } });
    expect(r.errors[0]!.row).toBeGreaterThan(20_000);
  });
});

describe('parseRosterFile: files it cannot read', () => {
  const fileIssue = async (name: string, bytes: Uint8Array) => {
    const r = await parseRosterFile(name, bytes);
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.row).toBeNull();
    return r.errors[0]!;
  };

  it('random bytes named .xlsx', async () => {
    const issue = await fileIssue('名册.xlsx', new Uint8Array(randomBytes(4096)));
    expect(issue).toMatchObject({ reason: 'roster.file_not_xlsx', params: { file: '名册.xlsx' } });
  });

  it('a broken zip (a real workbook cut in half)', async () => {
    const whole = await xlsxBytes((ws) => {
      ws.addRow(HEAD);
      for (let i = 0; i < 50; i++) ws.addRow([i, '张三']);
    });
    const issue = await fileIssue('名册.xlsx', whole.slice(0, Math.floor(whole.length / 2)));
    expect(issue.reason).toBe('roster.file_damaged');
  });

  it('an .xls file, by name and by content', async () => {
    expect(await fileIssue('名册.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]))).toMatchObject({
      reason: 'roster.file_xls',
      params: { ext: 'xls' },
    });
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await fileIssue('改了扩展名.xlsx', ole)).reason).toBe('roster.file_old_xls');
  });

  it('unknown extension, empty file, huge file, binary named .csv', async () => {
    expect(await fileIssue('名册.docx', utf8('x'))).toMatchObject({
      reason: 'roster.file_type',
      params: { ext: '.docx' },
    });
    // No extension reads as such in either language (a term), never as an empty pair of quotes.
    expect((await fileIssue('名册', utf8('x'))).message).toContain('无扩展名');
    expect((await fileIssue('名册.csv', new Uint8Array(0))).reason).toBe('roster.file_empty');
    expect(await fileIssue('名册.csv', new Uint8Array(MAX_ROSTER_BYTES + 1))).toMatchObject({
      reason: 'roster.file_too_big',
      params: { max: MAX_ROSTER_BYTES / 1048576 },
    });
    expect((await fileIssue('名册.csv', new Uint8Array([0x41, 0, 0x42, 0]))).reason).toBe('roster.file_binary');
  });

  it('a CSV without a header row', async () => {
    expect((await fileIssue('名册.csv', utf8('1,张三\n2,李四\n'))).reason).toBe('roster.no_header');
  });
});

describe('parseRosterFile: a congress-sized workbook', () => {
  it('3,000 delegates under a title row parse cleanly, in order, with categories', async () => {
    const roster = syntheticRoster(3000);
    const r = await parseRosterFile('代表名册.xlsx', await syntheticXlsx(roster));
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(3000);
    expect(r.rows[0]).toMatchObject({ row: 3, badge: '0001', name: roster[0]!.name });
    expect(r.rows[2999]).toMatchObject({ row: 3002, badge: '3000', name: roster[2999]!.name });
    const count = (c: string) => r.rows.filter((x) => x.category === c).length;
    expect(count('voting')).toBe(roster.filter((d) => d.category === '正式代表').length);
    expect(count('nonvoting')).toBe(roster.filter((d) => d.category === '列席').length);
    expect(count('alternate')).toBeGreaterThan(0);
  });
});
