import { describe, expect, it } from 'vitest';
import { congressWith, csvBase64, delegateFields, dumpTables, ROSTER_HEADER } from './helpers.js';

const row = (badge: string, name: string, overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    代表证号: badge,
    姓名: name,
    性别: '男',
    民族: '汉族',
    出生年月: '1980-01',
    学历: '大学',
    代表团: '机关代表团',
    工作单位: '青山镇党委',
    类别: '正式代表',
    ...overrides,
  };
  return ROSTER_HEADER.map((h) => values[h]!);
};

const file = (rows: string[][], fileName = '代表名册.csv') => ({
  fileName,
  contentBase64: csvBase64([ROSTER_HEADER, ...rows]),
});

describe('roster.preview', () => {
  it('lists added, updated field by field, and unchanged, without writing', async () => {
    const c = await congressWith([
      delegateFields('001', { name: '张帅' }),
      delegateFields('002', { name: '赵爽', gender: 'female' }),
    ]);
    const before = dumpTables(c.path);
    const preview = await c.call(
      'roster.preview',
      file([
        row('001', '张帅'),
        row('002', '赵爽', { 性别: '女', 代表团: '社区代表团', 类别: '候补代表' }),
        row('003', '周胜利', { 类别: '列席', 代表团: '' }),
      ]),
    );
    expect(preview.format).toBe('csv');
    expect(preview.errors).toEqual([]);
    expect(preview.rows).toHaveLength(3);
    expect(preview.added).toEqual([{ badge: '003', name: '周胜利' }]);
    expect(preview.updated).toEqual([
      {
        badge: '002',
        name: '赵爽',
        fields: [
          { field: 'delegation', from: '机关代表团', to: '社区代表团' },
          { field: 'category', from: 'voting', to: 'alternate' },
        ],
      },
    ]);
    expect(preview.unchanged).toBe(1);
    expect(dumpTables(c.path)).toEqual(before);
  });

  it('passes the parser’s problems through, by row and column', async () => {
    const c = await congressWith([]);
    const preview = await c.call('roster.preview', file([row('001', ''), row('002', '赵爽', { 类别: '观察员' })]));
    expect(preview.errors.length).toBeGreaterThanOrEqual(2);
    expect(preview.errors.some((e) => e.row === 2 && e.column === '姓名')).toBe(true);
    expect(preview.errors.some((e) => e.row === 3 && e.column === '类别')).toBe(true);
  });

  it('issue 15 item 5: a CSV with 李　超 and 1979.12 previews with notices of both, and imports them normalised', async () => {
    const c = await congressWith([]);
    const input = file([row('001', '李\u3000超', { 出生年月: '1979.12' }), row('002', '王建国')]);
    const preview = await c.call('roster.preview', input);
    expect(preview.notices.map((n) => [n.kind, n.count, n.message])).toEqual([
      ['name_wide_space', 1, expect.stringContaining('已规范 1 个姓名中的全角空格')],
      ['birth_date', 1, expect.stringContaining('1 个出生年月')],
    ]);
    expect(preview.notices[0]!.examples).toEqual([
      { row: 2, column: '姓名', field: 'name', from: '李\u3000超', to: '李超' },
    ]);
    await c.call('roster.import', input);
    const [li] = await c.call('delegates.list', {});
    expect([li!.name, li!.birthDate]).toEqual(['李超', '1979-12']);
  });
});

describe('roster.import', () => {
  it('inserts new badges, updates changed ones, leaves the rest alone, in one audited write', async () => {
    const c = await congressWith([
      delegateFields('001', { name: '张帅' }),
      delegateFields('002', { name: '赵爽', gender: 'female' }),
      delegateFields('900', { name: '不在名单中' }),
    ]);
    const input = file([row('001', '张帅'), row('002', '赵爽', { 性别: '女', 学历: '研究生' }), row('003', '曾顺')]);
    const result = await c.call('roster.import', input);
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const list = await c.call('delegates.list', {});
    expect(list.map((d) => [d.badge, d.name, d.education, d.initials])).toEqual([
      ['001', '张帅', '大学', 'zs'],
      ['002', '赵爽', '研究生', 'zs'],
      ['003', '曾顺', '大学', 'zs'],
      ['900', '不在名单中', '大学', 'bzmdz'],
    ]);
    expect(c.events.map((e) => e.topic)).toEqual(['roster', 'attendance', 'audit']);

    // The audit row names the file by its hash, not its bytes.
    const [last] = await c.call('audit.list', { limit: 1, beforeId: null });
    const payload = JSON.parse(last!.payload);
    expect(last!.action).toBe('roster.import');
    expect(payload).toEqual({
      fileName: '代表名册.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      added: 1,
      updated: 1,
      unchanged: 1,
    });
    expect(last!.payload).not.toContain(input.contentBase64.slice(0, 40));

    // Importing the same file again changes nothing but is still recorded as an import.
    expect(await c.call('roster.import', input)).toEqual({ added: 0, updated: 0, unchanged: 3 });
  });

  it('keeps fields whose column the file lacks, instead of blanking them', async () => {
    const c = await congressWith([delegateFields('001', { name: '张帅', ethnicity: '回族', education: '研究生' })]);
    const narrow = {
      fileName: '名单.csv',
      contentBase64: csvBase64([
        ['代表证号', '姓名', '代表团'],
        ['001', '张帅', '社区代表团'],
      ]),
    };
    const preview = await c.call('roster.preview', narrow);
    expect(preview.updated).toEqual([
      { badge: '001', name: '张帅', fields: [{ field: 'delegation', from: '机关代表团', to: '社区代表团' }] },
    ]);
    expect(await c.call('roster.import', narrow)).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const [d] = await c.call('delegates.list', {});
    expect([d!.ethnicity, d!.education, d!.delegation, d!.category]).toEqual([
      '回族',
      '研究生',
      '社区代表团',
      'voting',
    ]);
  });

  it('is all or nothing: any problem refuses the whole file, listing every issue', async () => {
    const c = await congressWith([delegateFields('001', { name: '张帅' })]);
    const before = dumpTables(c.path);
    const error = await c.failure(
      'roster.import',
      file([row('002', '赵爽'), row('003', '周胜利', { 出生年月: '1980-13' }), row('002', '重复'), row('004', '', {})]),
    );
    expect(error.code).toBe('roster_invalid');
    expect(error.reason).toBe('roster.invalid');
    expect(error.details!.length).toBeGreaterThanOrEqual(3);
    expect(error.details!.every((d) => d.code === 'roster_invalid' && d.message.length > 0)).toBe(true);
    expect(error.details!.some((d) => d.row === 5 && d.column === '姓名')).toBe(true);
    expect(dumpTables(c.path)).toEqual(before);
    expect(c.events).toEqual([]);
  });

  it('refuses something that is not a roster', async () => {
    const c = await congressWith([]);
    const error = await c.failure('roster.import', {
      fileName: 'photo.png',
      contentBase64: Buffer.from('PNG').toString('base64'),
    });
    expect(error.code).toBe('roster_invalid');
    expect(await c.call('delegates.list', {})).toEqual([]);
  });

  it('refuses a roster with a header and no rows', async () => {
    const c = await congressWith([]);
    expect((await c.failure('roster.import', file([]))).code).toBe('roster_invalid');
  });
});
