import { describe, expect, it } from 'vitest';
import { namedDelegate } from '../../core/domain.js';
import { CellFault, MAX_CELL_CHARS, MAX_ROSTER_ROWS, parseRosterRows, recogniseHeader } from '../../core/roster.js';

const now = new Date('2025-06-15T00:00:00Z');
const parse = (rows: unknown[][]) => parseRosterRows(rows, 'xlsx', null, { now });
const HEAD = ['代表证号', '姓名', '性别', '民族', '出生年月', '学历', '代表团', '工作单位', '类别'];
/** A sheet with the header in row 1 and one data row per entry, so data row i is sheet row i + 2. */
const sheet = (...data: unknown[][]) => parse([HEAD, ...data]);
const only = (data: unknown[]) => {
  const r = sheet(data);
  expect(r.errors).toEqual([]);
  expect(r.rows).toHaveLength(1);
  return r.rows[0]!;
};
const issueOf = (data: unknown[]) => {
  const r = sheet(data);
  expect(r.rows).toEqual([]);
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};

describe('header recognition', () => {
  it.each([
    ['代表证号', 'badge'],
    ['证号', 'badge'],
    ['编号', 'badge'],
    ['代表编号', 'badge'],
    ['Badge', 'badge'],
    ['No.', 'badge'],
    ['姓名', 'name'],
    ['姓　名', 'name'],
    [' 姓 名：', 'name'],
    ['*姓名', 'name'],
    ['Name', 'name'],
    ['ＮＡＭＥ', 'name'],
    ['性别', 'gender'],
    ['Gender', 'gender'],
    ['SEX', 'gender'],
    ['民族', 'ethnicity'],
    ['Ethnicity', 'ethnicity'],
    ['nation', 'ethnicity'],
    ['出生年月', 'birthDate'],
    ['出生日期', 'birthDate'],
    ['出生年月日', 'birthDate'],
    ['Birth Date', 'birthDate'],
    ['date of birth', 'birthDate'],
    ['学历', 'education'],
    ['文化程度', 'education'],
    ['Education', 'education'],
    ['代表团', 'delegation'],
    ['代表组', 'delegation'],
    ['所在代表团', 'delegation'],
    ['delegation', 'delegation'],
    ['Group', 'delegation'],
    ['工作单位', 'unit'],
    ['单位及职务', 'unit'],
    ['工作单位及职务:', 'unit'],
    ['unit', 'unit'],
    ['Organization', 'unit'],
    ['类别', 'category'],
    ['代表类别', 'category'],
    ['身份', 'category'],
    ['category', 'category'],
    ['TYPE', 'category'],
  ])('%s → %s', (header, field) => {
    expect(recogniseHeader(header)).toBe(field);
  });

  it('ignores unknown headers but lists them', () => {
    const r = parse([
      ['序号', '代表证号', '姓名', '备注'],
      [1, '001', '张三', '无'],
    ]);
    expect(r.columns).toEqual([
      { header: '序号', field: null },
      { header: '代表证号', field: 'badge' },
      { header: '姓名', field: 'name' },
      { header: '备注', field: null },
    ]);
    expect(r.rows).toEqual([{ row: 2, ...namedDelegate('001', '张三') }]);
  });

  it('finds the header below a title row, and numbers rows as the sheet does', () => {
    const r = parse([
      ['青山镇第十五次党代会代表名册', '青山镇第十五次党代会代表名册', null],
      [],
      ['填报单位:镇党委组织办', null, null],
      ['编号', '姓名', '代表组'],
      ['7', '李四', '机关'],
      [],
      ['8', '王五', '农村'],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.badge, x.name, x.delegation])).toEqual([
      [5, '7', '李四', '机关'],
      [7, '8', '王五', '农村'],
    ]);
  });

  it('a header further down than row 10 is not found', () => {
    const rows: unknown[][] = [...Array.from({ length: 10 }, () => ['说明']), ['代表证号', '姓名'], ['1', '张三']];
    const r = parse(rows);
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.row).toBeNull();
    expect(r.errors[0]!.reason).toBe('roster.no_header');
  });

  it('a single known header is not enough for a header row', () => {
    const r = parse([['姓名'], ['张三']]);
    expect(r.errors[0]!.reason).toBe('roster.no_header');
  });

  it('a missing required column is one issue naming the column', () => {
    const r = parse([
      ['姓名', '性别', '代表团'],
      ['张三', '男', '机关'],
      ['李四', '女', '机关'],
    ]);
    expect(r.rows).toEqual([]);
    expect(r.errors).toMatchObject([
      { row: 1, column: '代表证号', value: null, reason: 'roster.column_missing', params: { field: 'badge', row: 1 } },
    ]);
    expect(r.errors).toHaveLength(1);
    const noName = parse([
      ['编号', '性别'],
      ['1', '男'],
    ]);
    expect(noName.errors.map((e) => e.column)).toEqual(['姓名']);
  });

  it('two columns for the same field are refused, naming both', () => {
    const r = parse([
      ['编号', '代表证号', '姓名'],
      ['1', '001', '张三'],
    ]);
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ row: 1, column: '代表证号' });
    expect(r.errors[0]).toMatchObject({
      reason: 'roster.header_twice',
      params: { first: '编号', second: '代表证号', field: 'badge' },
    });
  });
});

