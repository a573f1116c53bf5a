/** Version 2 results through the store (officials, void rounds, the first plenaries) and the district view of many files. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../core/result-file.js';
import { verifyResultText } from '../../db/results/sign.js';
import { appointment, election, rosterCongress } from './election-setup.js';
import { exported, resign } from './result-setup.js';

describe('version 2 round trip through the store', () => {
  const chief = { operator: '总监票人张华', station: '计票室' };

  it('officials, a round declared void and its rerun, conventions per contest: exported and verified', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const id = (badge: string) => e.ids.get(badge)!;
    await e.call('officials.appoint', appointment(e.contest.id, 'chief_scrutineer', id('001')));
    await e.call('officials.appoint', appointment(e.contest.id, 'scrutineer', id('002')));
    await e.call('officials.appoint', {
      contestId: e.contest.id,
      role: 'counter',
      delegateId: null,
      name: '工作人员赵一',
      approval: null,
    });
    await e.open();
    await e.enter('oo--');
    const { rerun } = await e.call('rounds.declareVoid', { roundId: e.roundId, reason: '发现有代表未领到选票' }, chief);
    await e.open(rerun.id);
    for (const m of ['oox-', 'oox-', 'oox-', 'oox-', 'oox-', 'oox-', 'xoo-', 'xoo-', 'xoo-', 'xxxx']) {
      await e.enter(m, {}, rerun.id);
    }
    await e.call('rounds.close', { roundId: rerun.id });
    const out = path.join(e.dir, 'r.json');
    const r = await e.call('result.export', { path: out, csvPath: null });
    const report = await e.call('result.verify', { path: out, fingerprint: r.fingerprint });
    expect(report.failures).toEqual([]);
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as ResultFile;
    expect(file.formatVersion).toBe(2);
    const contest = file.content.contests[0]!;
    expect(contest.marking).toEqual(file.content.congress.settings.marking);
    expect(contest.officials.map((o) => [o.role, o.name])).toEqual([
      ['chief_scrutineer', '代表1'],
      ['scrutineer', '代表2'],
      ['counter', '工作人员赵一'],
    ]);
    expect(contest.rounds.map((x) => [x.kind, x.status, x.voidDeclaration?.reason ?? null])).toEqual([
      ['first', 'void', '发现有代表未领到选票'],
      ['rerun', 'closed', null],
    ]);
    // 田大利 9, 田富 6 of 10: elected in the rerun, by votes.
    expect(contest.elected.map((x) => [x.name, x.round])).toEqual([
      ['田大利', 2],
      ['田富', 2],
    ]);
    expect(file.content.meetings[0]!.electorate).toEqual({ kind: 'delegates' });
    // The declaration taken away: a void round without a cause.
    const forged = await resign(fs.readFileSync(out, 'utf8'), e.dataDir, (f) => {
      f.content.contests[0]!.rounds[0]!.voidDeclaration = null;
    });
    expect(verifyResultText(forged, r.fingerprint).failures.map((x) => [x.kind, x.round])).toEqual([
      ['attendance_inconsistent', 1],
    ]);
  });

  it('the first plenaries: the members as electorate, their own attendance, the approval of the 纪委 result', async () => {
    const c = await rosterCongress({ voters: 10 });
    const names = (...n: number[]) => n.map((i) => `代表${i}`);
    const committee = await c.contest(c.meetingId, '党委委员', 3, 20, names(1, 2, 3, 4));
    const discipline = await c.contest(c.meetingId, '纪委委员', 2, 20, names(5, 6, 7));
    await c.vote(committee.roundId, Array(10).fill('ooo-'));
    await c.vote(discipline.roundId, Array(10).fill('oo-'));
    const plenary = async (name: string, contestId: number, badges: string[], title: string, candidate: string) => {
      const m = await c.membersMeeting(name, contestId);
      await c.checkIn(m.id, badges);
      const k = await c.contest(m.id, title, 1, 0, [candidate]);
      await c.vote(
        k.roundId,
        badges.map(() => 'o'),
      );
      return m;
    };
    const disciplinePlenary = await plenary(
      '纪委第一次全体会议',
      discipline.contest.id,
      ['005', '006'],
      '纪委书记',
      '代表5',
    );
    const committeePlenary = await plenary(
      '一届一次全体会议',
      committee.contest.id,
      ['001', '002', '003'],
      '书记',
      '代表1',
    );
    await c.call('meetings.approveResult', {
      meetingId: committeePlenary.id,
      approvedMeetingId: disciplinePlenary.id,
      note: null,
    });

    const out = path.join(c.dir, 'day.json');
    const r = await c.call('result.export', { path: out, csvPath: null });
    const report = await c.call('result.verify', { path: out, fingerprint: r.fingerprint });
    expect(report.failures).toEqual([]);
    const text = fs.readFileSync(out, 'utf8');
    const file = JSON.parse(text) as ResultFile;
    const meetings = file.content.meetings.map((m) => [m.name, m.electorate, m.attendance.due, m.attendance.present]);
    expect(meetings).toEqual([
      [expect.any(String), { kind: 'delegates' }, 10, 10],
      ['纪委第一次全体会议', { kind: 'members', contestId: discipline.contest.id }, 2, 2],
      ['一届一次全体会议', { kind: 'members', contestId: committee.contest.id }, 3, 3],
    ]);
    expect(file.content.meetings[2]!.approvals).toEqual([
      expect.objectContaining({ approvedMeetingId: disciplinePlenary.id, note: null }),
    ]);
    expect(report.summary!.contests.map((k) => [k.title, k.elected])).toEqual([
      ['党委委员', ['代表1', '代表2', '代表3']],
      ['纪委委员', ['代表5', '代表6']],
      ['纪委书记', ['代表5']],
      ['书记', ['代表1']],
    ]);
    // A plenary stating one more member due than its contest elected: named.
    const forged = await resign(text, c.dataDir, (f) => {
      const m = f.content.meetings[2]!;
      m.attendance.due = 4;
      m.attendance.absent = 1;
    });
    const failures = verifyResultText(forged, r.fingerprint).failures;
    expect(failures.find((x) => x.subject === '应到')).toMatchObject({
      kind: 'attendance_inconsistent',
      meeting: '一届一次全体会议',
      recounted: '「党委委员」当选人3',
    });
  });
});

describe('the district view', () => {
  it("verifies each file against its township's registered key, totals only those that pass, and writes an .xlsx", async () => {
    const a = await exported();
    const bad = path.join(a.dir, 'bad.json');
    fs.writeFileSync(bad, a.text.slice(0, 100));
    // Another township's laptop: its own key (its data folder), its own congress name.
    const b = await exported();
    const other = path.join(b.dir, 'qingshan.json');
    fs.writeFileSync(
      other,
      await resign(b.text, b.dataDir, (f) => {
        f.content.congress.name = '中国共产党青山镇第十五次代表大会';
      }),
    );
    const copy = path.join(a.dir, 'copy-of-a.json');
    fs.copyFileSync(a.out, copy);
    await a.call('district.keys.add', { township: '测试镇', fingerprint: a.exportOut.fingerprint });
    await a.call('district.keys.add', { township: '青山镇', fingerprint: b.exportOut.fingerprint });
    const view = await a.call('result.district', { paths: [a.out, other, copy, bad], fingerprint: null });
    expect(view.files.map((f) => f.report.ok)).toEqual([true, true, true, false]);
    // The same result under another name counts once.
    expect(view.files.map((f) => f.duplicateOf)).toEqual([null, null, a.out, null]);
    expect(view.total).toMatchObject({ townships: 2, contests: 2, seats: 4, elected: 4 });
    expect(view.total.structure.women).toBe(2); // 田富 is the young minority woman in each

    const xlsx = path.join(a.dir, 'district.xlsx');
    await a.call('result.districtExport', { paths: [a.out, bad], fingerprint: null, out: xlsx });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const sheet = book.getWorksheet('汇总')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const flat = rows.map((r) => r.filter((v) => v !== undefined && v !== null).join('|'));
    expect(flat[1]).toContain('中国共产党测试镇第十五次代表大会|');
    expect(flat[1]).toContain('核验通过');
    expect(flat[1]).not.toContain('未通过');
    expect(flat[1]).toContain('1名,占比50.0%');
    expect(flat[2]).toContain('未通过');
    expect(flat.at(-1)).toContain('合计(1 个乡镇');
  });
});
