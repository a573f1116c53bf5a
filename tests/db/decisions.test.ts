/** The day's recorded decisions (issue 10): a round declared void (and migration 007 that made room for it), candidates added to 另行选举, pre-vote to formal list. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, loadMigrations, openCongressFile } from '../../db/open.js';
import { election } from './election-setup.js';
import { dumpTables, rawDb, tempDir } from './helpers.js';

const chief = { operator: '总监票人张华', station: '计票室' };

describe('rounds.declareVoid (rule 16: 选举无效 with its reason, a rerun follows)', () => {
  it('records reason, who and when on the round and opens a rerun with the same paper and seats', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.open();
    await e.enter('oo--');
    const { round, rerun } = await e.call(
      'rounds.declareVoid',
      { roundId: e.roundId, reason: '发现有代表未领到选票' },
      chief,
    );
    expect(round).toMatchObject({ status: 'void', collected: 10, issued: 10 });
    expect(round.voidDeclaration).toMatchObject({ reason: '发现有代表未领到选票', by: '总监票人张华' });
    expect(round.voidDeclaration!.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(rerun).toMatchObject({ number: 2, kind: 'rerun', status: 'setup', seats: 2 });
    expect(rerun.candidateIds).toEqual(e.candidates.map((c) => c.id));

    // A void round takes no ballot, no second declaration, no close.
    expect(await e.failure('ballots.enter', e.enterInput('o---'))).toMatchObject({
      code: 'conflict',
      reason: 'round.void',
    });
    expect(await e.failure('rounds.declareVoid', { roundId: e.roundId, reason: '再次' }, chief)).toMatchObject({
      reason: 'round.void',
    });
    expect((await e.failure('rounds.close', { roundId: e.roundId }, chief)).code).toBe('conflict');

    // The rerun votes as any round: distributed afresh, counted, closed.
    await e.open(rerun.id);
    for (let i = 0; i < 10; i++) await e.enter('oo--', {}, rerun.id);
    const closed = await e.call('rounds.close', { roundId: rerun.id }, chief);
    expect(closed.result.decision.elected.map((x) => x.name)).toEqual(['田富', '田大利']);
    const got = await e.call('contests.get', { contestId: e.contest.id });
    expect(got.contest.status).toBe('closed');
    expect(got.rounds.map((r) => [r.kind, r.status])).toEqual([
      ['first', 'void'],
      ['rerun', 'closed'],
    ]);
  });

  it('is refused before distribution and after the close, and writes nothing', async () => {
    const e = await election({ voters: 10, seats: 1 });
    const before = dumpTables(e.path);
    expect(await e.failure('rounds.declareVoid', { roundId: e.roundId, reason: '程序不当' }, chief)).toMatchObject({
      code: 'conflict',
      reason: 'round.not_distributed',
      params: { contest: '党委委员', round: 1 },
    });
    expect(dumpTables(e.path)).toEqual(before);
    await e.open();
    for (let i = 0; i < 10; i++) await e.enter('o---');
    await e.call('rounds.close', { roundId: e.roundId }, chief);
    expect(await e.failure('rounds.declareVoid', { roundId: e.roundId, reason: '程序不当' }, chief)).toMatchObject({
      reason: 'round.closed',
    });
    expect((await e.failure('rounds.declareVoid', { roundId: e.roundId, reason: '  ' }, chief)).code).toBe(
      'invalid_input',
    );
  });

  it('the schema keeps a declaration as recorded and void tied to its causes', async () => {
    const e = await election({ voters: 10, seats: 1 });
    await e.open();
    await e.call('rounds.declareVoid', { roundId: e.roundId, reason: '程序不当' }, chief);
    const db = rawDb(e.path);
    try {
      expect(() => db.prepare("UPDATE rounds SET void_reason = '改过' WHERE id = ?").run(e.roundId)).toThrow(
        /void declaration/,
      );
      const rerun = db.prepare("SELECT id FROM rounds WHERE kind = 'rerun'").pluck().get() as number;
      // A round in voting cannot be void without a cause (collected > issued, or a declaration).
      db.prepare(
        'UPDATE rounds SET status = ?, voters_present = 10, due = 10, ballots_printed = 10, issued = 10, spare_voided = 0 WHERE id = ?',
      ).run('voting', rerun);
      expect(() => db.prepare("UPDATE rounds SET status = 'void' WHERE id = ?").run(rerun)).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});

describe('migration 007 on a version-4 file with rounds and ballots', () => {
  it('copies every round, keeps the ballots and their triggers, and admits a declared void', () => {
    const dir = tempDir();
    const file = path.join(dir, 'v4.congress');
    const v4 = new Database(file);
    v4.pragma('journal_mode = WAL');
    v4.pragma('foreign_keys = ON');
    v4.transaction(() => {
      v4.pragma(`application_id = ${APPLICATION_ID}`);
      for (const m of loadMigrations().filter((x) => x.version <= 4)) v4.exec(m.sql);
      v4.pragma('user_version = 4');
      v4.exec(`
        INSERT INTO meetings (id, name, date, position) VALUES (1, '选举大会', '2026-03-20', 1);
        INSERT INTO congress (id, name, date, venue, created_at, settings_json, current_meeting_id)
          VALUES (1, '测试镇代表大会', '2026-03-20', '礼堂', '2026-03-20T08:00:00.000Z', '{}', 1);
        INSERT INTO contests (id, meeting_id, title, kind, seats, margin_percent, double_entry, paper_group, position, status)
          VALUES (1, 1, '党委委员', 'election', 1, 20, 0, NULL, 1, 'voting');
        INSERT INTO candidates (id, contest_id, name, position) VALUES (1, 1, '田富', 1), (2, 1, '王芳', 2);
        INSERT INTO rounds (id, contest_id, number, kind, seats, status, voters_present, due, ballots_printed, issued, spare_voided, collected)
          VALUES (1, 1, 1, 'first', 1, 'void', 10, 10, 12, 10, 2, 11);
        INSERT INTO rounds (id, contest_id, number, kind, seats, status, voters_present, due, ballots_printed, issued, spare_voided, collected)
          VALUES (2, 1, 2, 'rerun', 1, 'voting', 10, 10, 12, 10, 2, 10);
        INSERT INTO round_candidates VALUES (1, 1, 1), (1, 2, 2), (2, 1, 1), (2, 2, 2);
        INSERT INTO ballots (round_id, seq, state, marks, write_ins, chosen, valid, entered_by, entered_at, revision)
          VALUES (2, 1, 'counted', '["circle","none"]', '[]', 1, 1, '计票人', '2026-03-20T10:00:00.000Z', 1),
                 (2, 2, 'counted', '["none","circle"]', '[]', 1, 1, '计票人', '2026-03-20T10:00:01.000Z', 2);
      `);
    })();
    const roundsBefore = v4.prepare('SELECT * FROM rounds ORDER BY id').all();
    const ballotsBefore = v4.prepare('SELECT * FROM ballots ORDER BY id').all();
    expect(roundsBefore).toHaveLength(2);
    expect((roundsBefore[1] as { entered_first: number }).entered_first).toBe(2);
    v4.close();

    const opened = openCongressFile(file);
    expect(opened.ok, JSON.stringify(opened)).toBe(true);
    if (!opened.ok) return;
    const db = opened.value;
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      const after = db.prepare('SELECT * FROM rounds ORDER BY id').all() as Record<string, unknown>[];
      // Every v4 column as it was, the declaration's columns empty.
      expect(after.map(({ void_reason, void_by, void_at, ...rest }) => rest)).toEqual(
        roundsBefore.map((r) => {
          const { ...rest } = r as Record<string, unknown>;
          return Object.fromEntries(Object.entries(rest).filter(([k]) => k in (after[0] ?? {})));
        }),
      );
      expect(after.every((r) => r.void_reason === null && r.void_by === null && r.void_at === null)).toBe(true);
      // Every v4 column as it was; schema 11 (issue 13) says each was keyed, from no scanned page.
      const ballotsAfter = db.prepare('SELECT * FROM ballots ORDER BY id').all() as Record<string, unknown>[];
      expect(ballotsAfter.map(({ source, page_id, image_sha256, ...rest }) => rest)).toEqual(ballotsBefore);
      expect(ballotsAfter.map((b) => [b.source, b.page_id, b.image_sha256])).toEqual([
        ['keyed', null, null],
        ['keyed', null, null],
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('legacy_alter_table', { simple: true })).toBe(0);
      // The triggers on ballots still keep the round's count, and foreign keys still hold.
      db.prepare(
        `INSERT INTO ballots (round_id, seq, state, marks, write_ins, chosen, valid, entered_by, entered_at, revision)
           VALUES (2, 3, 'counted', '["circle","none"]', '[]', 1, 1, '计票人', '2026-03-20T10:00:02.000Z', 3)`,
      ).run();
      expect(db.prepare('SELECT entered_first FROM rounds WHERE id = 2').pluck().get()).toBe(3);
      expect(() =>
        db
          .prepare(
            `INSERT INTO ballots (round_id, seq, state, marks, write_ins, chosen, valid, entered_by, entered_at, revision)
               VALUES (99, 1, 'counted', '[]', '[]', 0, 1, '计票人', '2026-03-20T10:00:02.000Z', 1)`,
          )
          .run(),
      ).toThrow(/FOREIGN KEY/);
      // A declaration voids a round whose collected is within issued.
      db.prepare(
        "UPDATE rounds SET status = 'void', void_reason = '程序不当', void_by = '张华', void_at = '2026-03-20T11:00:00.000Z' WHERE id = 2",
      ).run();
      expect(db.prepare('SELECT status FROM rounds WHERE id = 2').pluck().get()).toBe('void');
      expect(
        db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('rounds_v7', 'rounds_v6')").pluck().get(),
      ).toBe(0);
    } finally {
      db.close();
    }
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('另行选举 with candidates added after further 酝酿 (rule 7)', () => {
  it('adds roster and typed candidates to the contest and puts the whole paper in stroke order', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const [a, b] = e.candidates.map((c) => c.id) as [number, number];
    await e.open();
    for (let i = 0; i < 6; i++) await e.enter('o---');
    for (let i = 0; i < 4; i++) await e.enter('-o--');
    await e.call('rounds.close', { roundId: e.roundId }, chief);

    const before = dumpTables(e.path);
    const typed = {
      delegateId: null,
      gender: 'female' as const,
      birthDate: '1990-01',
      ethnicity: '汉族',
      education: '大学',
      unit: '青山村',
    };
    /** 另行选举 for the one seat: 田大利 and one candidate added by name after 酝酿. */
    const adding = (name: string) => ({
      contestId: e.contest.id,
      seats: 1,
      candidateIds: [b],
      newCandidates: [{ ...typed, name }],
    });
    expect(await e.failure('rounds.openAdditional', adding('田 富'))).toMatchObject({
      reason: 'round.already_elected',
      field: 'newCandidates.0',
    });
    expect(await e.failure('rounds.openAdditional', adding('王芳'))).toMatchObject({
      reason: 'round.delegate_already_candidate',
    });
    expect(
      await e.failure('rounds.openAdditional', { contestId: e.contest.id, seats: 1, candidateIds: [] }),
    ).toMatchObject({ reason: 'round.no_candidates' });
    expect(
      await e.failure('rounds.openAdditional', { contestId: e.contest.id, seats: 1, candidateIds: [a] }),
    ).toMatchObject({ reason: 'round.already_elected', params: { name: '田富' } });
    expect(dumpTables(e.path)).toEqual(before);

    const round = await e.call('rounds.openAdditional', {
      contestId: e.contest.id,
      seats: 1,
      candidateIds: [b],
      newCandidates: [
        { ...typed, name: '丁一' },
        {
          delegateId: e.ids.get('004')!,
          name: '代表4',
          gender: null,
          birthDate: null,
          ethnicity: null,
          education: null,
          unit: null,
        },
      ],
      note: '主席团酝酿后增加候选人',
    });
    const { candidates } = await e.call('contests.get', { contestId: e.contest.id });
    const named = (id: number) => candidates.find((c) => c.id === id)!.name;
    // 丁 (2 strokes) before 田 (5) before 代 (5, 撇 after 竖).
    expect(round.candidateIds.map(named)).toEqual(['丁一', '田大利', '代表4']);
    const four = candidates.find((c) => c.name === '代表4')!;
    expect(four).toMatchObject({
      delegateId: e.ids.get('004'),
      birthDate: '1980-01',
      fromWriteIn: false,
      position: null,
    });
    const audit = await e.call('audit.list', { limit: 5, beforeId: null });
    expect(JSON.stringify(audit)).toContain('主席团酝酿后增加候选人');
  });
});