describe('normalisation', () => {
  it('trims ASCII and ideographic spaces, and closes up a padded Chinese name', () => {
    const d = only(['\u3000001 ', '  张\u3000 三 ', ' 男\u3000', '汉族', null, '大学', ' 机关 ', '镇党委  书记', '']);
    expect(d).toMatchObject({ badge: '001', name: '张三', gender: 'male', delegation: '机关', unit: '镇党委 书记' });
  });

  it('keeps the space inside a Latin name', () => {
    expect(only(['1', ' John  Smith ']).name).toBe('John Smith');
  });

  it('badge: an Excel number becomes its digits, text keeps leading zeros, full-width digits become ASCII', () => {
    expect(only([12, '张三']).badge).toBe('12');
    expect(only([12.0, '张三']).badge).toBe('12');
    expect(only([123456789012, '张三']).badge).toBe('123456789012');
    expect(only(['0012', '张三']).badge).toBe('0012');
    expect(only(['０１２', '张三']).badge).toBe('012');
    expect(only(['Ａ０１', '张三']).badge).toBe('A01');
  });

  it.each([
    ['男', 'male'],
    ['女', 'female'],
    ['M', 'male'],
    ['f', 'female'],
    ['Male', 'male'],
    ['FEMALE', 'female'],
    ['', null],
    [null, null],
  ])('gender %s → %s', (value, gender) => {
    expect(only(['1', '张三', value]).gender).toBe(gender);
  });

  it.each([
    ['正式代表', 'voting'],
    ['代表', 'voting'],
    ['', 'voting'],
    [null, 'voting'],
    ['候补代表', 'alternate'],
    ['候补', 'alternate'],
    ['列席', 'nonvoting'],
    ['列席代表', 'nonvoting'],
    ['列席人员', 'nonvoting'],
    ['voting', 'voting'],
    ['Alternate', 'alternate'],
    ['non-voting', 'nonvoting'],
  ])('category %s → %s', (value, category) => {
    expect(only(['1', '张三', null, null, null, null, null, null, value]).category).toBe(category);
  });

  it.each<[unknown, string]>([
    [new Date(Date.UTC(1975, 2, 12)), '1975-03-12'],
    [27465, '1975-03-12'], // Excel serial
    [27465.75, '1975-03-12'], // serial with a time of day
    ['1975.03', '1975-03'],
    ['1975.3', '1975-03'],
    [1975.03, '1975-03'], // typed into a number cell
    [1975.1, '1975-10'], // "1975.10" typed into a number cell
    ['1975-03', '1975-03'],
    ['1975/3', '1975-03'],
    ['1975/3/12', '1975-03-12'],
    ['1975-03-12', '1975-03-12'],
    ['1975.3.12', '1975-03-12'],
    ['1975年3月', '1975-03'],
    ['1975年03月', '1975-03'],
    ['1975年3月12日', '1975-03-12'],
    ['１９７５年３月', '1975-03'],
    ['197503', '1975-03'],
    [197503, '1975-03'],
    ['19750312', '1975-03-12'],
    [19750312, '1975-03-12'],
    ['2000-02-29', '2000-02-29'],
    ['1900.01', '1900-01'],
    ['2025.06', '2025-06'],
  ])('birth date %s → %s', (value, iso) => {
    expect(only(['1', '张三', null, null, value]).birthDate).toBe(iso);
  });

  it('empty optional cells are null, and fully empty rows are skipped', () => {
    const r = sheet(['1', '张三'], [null, '', '  ', '\u3000'], [], ['2', '李四']);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    expect(r.rows[0]).toMatchObject({
      ethnicity: null,
      education: null,
      delegation: null,
      unit: null,
      birthDate: null,
    });
  });
});

