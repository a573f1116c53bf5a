import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { election, typedCandidate } from './election-setup.js';
import { congressWith, csvBase64, delegateFields, dumpTables, rawDb } from './helpers.js';

const contestInput = (meetingId: number, seats = 7) => ({
  meetingId,
  title: '党委委员',
  kind: 'election' as const,
  seats,
  marginPercent: 20,
  doubleEntry: false,
  paperGroup: '第一张选票',
});

describe('contests', () => {
  it('a contest is created with its first round, and states the candidates its margin asks for (rule 8)', async () => {
    const c = await congressWith([delegateFields('001')]);
    const contest = await c.call('contests.create', contestInput(c.meetingId));
    expect(contest).toMatchObject({ title: '党委委员', seats: 7, requiredCandidates: 9, status: 'setup', position: 1 });
    const second = await c.call('contests.create', { ...contestInput(c.meetingId, 3), title: '纪委委员' });
    expect(second.position).toBe(2);
    expect((await c.call('contests.list', { meetingId: c.meetingId })).map((x) => x.title)).toEqual([
      '党委委员',
      '纪委委员',
    ]);
    const got = await c.call('contests.get', { contestId: contest.id });
    expect(got.rounds).toEqual([
      expect.objectContaining({ number: 1, kind: 'first', status: 'setup', seats: 7, candidateIds: [] }),
    ]);
    expect(c.events).toContainEqual({ topic: 'contests', contestId: contest.id, meetingId: c.meetingId });
  });

  it('an unknown meeting or contest is not_found naming the field', async () => {
    const c = await congressWith([]);
    expect(await c.failure('contests.create', contestInput(99))).toMatchObject({
      code: 'not_found',
      field: 'meetingId',
    });
    expect(await c.failure('contests.get', { contestId: 99 })).toMatchObject({ code: 'not_found', field: 'contestId' });
  });

  it('settings change only in setup; the seats of the first round follow', async () => {
    const e = await election({ seats: 2 });
    const updated = await e.call('contests.update', { contestId: e.contest.id, seats: 3, title: '党委委员(第二张)' });
    expect(updated).toMatchObject({ seats: 3, title: '党委委员(第二张)', requiredCandidates: 4 });
    expect((await e.call('contests.get', { contestId: e.contest.id })).rounds[0]!.seats).toBe(3);
    await e.distribute();
    const error = await e.failure('contests.update', { contestId: e.contest.id, seats: 2 });
    expect(error).toMatchObject({ code: 'conflict', field: 'contestId' });
    expect(error).toMatchObject({ reason: 'contest.ballots_issued', params: { action: 'edit_settings' } });
  });

  it('the marking convention defaults to ○ for, × against, blank abstain, and a partial stored one is completed', async () => {
    const c = await congressWith([]);
    expect((await c.call('congress.get', {})).congress.settings.marking).toEqual(DEFAULT_CONVENTION);
    const db = rawDb(c.path);
    db.prepare('UPDATE congress SET settings_json = ?').run(
      JSON.stringify({ quorumAllowEqual: false, marking: { circle: 'for', cross: 'against', none: 'for' } }),
    );
    db.close();
    expect((await c.call('congress.get', {})).congress.settings.marking).toEqual({
      ...DEFAULT_CONVENTION,
      none: 'for',
    });
  });
});