describe('contests.createFromPrevote (rule 12)', () => {
  it('makes the formal contest from a closed 预选, its elected in stroke order, not approved, linked once', async () => {
    const e = await election({ voters: 10, seats: 2, kind: 'prevote', candidates: ['王芳', '李强', '丁伟', '田富'] });
    const input = {
      prevoteContestId: e.contest.id,
      title: '党委委员(正式选举)',
      seats: 1,
      marginPercent: 20,
    };
    expect(await e.failure('contests.createFromPrevote', input)).toMatchObject({
      code: 'conflict',
      reason: 'prevote.not_closed',
    });
    await e.open();
    // Over half of 应到 (10): 6 votes. 李强 7, 丁伟 6, 王芳 4.
    for (let i = 0; i < 5; i++) await e.enter('-oo-');
    for (let i = 0; i < 2; i++) await e.enter('oo--');
    await e.enter('o-o-');
    await e.enter('o---');
    await e.enter('----');
    const closed = await e.call('rounds.close', { roundId: e.roundId }, chief);
    expect(closed.result.decision.elected.map((x) => x.name)).toEqual(['李强', '丁伟']);

    const { contest, candidates } = await e.call('contests.createFromPrevote', input);
    expect(contest).toMatchObject({
      kind: 'election',
      seats: 1,
      fromPrevoteId: e.contest.id,
      status: 'setup',
      meetingId: e.meetingId,
    });
    expect(candidates.map((c) => c.name)).toEqual(['丁伟', '李强']);
    expect(candidates.every((c) => c.position === null)).toBe(true);
    expect(candidates[0]).toMatchObject({ gender: 'male', birthDate: '1970-01', unit: '青山镇' });
    const { rounds } = await e.call('contests.get', { contestId: contest.id });
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.candidateIds).toEqual([]);

    expect(await e.failure('contests.createFromPrevote', input)).toMatchObject({
      reason: 'prevote.already_used',
      params: { formal: '党委委员(正式选举)' },
    });
    expect(await e.failure('contests.createFromPrevote', { ...input, prevoteContestId: contest.id })).toMatchObject({
      reason: 'prevote.not_prevote',
    });
  });
});