describe('issues name the row, the column and the value', () => {
  it('duplicate badge names both rows, after normalisation', () => {
    const r = sheet(['001', '张三'], ['002', '李四'], ['００１', '王五']);
    expect(r.rows.map((x) => x.name)).toEqual(['张三', '李四']);
    expect(r.errors).toMatchObject([
      { row: 4, column: '代表证号', value: '001', reason: 'roster.badge_repeated', params: { first: 2, row: 4 } },
    ]);
    expect(r.errors).toHaveLength(1);
  });

  it('a numeric badge and the same badge as text are duplicates', () => {
    const r = sheet([12, '张三'], ['12', '李四']);
    expect(r.errors.map((e) => [e.row, e.value])).toEqual([[3, '12']]);
  });

  it('missing badge', () => {
    expect(issueOf([null, '张三', '男'])).toMatchObject({ row: 2, column: '代表证号', value: null });
    expect(issueOf(['  ', '张三'])).toMatchObject({
      reason: 'roster.badge_missing',
      params: { row: 2, column: '代表证号' },
    });
    // The zh-CN sentence, for the CLI and the logs.
    expect(issueOf(['  ', '张三']).message).toBe('第 2 行「代表证号」列缺少代表证号');
  });

  it('missing name', () => {
    const e = issueOf(['7', '\u3000', '女']);
    expect(e).toMatchObject({ row: 2, column: '姓名', value: null });
    expect(e.reason).toBe('roster.name_missing');
  });

  it('the column is named as the file spells it', () => {
    const r = parse([
      ['编号', '名字', 'Sex'],
      ['1', '张三', '未知'],
    ]);
    expect(r.errors).toMatchObject([
      {
        row: 2,
        column: 'Sex',
        value: '未知',
        reason: 'roster.gender_unknown',
        params: { column: 'Sex', value: '未知' },
      },
    ]);
    expect(r.errors).toHaveLength(1);
  });

  it('unknown category', () => {
    const e = issueOf(['1', '张三', null, null, null, null, null, null, '特邀']);
    expect(e).toMatchObject({ row: 2, column: '类别', value: '特邀' });
    expect(e.reason).toBe('roster.category_unknown');
  });

  it('unknown gender', () => {
    expect(issueOf(['1', '张三', '男的'])).toMatchObject({ row: 2, column: '性别', value: '男的' });
  });

  it.each<[unknown, string]>([
    ['1975.13', 'month_range'],
    ['1975-00', 'month_range'],
    ['1975/2/30', 'no_such_day'],
    ['1900/2/29', 'no_such_day'],
    ['2001年2月29日', 'no_such_day'],
    ['197513', 'month_range'],
    ['19750230', 'no_such_day'],
    ['1899.12', 'year_range'],
    ['2026.01', 'year_range'],
    ['3月12日', 'unrecognised'],
    ['1975', 'month_missing'],
    [1975, 'month_missing'],
    ['不详', 'unrecognised'],
    [1975.5, 'month_range'],
    [new Date(Date.UTC(1850, 0, 1)), 'year_range'],
  ])('bad date %s', (value, why) => {
    const e = issueOf(['1', '张三', null, null, value]);
    expect(e).toMatchObject({ row: 2, column: '出生年月' });
    if (why === 'year_range') expect(e).toMatchObject({ reason: 'roster.birth_year_range', params: { max: 2025 } });
    else expect(e).toMatchObject({ reason: 'roster.birth_date_invalid', params: { why } });
  });

  it.each([
    ['badge', 0, 32],
    ['name', 1, 64],
    ['ethnicity', 3, 32],
    ['education', 5, 32],
    ['delegation', 6, 64],
    ['unit', 7, 200],
  ])('%s longer than the contract allows', (_field, col, max) => {
    const ok = ['1', '张三', null, null, null, null, null, null, null];
    ok[col] = col === 0 ? '9'.repeat(max) : '字'.repeat(max);
    expect(sheet(ok).errors).toEqual([]);
    const long = [...ok];
    long[col] = col === 0 ? '9'.repeat(max + 1) : '字'.repeat(max + 1);
    const e = issueOf(long);
    expect(e).toMatchObject({ row: 2, column: HEAD[col] });
    expect(e).toMatchObject({ reason: 'roster.value_too_long', params: { max, length: max + 1 } });
  });

  it('a formula cell without a result, and an error value', () => {
    const r = sheet(
      ['1', new CellFault('formula_no_result', '=A1&B1')],
      [new CellFault('error_value', '#REF!'), '李四'],
    );
    expect(r.rows).toEqual([]);
    expect(r.errors).toMatchObject([
      { row: 2, column: '姓名', value: '=A1&B1', reason: 'roster.cell_formula' },
      { row: 3, column: '代表证号', value: '#REF!', reason: 'roster.cell_error', params: { value: '#REF!' } },
    ]);
    expect(r.errors).toHaveLength(2);
  });

  it('an error value exported into a CSV as text', () => {
    expect(issueOf(['1', '#N/A'])).toMatchObject({ row: 2, column: '姓名', value: '#N/A' });
  });

  it('several problems in one row are all reported, and other rows still parse', () => {
    const r = sheet(['1', '', '?', null, '1975.13'], ['2', '李四']);
    expect(r.errors.map((e) => e.column)).toEqual(['姓名', '性别', '出生年月']);
    expect(r.errors.every((e) => e.row === 2)).toBe(true);
    expect(r.rows.map((x) => x.badge)).toEqual(['2']);
  });

  it('a cell over the size limit is named by row', () => {
    const e = issueOf(['1', '张三', null, null, null, null, null, 'x'.repeat(MAX_CELL_CHARS + 1)]);
    expect(e).toMatchObject({ row: 2, column: '工作单位' });
    expect(e.message).toContain(String(MAX_CELL_CHARS));
  });

  it('too many rows is one issue, naming the first row over the limit', () => {
    const rows: unknown[][] = [['标题'], HEAD];
    for (let i = 0; i < MAX_ROSTER_ROWS + 1; i++) rows.push([String(i), '张三']);
    const r = parse(rows);
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.row).toBe(2 + MAX_ROSTER_ROWS + 1);
    const fine = parse(rows.slice(0, -1));
    expect(fine.errors).toEqual([]);
    expect(fine.rows).toHaveLength(MAX_ROSTER_ROWS);
  });
});
