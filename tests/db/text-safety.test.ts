/**
 * Issue 12 item 5, hostile text, against a real congress file: an RLO in a roster row, a BEL in
 * an operator's name or a contest's title, a zero-width space in a write-in or a candidate list.
 * Each is refused where it enters, naming the row/field and the character; nothing is written.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reasonText } from '../../core/reasons.js';
import { contestInput, election } from './election-setup.js';
import { congressWith, csvBase64, delegateFields, dumpTables, ROSTER_HEADER } from './helpers.js';

const rosterRow = (badge: string, name: string, unit = '青山镇党委') => [
  badge,
  name,
  '男',
  '汉族',
  '1980-01',
  '大学',
  '机关代表团',
  unit,
  '正式代表',
];

/** Rows 2…11 are clean; row 12 (the eleventh delegate) carries `name`. */
const rosterWith = (name: string, unit?: string) => {
  const rows = Array.from({ length: 10 }, (_, i) => rosterRow(String(i + 1).padStart(3, '0'), `代表${i + 1}`));
  rows.push(rosterRow('011', name, unit));
  return rows;
};

describe('the roster file', () => {
  it('RLO: 代表名册.csv row 12 姓名 "乙二\\u202e戊" → roster.import refused naming row 12, 姓名 and U+202E (从右至左覆盖); nothing imported', async () => {
    const c = await congressWith([delegateFields('001', { name: '代表1' })]);
    const before = dumpTables(c.path);
    const error = await c.failure('roster.import', {
      fileName: '代表名册.csv',
      contentBase64: csvBase64([ROSTER_HEADER, ...rosterWith('乙二\u202e戊')]),
    });
    expect(error.code).toBe('roster_invalid');
    const issue = error.details!.find((d) => d.reason === 'roster.invisible_char');
    expect(issue).toMatchObject({ row: 12, column: '姓名', value: '乙二⟨U+202E⟩戊' });
    expect(issue!.params).toMatchObject({ row: 12, column: '姓名', at: 3, code: 'U+202E', kind: 'U+202E' });
    expect(issue!.message).toBe(
      '第 12 行「姓名」列第 3 个字符是不可见字符 U+202E(从右至左覆盖),请在文件中删除后重新导入:乙二⟨U+202E⟩戊',
    );
    expect(reasonText(issue!.reason!, issue!.params, 'en')).toContain('U+202E (RIGHT-TO-LEFT OVERRIDE)');
    // The message quoting the value is not itself turned around by it.
    expect(issue!.message).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(dumpTables(c.path)).toEqual(before);
    expect(c.events).toEqual([]);
  });

  it('ZWSP and BEL: the preview shows the same issues, so the secretariat fixes the file before importing', async () => {
    const c = await congressWith([]);
    const preview = await c.call('roster.preview', {
      fileName: '代表名册.csv',
      contentBase64: csvBase64([ROSTER_HEADER, ...rosterWith('张\u200b三'), rosterRow('012', '李四', '青山\u0007镇')]),
    });
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: 12, column: '姓名', reason: 'roster.invisible_char', value: '张⟨U+200B⟩三' }),
      expect.objectContaining({
        row: 13,
        column: '工作单位',
        reason: 'roster.invisible_char',
        value: '青山⟨U+0007⟩镇',
      }),
    ]);
    expect(preview.errors[1]!.message).toContain('U+0007(响铃符)');
    expect(preview.rows).toHaveLength(10);
  });

  it('bidi isolates and a word joiner in any column of an .xlsx roster → refused, naming the column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('代表名册');
    ws.addRow(ROSTER_HEADER);
    for (const r of rosterWith('王五', '青山镇\u2066党委\u2069')) ws.addRow(r);
    ws.addRow(rosterRow('012', '赵\u2060六'));
    const c = await congressWith([]);
    const error = await c.failure('roster.import', {
      fileName: '代表名册.xlsx',
      contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'),
    });
    const issues = error.details!.filter((d) => d.reason === 'roster.invisible_char');
    expect(issues.map((d) => [d.row, d.column, d.params?.code])).toEqual([
      [12, '工作单位', 'U+2066'],
      [13, '姓名', 'U+2060'],
    ]);
    expect(await c.call('delegates.list', {})).toEqual([]);
  });

  it('a line break inside a cell (Alt+Enter in Excel) is layout, not an invisible character: still imported', async () => {
    const c = await congressWith([]);
    await c.call('roster.import', {
      fileName: '代表名册.csv',
      contentBase64: csvBase64([ROSTER_HEADER, rosterRow('001', '张  三', '青山镇\n党委')]),
    });
    const [d] = await c.call('delegates.list', {});
    expect([d!.name, d!.unit]).toEqual(['张三', '青山镇 党委']);
  });

  it('a decomposed é in a roster name is stored NFC, equal to the one typed at the desk', async () => {
    const c = await congressWith([]);
    await c.call('roster.import', {
      fileName: '代表名册.csv',
      contentBase64: csvBase64([ROSTER_HEADER, rosterRow('001', 'Jose\u0301')]),
    });
    expect((await c.call('delegates.list', {}))[0]!.name).toBe('José');
  });
});

