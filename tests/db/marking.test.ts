/** A marking convention per contest (issue 10, item 5; rule 3) through the store, and migration 005 that gave existing contests theirs. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION, type MarkingConvention } from '../../core/election-types.js';
import { loadMigrations, migrate } from '../../db/open.js';
import { election } from './election-setup.js';
import { tempDir } from './helpers.js';

const REVERSED: MarkingConvention = { ...DEFAULT_CONVENTION, none: 'for', circle: 'abstain' };

describe('a marking convention per contest (rule 3)', () => {
  it('a new contest takes the congress setting; its own convention counts its ballots', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    expect(e.contest.marking).toEqual(DEFAULT_CONVENTION);
    const prevote = await e.call('contests.create', {
      meetingId: e.meetingId,
      title: '预选',
      kind: 'prevote',
      seats: 1,
      marginPercent: 0,
      doubleEntry: false,
      paperGroup: null,
      marking: REVERSED,
    });
    expect(prevote.marking).toEqual(REVERSED);
    // The formal contest keeps the default: same congress, two conventions.
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.marking).toEqual(DEFAULT_CONVENTION);
    // "不划符号视为赞成" applies to the pre-vote only.
    await e.call('congress.updateSettings', { marking: REVERSED });
    const later = await e.call('contests.create', {
      meetingId: e.meetingId,
      title: '纪委委员',
      kind: 'election',
      seats: 1,
      marginPercent: 0,
      doubleEntry: false,
      paperGroup: null,
    });
    expect(later.marking).toEqual(REVERSED);
    await e.open();
    // Unmarked means abstain in the formal contest even though the congress default is now reversed.
    const b = await e.enter('---');
    expect(b).toMatchObject({ valid: true, chosen: 0 });
  });

  it('reversed: a blank paper chooses everyone, so it is invalid for fewer seats', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    await e.call('contests.update', { contestId: e.contest.id, marking: REVERSED });
    await e.open();
    expect(await e.enter('---')).toMatchObject({ valid: false, chosen: 3 });
    expect(await e.enter('x--')).toMatchObject({ valid: true, chosen: 2 });
    const result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.tally).toMatchObject({ valid: 1, invalid: 1 });
    expect(result.tally.candidates.map((c) => c.for)).toEqual([0, 1, 1]);
  });

  it('the convention is locked once the contest has a ballot; other settings locked once distributed', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    await e.open();
    // Distributed, no ballot yet: the convention may still change.
    const changed = await e.call('contests.update', { contestId: e.contest.id, marking: REVERSED });
    expect(changed.marking).toEqual(REVERSED);
    await e.enter('x--');
    const error = await e.failure('contests.update', { contestId: e.contest.id, marking: DEFAULT_CONVENTION });
    expect(error).toMatchObject({
      code: 'conflict',
      reason: 'count.marking_locked',
      params: { contest: '党委委员', ballots: 1 },
      field: 'marking',
    });
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.marking).toEqual(REVERSED);
    // The same convention again is no change.
    expect((await e.call('contests.update', { contestId: e.contest.id, marking: REVERSED })).marking).toEqual(REVERSED);
    expect((await e.failure('contests.update', { contestId: e.contest.id, title: '新名称' })).code).toBe('conflict');
  });

  it('contests of one paper group share one convention', async () => {
    const e = await election({ voters: 10 });
    const make = (title: string, paperGroup: string | null, marking?: MarkingConvention) =>
      e.call('contests.create', {
        meetingId: e.meetingId,
        title,
        kind: 'election',
        seats: 1,
        marginPercent: 0,
        doubleEntry: false,
        paperGroup,
        ...(marking ? { marking } : {}),
      });
    const a = await make('党委委员', '第一批', REVERSED);
    // Joining the group without a convention takes the group's.
    const b = await make('纪委委员', '第一批');
    expect(b.marking).toEqual(REVERSED);
    const refused = await e.failure('contests.create', {
      meetingId: e.meetingId,
      title: '代表',
      kind: 'election',
      seats: 1,
      marginPercent: 0,
      doubleEntry: false,
      paperGroup: '第一批',
      marking: DEFAULT_CONVENTION,
    });
    expect(refused).toMatchObject({
      code: 'invalid_input',
      reason: 'count.marking_group_differs',
      params: { contest: '代表', other: '党委委员', group: '第一批' },
    });
    // A contest with another convention cannot join the group…
    const c = await make('代表', null, DEFAULT_CONVENTION);
    expect((await e.failure('contests.update', { contestId: c.id, paperGroup: '第一批' })).reason).toBe(
      'count.marking_group_differs',
    );
    // …unless it joins with the group's convention.
    expect(
      (await e.call('contests.update', { contestId: c.id, paperGroup: '第一批', marking: REVERSED })).paperGroup,
    ).toBe('第一批');
    // Changing one contest's convention changes the whole group's.
    await e.call('contests.update', { contestId: a.id, marking: DEFAULT_CONVENTION });
    const list = await e.call('contests.list', { meetingId: e.meetingId });
    for (const x of list.filter((x) => x.paperGroup === '第一批')) expect(x.marking).toEqual(DEFAULT_CONVENTION);
  });
});

describe('migration 005: existing contests keep the convention they were counted with', () => {
  it('fills contests.marking from the congress setting, missing keys from the default', () => {
    const dir = tempDir();
    const upTo4 = path.join(dir, 'v4');
    fs.mkdirSync(upTo4);
    for (const m of loadMigrations().filter((m) => m.version <= 4)) fs.writeFileSync(path.join(upTo4, m.name), m.sql);
    const db = new Database(path.join(dir, 'old.congress'));
    try {
      migrate(db, { migrationsDir: upTo4 });
      expect(db.pragma('user_version', { simple: true })).toBe(4);
      // A file of an older version: its settings know only part of the convention.
      db.prepare("INSERT INTO meetings (id, name, date, position) VALUES (1, '选举大会', '2026-03-20', 1)").run();
      db.prepare(
        `INSERT INTO congress (id, name, date, venue, created_at, settings_json)
           VALUES (1, '青山镇', '2026-03-20', '礼堂', '2026-03-01T08:00:00.000Z', ?)`,
      ).run(JSON.stringify({ quorumAllowEqual: false, marking: { none: 'for', circle: 'abstain' } }));
      db.prepare(
        `INSERT INTO contests (meeting_id, title, kind, seats, margin_percent, double_entry, paper_group, position)
           VALUES (1, '预选', 'prevote', 3, 20, 0, NULL, 1)`,
      ).run();
      migrate(db);
      const stored = db.prepare('SELECT marking FROM contests').pluck().get() as string;
      expect(JSON.parse(stored)).toEqual(REVERSED);
      // The column refuses what no convention is.
      expect(() => db.prepare(`UPDATE contests SET marking = '{"circle":"yes"}'`).run()).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });
});