describe('candidates', () => {
  it('a candidate picked from the roster carries the roster facts; the same delegate twice is refused', async () => {
    const c = await congressWith([
      delegateFields('001', {
        name: '田富',
        gender: 'female',
        birthDate: '1992-05',
        ethnicity: '壮族',
        unit: '青山村',
      }),
    ]);
    const contest = await c.call('contests.create', contestInput(c.meetingId, 1));
    const delegateId = c.ids.get('001')!;
    // Whatever name and facts are typed, the roster row's are kept.
    const added = await c.call('candidates.add', { ...typedCandidate(contest.id, '别的名字'), delegateId });
    expect(added).toMatchObject({
      delegateId,
      name: '田富',
      gender: 'female',
      birthDate: '1992-05',
      ethnicity: '壮族',
      education: '大学',
      unit: '青山村',
      position: null,
      fromWriteIn: false,
    });
    const twice = await c.failure('candidates.add', { ...typedCandidate(contest.id, '田富'), delegateId });
    expect(twice).toMatchObject({ code: 'conflict', field: 'delegateId' });
    expect(twice.params).toMatchObject({ name: '田富' });
  });

  it('the approved order lists exactly the candidates, becomes the paper order, and is locked once ballots are issued', async () => {
    const e = await election({ approve: false });
    const [a, b, c, d] = e.candidates.map((x) => x.id) as [number, number, number, number];
    const missing = await e.failure('candidates.approveOrder', { contestId: e.contest.id, candidateIds: [a, b, c] });
    expect(missing).toMatchObject({ code: 'invalid_input', field: 'candidateIds' });
    expect(missing).toMatchObject({ reason: 'candidates.order_missing', params: { names: '李强' } });
    const twice = await e.failure('candidates.approveOrder', {
      contestId: e.contest.id,
      candidateIds: [a, b, c, d, a],
    });
    expect(twice.reason).toBe('candidates.order_twice');
    const stranger = await e.failure('candidates.approveOrder', {
      contestId: e.contest.id,
      candidateIds: [a, b, c, 999],
    });
    expect(stranger).toMatchObject({ field: 'candidateIds', value: '999' });

    // Not approved yet: no ballots.
    expect(
      await e.failure('rounds.distribute', { roundId: e.roundId, ballotsPrinted: 20, issued: 10, spareVoided: 0 }),
    ).toMatchObject({ code: 'conflict', field: 'candidateIds' });

    const approved = await e.call('candidates.approveOrder', { contestId: e.contest.id, candidateIds: [b, a, d, c] });
    expect(approved.map((x) => [x.id, x.position])).toEqual([
      [b, 1],
      [a, 2],
      [d, 3],
      [c, 4],
    ]);
    expect((await e.call('contests.get', { contestId: e.contest.id })).rounds[0]!.candidateIds).toEqual([b, a, d, c]);

    // A new candidate withdraws the approval: the order no longer lists everyone.
    const extra = await e.call('candidates.add', typedCandidate(e.contest.id, '赵六'));
    const got = await e.call('contests.get', { contestId: e.contest.id });
    expect(got.rounds[0]!.candidateIds).toEqual([]);
    expect(got.candidates.every((x) => x.position === null)).toBe(true);
    await e.call('candidates.remove', { candidateId: extra.id });
    await e.call('candidates.approveOrder', { contestId: e.contest.id, candidateIds: [b, a, d, c] });

    await e.distribute();
    const locked = await e.failure('candidates.approveOrder', { contestId: e.contest.id, candidateIds: [a, b, c, d] });
    expect(locked).toMatchObject({ code: 'conflict' });
    expect(locked.reason).toBe('round.paper_locked');
    expect((await e.failure('candidates.remove', { candidateId: a })).code).toBe('conflict');
    expect((await e.call('contests.get', { contestId: e.contest.id })).rounds[0]!.candidateIds).toEqual([b, a, d, c]);
  });

  it('imports a .csv candidate list without badge numbers, with the roster columns', async () => {
    const c = await congressWith([]);
    const contest = await c.call('contests.create', contestInput(c.meetingId, 1));
    const imported = await c.call('candidates.import', {
      contestId: contest.id,
      fileName: '候选人.csv',
      contentBase64: csvBase64([
        ['姓名', '性别', '出生年月', '民族', '学历', '工作单位'],
        ['田  富', '女', '1990.03', '汉族', '大学', '青山村'],
        ['田大利', '男', '1975-11', '蒙古族', '研究生', '镇政府'],
      ]),
    });
    expect(imported.map((x) => [x.name, x.gender, x.birthDate, x.ethnicity, x.unit, x.delegateId])).toEqual([
      ['田富', 'female', '1990-03', '汉族', '青山村', null],
      ['田大利', 'male', '1975-11', '蒙古族', '镇政府', null],
    ]);
  });

  it('an import with one bad row imports nothing and names the row and column', async () => {
    const e = await election({ approve: false });
    const before = dumpTables(e.path);
    const error = await e.failure('candidates.import', {
      contestId: e.contest.id,
      fileName: '候选人.csv',
      contentBase64: csvBase64([
        ['姓名', '性别', '出生年月'],
        ['赵一', '男', '1980.01'],
        ['钱二', '男', '1980.13'],
      ]),
    });
    expect(error.code).toBe('invalid_input');
    expect(error.details).toEqual([expect.objectContaining({ row: 3, column: '出生年月', value: '1980.13' })]);
    expect(dumpTables(e.path)).toEqual(before);

    const noName = await e.failure('candidates.import', {
      contestId: e.contest.id,
      fileName: '候选人.csv',
      contentBase64: csvBase64([
        ['性别', '学历'],
        ['男', '大学'],
      ]),
    });
    expect(noName.details?.[0]?.reason).toBe('candidates.no_name_column');
  });

  it('imports an .xlsx list; a 代表证号 that matches the roster by name links the delegate', async () => {
    const c = await congressWith([delegateFields('007', { name: '王芳', gender: 'female' })]);
    const contest = await c.call('contests.create', contestInput(c.meetingId, 1));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('候选人');
    ws.addRow(['代表证号', '姓名', '性别']);
    ws.addRow(['007', '王芳', '女']);
    ws.addRow(['1', '李强', '男']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await c.call('candidates.import', {
      contestId: contest.id,
      fileName: '候选人.xlsx',
      contentBase64: bytes.toString('base64'),
    });
    expect(imported.map((x) => [x.name, x.delegateId])).toEqual([
      ['王芳', c.ids.get('007')],
      ['李强', null],
    ]);
  });
});