describe('the candidates file', () => {
  it('ZWSP: 候选人.csv row 3 姓名 "田\\u200b富" → candidates.import refused naming row 3 and U+200B; no candidate added', async () => {
    const c = await congressWith([]);
    const contest = await c.call('contests.create', contestInput(c.meetingId, '党委委员', 1));
    const before = dumpTables(c.path);
    const error = await c.failure('candidates.import', {
      contestId: contest.id,
      fileName: '候选人.csv',
      contentBase64: csvBase64([
        ['姓名', '性别', '出生年月'],
        ['赵一', '男', '1980.01'],
        ['田\u200b富', '男', '1980.02'],
      ]),
    });
    expect(error.details).toEqual([
      expect.objectContaining({ row: 3, column: '姓名', reason: 'roster.invisible_char', value: '田⟨U+200B⟩富' }),
    ]);
    expect(error.details![0]!.message).toContain('U+200B(零宽空格)');
    expect(dumpTables(c.path)).toEqual(before);
  });
});

describe('typed at a station, through the contract', () => {
  it('BEL: operators.add {name: "王\\u0007敏"} → refused input.invisible_char naming name and U+0007; no operator', async () => {
    const c = await congressWith([]);
    const error = await c.failure('operators.add', { name: '王\u0007敏', role: 'secretariat', pin: '24681357' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      reason: 'input.invisible_char',
      field: 'name',
      params: { field: 'name', at: 2, code: 'U+0007', kind: 'U+0007' },
    });
    expect(error.message).toBe('字段 name: 第 2 个字符是不可见字符 U+0007(响铃符),请删除后重新输入');
    expect(await c.call('operators.list', {})).toEqual([]);
  });

  it('BEL: contests.create {title: "党委\\u0007委员"} and contests.update → refused; the title is unchanged', async () => {
    const c = await congressWith([]);
    const bad = await c.failure('contests.create', {
      ...contestInput(c.meetingId, '党委委员', 1),
      title: '党委\u0007委员',
    });
    expect(bad).toMatchObject({ reason: 'input.invisible_char', field: 'title' });
    const contest = await c.call('contests.create', contestInput(c.meetingId, '党委委员', 1));
    const update = await c.failure('contests.update', { contestId: contest.id, title: '纪委\u202e委员' });
    expect(update).toMatchObject({ reason: 'input.invisible_char', field: 'title', params: { code: 'U+202E' } });
    expect((await c.call('contests.get', { contestId: contest.id })).contest.title).toBe(contest.title);
  });

  it('RLO in a delegate typed at the secretariat (delegates.add / delegates.update) → refused', async () => {
    const c = await congressWith([delegateFields('001', { name: '甲一' })]);
    const [d] = await c.call('delegates.list', {});
    expect((await c.failure('delegates.add', delegateFields('002', { name: '乙二\u202e戊' }))).params).toMatchObject({
      field: 'name',
      code: 'U+202E',
    });
    expect((await c.failure('delegates.update', { id: d!.id, name: '甲\u200d一' })).field).toBe('name');
    expect((await c.call('delegates.list', {})).map((x) => x.name)).toEqual(['甲一']);
  });
});

describe('write-ins', () => {
  it('ZWSP: ballots.enter with write-in "代\\u200b表1" → refused at entry (the counter retypes it off the paper); no ballot stored', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.open();
    const error = await e.failure(
      'ballots.enter',
      e.enterInput('ox--', { writeIns: [{ name: '代\u200b表1', mark: 'circle' }] }),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      reason: 'input.invisible_char',
      field: 'writeIns.0.name',
      params: { code: 'U+200B', kind: 'U+200B', at: 2 },
    });
    expect(await e.call('ballots.list', { roundId: e.roundId })).toEqual([]);
  });

  it('the same person written in as "代表1", " 代表 1 " and "代表１" is counted once, stored as typed (NFC, trimmed)', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.open();
    const w = (name: string) => ({ writeIns: [{ name, mark: 'circle' as const }] });
    await e.enter('ox--', w('代表1'));
    const spaced = await e.enter('ox--', w(' 代表 1 '));
    await e.enter('ox--', w('代表１'));
    expect(spaced.writeIns.map((x) => x.name)).toEqual(['代表 1']);
    const { tally } = await e.call('rounds.result', { roundId: e.roundId });
    expect(tally.writeIns).toEqual([expect.objectContaining({ name: '代表1', for: 3 })]);
  });
});

describe('the call’s envelope', () => {
  it('BEL in the name typed at a station before there are operators → refused naming operator and U+0007, not as the program’s fault', async () => {
    const c = await congressWith([]);
    const error = await c.failure(
      'meetings.create',
      { name: '预备会议', date: '2026-03-20' },
      { operator: '李\u0007明', station: '报到处1' },
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      reason: 'input.invisible_char',
      params: { field: 'operator', code: 'U+0007', at: 2 },
    });
    const wrongShape = await c.failure(
      'meetings.create',
      { name: '预备会议', date: '2026-03-20' },
      { operator: 7, station: '报到处1' },
    );
    expect(wrongShape.reason).toBe('input.context');
  });
});
