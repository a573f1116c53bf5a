/**
 * Issue 15 item 5: what reading a roster normalises is said, counted, with examples — the
 * preview no longer closes up 李　超 to 李超 or rewrites 1979.12 as 1979-12 in silence.
 * The normalisation itself stays (the rows are what search and the ballots need).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROSTER_NOTICE_KINDS, type RosterNoticeKind } from '../../core/model/roster.js';
import { reasons, reasonText } from '../../core/reasons.js';
import { NOTICE_EXAMPLES, parseRosterRows } from '../../core/roster.js';

const now = new Date('2025-06-15T00:00:00Z');
const HEAD = ['代表证号', '姓名', '性别', '民族', '出生年月', '学历', '代表团', '工作单位', '类别'];
const parse = (rows: unknown[][]) => parseRosterRows(rows, 'xlsx', null, { now });
const row = (badge: unknown, name: unknown, more: Partial<Record<(typeof HEAD)[number], unknown>> = {}) => {
  const values: Record<string, unknown> = {
    代表证号: badge,
    姓名: name,
    性别: '男',
    民族: '汉族',
    出生年月: '1980-01',
    学历: '大学',
    代表团: '机关代表团',
    工作单位: '镇党委',
    类别: '正式代表',
    ...more,
  };
  return HEAD.map((h) => values[h]);
};
const noticeOf = (rows: unknown[][], kind: RosterNoticeKind) => {
  const r = parse(rows);
  expect(r.errors).toEqual([]);
  return r.notices.find((n) => n.kind === kind);
};
const kinds = (rows: unknown[][]) => parse(rows).notices.map((n) => n.kind);

describe('a clean roster', () => {
  it('says nothing: the values are already what is stored', () => {
    expect(parse([HEAD, row('001', '王建国'), row('002', '李超', { 性别: '女', 类别: '列席' })]).notices).toEqual([]);
  });
});

describe('each silent normalisation becomes a counted notice with examples', () => {
  it('李　超 padded with a full-width space: 「已规范 N 个姓名中的全角空格」, from 李　超 to 李超', () => {
    const n = noticeOf(
      [HEAD, row('001', '李\u3000超'), row('002', '王建国'), row('003', '张\u3000三')],
      'name_wide_space',
    )!;
    expect(n.count).toBe(2);
    expect(n.message).toBe(reasonText('roster.normalised.name_wide_space', { count: 2 }, 'zh-CN'));
    expect(n.message).toContain('已规范 2 个姓名中的全角空格');
    expect(reasonText(n.reason, n.params, 'en')).toContain('full-width spaces from 2 names');
    expect(n.examples).toEqual([
      { row: 2, column: '姓名', field: 'name', from: '李\u3000超', to: '李超' },
      { row: 4, column: '姓名', field: 'name', from: '张\u3000三', to: '张三' },
    ]);
  });

  it('a trailing full-width pad (李超　) is the same full-width notice, not a silent trim', () => {
    expect(noticeOf([HEAD, row('001', '李超\u3000')], 'name_wide_space')!.examples[0]).toMatchObject({
      from: '李超\u3000',
      to: '李超',
    });
  });

  it('张  三 padded with ASCII spaces: the spaces between Chinese characters', () => {
    expect(noticeOf([HEAD, row('001', '张  三')], 'name_space')!.examples[0]).toMatchObject({
      from: '张  三',
      to: '张三',
    });
  });

  it('1979.12, 1979年12月, 197912 typed as text become 1979-12: one notice with the cells as typed', () => {
    const n = noticeOf(
      [
        HEAD,
        row('001', '甲', { 出生年月: '1979.12' }),
        row('002', '乙', { 出生年月: '1979年12月' }),
        row('003', '丙', { 出生年月: '1980-01' }),
      ],
      'birth_date',
    )!;
    expect(n.count).toBe(2);
    expect(n.examples.map((e) => [e.from, e.to])).toEqual([
      ['1979.12', '1979-12'],
      ['1979年12月', '1979-12'],
    ]);
    expect(n.message).toContain('2 个出生年月');
  });

  it('a birth date typed as a number (1975.1 read as October, an Excel serial) is its own notice to check', () => {
    const n = noticeOf(
      [HEAD, row('001', '甲', { 出生年月: 1975.1 }), row('002', '乙', { 出生年月: 29221 })],
      'birth_number',
    )!;
    expect(n.examples.map((e) => [e.from, e.to])).toEqual([
      ['1975.1', '1975-10'],
      ['29221', '1980-01-01'],
    ]);
  });

  it('a real date cell is what it says: no notice', () => {
    expect(kinds([HEAD, row('001', '甲', { 出生年月: new Date(Date.UTC(1979, 11, 3)) })])).toEqual([]);
  });

  it('full-width and spaced badge numbers (００１, A 01) are normalised, and said', () => {
    const n = noticeOf([HEAD, row('００１', '甲'), row('A 02', '乙'), row(3, '丙')], 'badge')!;
    expect(n.examples.map((e) => [e.from, e.to])).toEqual([
      ['００１', '001'],
      ['A 02', 'A02'],
    ]);
  });

  it('gender and category words read into 男/女 and the three categories (女性, F, 候补, 列席人员)', () => {
    const rows = [
      HEAD,
      row('001', '甲', { 性别: '女性', 类别: '候补' }),
      row('002', '乙', { 性别: 'F', 类别: '列席人员' }),
    ];
    expect(noticeOf(rows, 'gender')!.examples.map((e) => [e.from, e.to])).toEqual([
      ['女性', 'female'],
      ['F', 'female'],
    ]);
    expect(noticeOf(rows, 'category')!.examples.map((e) => [e.from, e.to])).toEqual([
      ['候补', 'alternate'],
      ['列席人员', 'nonvoting'],
    ]);
  });

  it('an empty 类别 imports a 正式代表: said per row, so a 列席 left blank is caught before the count of 应到', () => {
    const n = noticeOf([HEAD, row('001', '甲', { 类别: '' }), row('002', '乙', { 类别: null })], 'category_empty')!;
    expect(n.count).toBe(2);
    expect(n.examples.map((e) => [e.row, e.to])).toEqual([
      [2, 'voting'],
      [3, 'voting'],
    ]);
  });

  it('no 类别 column at all: every row is a 正式代表, said once with the count', () => {
    const head = HEAD.slice(0, -1);
    const n = noticeOf([head, row('001', '甲').slice(0, -1), row('002', '乙').slice(0, -1)], 'category_column')!;
    expect(n.count).toBe(2);
    expect(n.message).toBe('名册没有「类别」列,2 人都按正式代表导入');
  });

  it('spaces around a value and a line break inside 工作单位 are removed, and said', () => {
    const n = noticeOf([HEAD, row('001', '甲', { 代表团: ' 机关代表团 ', 工作单位: '镇党委\n书记' })], 'spaces')!;
    expect(n.examples.map((e) => [e.column, e.from, e.to])).toEqual([
      ['代表团', ' 机关代表团 ', '机关代表团'],
      ['工作单位', '镇党委\n书记', '镇党委 书记'],
    ]);
  });

  it('a cell of nothing but spaces is an empty cell, not a normalised one', () => {
    expect(kinds([HEAD, row('001', '甲', { 学历: '   ' })])).toEqual([]);
  });

  it('a CJK compatibility ideograph (U+F900) becomes the unified one under NFC: said, since the glyph may change', () => {
    const n = noticeOf([HEAD, row('001', '\uF900三')], 'unicode')!;
    expect(n.examples[0]).toMatchObject({ from: '\uF900三', to: '\u8C48三' });
  });

  it('an empty row between data rows is skipped and said; empty rows after the last are not', () => {
    const n = noticeOf([HEAD, row('001', '甲'), [], row('002', '乙'), [], []], 'empty_rows')!;
    expect(n.count).toBe(1);
    expect(n.examples[0]!.row).toBe(3);
  });

  it('a title row above the header is not imported, and said with the header row', () => {
    const n = noticeOf([['青山镇第十五次党代会代表名册'], HEAD, row('001', '甲')], 'above_header')!;
    expect(n.count).toBe(1);
    expect(n.message).toBe('表头在第 2 行,其上 1 行(如标题)不导入');
  });

  it('keeps the first few examples but counts all', () => {
    const data = Array.from({ length: 10 }, (_, i) => row(String(i + 1), `李\u3000${'一二三四五六七八九十'[i]}`));
    const n = noticeOf([HEAD, ...data], 'name_wide_space')!;
    expect(n.count).toBe(10);
    expect(n.examples).toHaveLength(NOTICE_EXAMPLES);
  });

  it('notes only rows that will be imported: a refused row says its problem, not its normalisation', () => {
    const r = parse([HEAD, row('001', '李\u3000超', { 性别: '未知' })]);
    expect(r.errors).toHaveLength(1);
    expect(r.notices).toEqual([]);
  });

  it('every kind has its reason in both languages, with the same placeholders', () => {
    for (const kind of ROSTER_NOTICE_KINDS) {
      const text = (reasons as Record<string, { 'zh-CN': string; en: string }>)[`roster.normalised.${kind}`];
      expect(text, kind).toBeDefined();
    }
  });
});

describe('property: every name the reading changed is in a name notice, and the notices say exactly what was stored', () => {
  const han = fc.constantFrom(...'王李张刘陈杨黄赵超伟芳娜');
  const pad = fc.constantFrom('', ' ', '  ', '\u3000', '\u3000\u3000', '\t');
  const cell = fc.tuple(pad, han, pad, han, fc.option(han, { nil: '' }), pad).map((p) => p.join(''));
  it('holds for padded two- and three-character names', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), (names) => {
        const r = parse([HEAD, ...names.map((n, i) => row(String(i + 1), n))]);
        expect(r.errors).toEqual([]);
        const changed = names.filter((n, i) => n !== r.rows[i]!.name).length;
        const nameNotices = r.notices.filter((n) => ['name_wide_space', 'name_space', 'spaces'].includes(n.kind));
        expect(nameNotices.reduce((s, n) => s + n.count, 0)).toBe(changed);
        for (const n of nameNotices)
          for (const e of n.examples) {
            expect(e.to).toBe(r.rows.find((x) => x.row === e.row)!.name);
            expect(e.from).toBe(names[e.row - 2]);
          }
      }),
    );
  });
});
