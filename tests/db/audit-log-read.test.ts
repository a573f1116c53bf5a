/**
 * Issue 15 item 2 in the store: the log a scrutineer reads is sentences of the rows a real
 * congress wrote, filtered by kind, operator and contest in SQL, and exported as a workbook read
 * back here with ExcelJS.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../core/audit/kinds.js';
import { auditSentence } from '../../core/audit/sentences.js';
import { exported } from './result-setup.js';

async function scene() {
  const e = await exported();
  // A second contest, so that the contest filter has rows to leave out.
  const other = await e.call('contests.create', {
    meetingId: e.meetingId,
    title: '纪委委员',
    kind: 'election',
    seats: 1,
    marginPercent: 20,
    doubleEntry: false,
    paperGroup: null,
  });
  await e.call('candidates.add', {
    contestId: other.id,
    delegateId: null,
    name: '孙七',
    gender: 'male',
    birthDate: '1970-01',
    ethnicity: '汉族',
    education: '大学',
    unit: '青山镇',
  });
  // An operator name a spreadsheet would run: the workbook keeps it text.
  await e.call('meetings.setCurrent', { meetingId: e.meetingId }, { operator: '=1+1', station: '秘书处' });
  return { ...e, other };
}

describe('audit log read as sentences (issue 15 item 2)', () => {
  it('every row a counted, exported congress wrote reads as a sentence in both languages: no raw action code, no placeholder, no id left unnamed', async () => {
    const e = await scene();
    const rows = await e.call('audit.list', { limit: 1000, beforeId: null });
    const names = await e.call('audit.names', {});
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(AUDIT_ACTIONS).toContain(row.action);
      for (const language of ['zh-CN', 'en'] as const) {
        const sentence = auditSentence(row, names, language);
        expect(sentence, `${row.id} ${row.action}`).not.toMatch(/[{}]|#\d|undefined|\[object/);
        expect(sentence, `${row.id}`).not.toContain(row.action);
      }
    }
    const ballot = rows.find((r) => r.action === 'ballots.enter')!;
    expect(auditSentence(ballot, names, 'zh-CN')).toMatch(/^李明 录入第 \d+ 张选票\(党委委员 第 1 轮\):[○×□]{4}/);
    const checkIn = rows.find((r) => r.action === 'attendance.checkInByBadge' && r.payload.includes('"001"'))!;
    expect(auditSentence(checkIn, names, 'zh-CN')).toBe('李明 为 代表1 办理报到(选举大会)');
  });

  it('filters: by kind (ballots only), by operator, by contest (the other contest’s rows left out), and paging within a filter', async () => {
    const e = await scene();
    const ballots = await e.call('audit.list', { limit: 1000, beforeId: null, kinds: ['ballots'] });
    expect(ballots.length).toBe(12);
    expect(new Set(ballots.map((r) => r.action))).toEqual(new Set(['ballots.enter', 'ballots.void']));
    const byOperator = await e.call('audit.list', { limit: 1000, beforeId: null, operator: '=1+1' });
    expect(byOperator.map((r) => r.action)).toEqual(['meetings.setCurrent']);
    const first = await e.call('audit.list', { limit: 1000, beforeId: null, contestId: e.contest.id });
    const actions = new Set(first.map((r) => r.action));
    for (const a of [
      'candidates.add',
      'candidates.approveOrder',
      'rounds.distribute',
      'rounds.collect',
      'ballots.enter',
      'ballots.void',
      'rounds.close',
    ])
      expect(actions, a).toContain(a);
    expect(first.some((r) => r.payload.includes('孙七'))).toBe(false);
    const other = await e.call('audit.list', { limit: 1000, beforeId: null, contestId: e.other.id });
    expect(other.map((r) => r.action).sort()).toEqual(['candidates.add', 'contests.create']);
    // A page of five, then the next five older ones, all ballots.
    const page1 = await e.call('audit.list', { limit: 5, beforeId: null, kinds: ['ballots'] });
    const page2 = await e.call('audit.list', { limit: 5, beforeId: page1.at(-1)!.id, kinds: ['ballots'] });
    expect([...page1, ...page2].map((r) => r.id)).toEqual(ballots.slice(0, 10).map((r) => r.id));
  });

  it('audit.export writes the filtered log as .xlsx (read back: a header, one row per audit row, the sentence, `=1+1` kept as text) and records its own row', async () => {
    const e = await scene();
    const out = path.join(e.dir, '审计日志.xlsx');
    const done = await e.call('audit.export', { path: out, language: 'zh-CN', kinds: ['ballots', 'congress'] });
    const matching = await e.call('audit.list', { limit: 1000, beforeId: null, kinds: ['ballots', 'congress'] });
    expect(done.rows).toBe(matching.length);
    expect(fs.statSync(out).size).toBe(done.bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '序号',
      '时间',
      '操作员',
      '角色',
      '工作站',
      '类别',
      '操作',
      '记录',
      '哈希',
    ]);
    expect(sheet.rowCount).toBe(done.rows + 1);
    const texts = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(8).text);
    expect(texts.some((t) => /^李明 录入第 \d+ 张选票\(党委委员 第 1 轮\)/.test(t))).toBe(true);
    const injected = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find(
      (r) => r.getCell(7).text === '设定当前会议',
    )!;
    expect(injected.getCell(3).value).toBe("'=1+1");
    expect(injected.getCell(3).formula).toBeUndefined();
    // Oldest first, the hash column the chain's.
    expect(Number(sheet.getRow(2).getCell(1).value)).toBe(matching.at(-1)!.id);
    expect(sheet.getRow(2).getCell(9).text).toBe(matching.at(-1)!.hash);
    const [own] = await e.call('audit.list', { limit: 1, beforeId: null });
    expect(own!.action).toBe('audit.export');
    const names = await e.call('audit.names', {});
    expect(auditSentence(own!, names, 'zh-CN')).toBe(`李明 导出审计日志 ${out}(${done.rows} 条记录)`);
    // English headers when asked.
    const en = path.join(e.dir, 'audit.xlsx');
    await e.call('audit.export', { path: en, language: 'en' });
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.readFile(en);
    expect(enBook.getWorksheet('Audit log')!.getRow(1).getCell(8).text).toBe('Record');
  });

  it('audit.export over the open congress file is refused file.over_congress and the congress is intact', async () => {
    const e = await scene();
    const before = fs.readFileSync(e.path).length;
    const refused = await e.failure(
      'audit.export',
      { path: e.path, language: 'zh-CN' },
      { operator: '李明', station: '秘书处' },
    );
    expect(refused.reason).toBe('file.over_congress');
    expect(fs.readFileSync(e.path).length).toBeGreaterThanOrEqual(before);
    expect((await e.call('audit.verify', {})).ok).toBe(true);
  });
});
