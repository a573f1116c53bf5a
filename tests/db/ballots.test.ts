import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../core/ballot.js';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { tallyRound } from '../../core/tally.js';
import { election, paper } from './election-setup.js';
import { desk, dumpTables, rawDb } from './helpers.js';

const lastAudit = async (e: Awaited<ReturnType<typeof election>>) => {
  const [row] = await e.call('audit.list', { limit: 1, beforeId: null });
  return { action: row!.action, payload: JSON.parse(row!.payload) };
};

describe('entering ballots', () => {
  it('stores validity by rule 4: an invalid ballot is kept and counted as invalid, never refused', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    expect(await e.enter('oo--')).toMatchObject({
      state: 'counted',
      valid: true,
      chosen: 2,
      seq: 1,
      enteredBy: '李明',
    });
    expect(await e.enter('ooo-')).toMatchObject({ state: 'counted', valid: false, chosen: 3, seq: 2 });
    // A write-in marked for counts toward those chosen.
    const w = await e.enter('oxx-', {
      writeIns: [
        { name: '代表1', mark: 'circle' },
        { name: '代表2', mark: 'circle' },
      ],
    });
    expect(w).toMatchObject({ valid: false, chosen: 3 });
    const tally = (await e.call('rounds.result', { roundId: e.roundId })).tally;
    expect(tally).toMatchObject({ counted: 3, valid: 1, invalid: 2 });
    expect(tally.candidates[0]!.for).toBe(1);
  });

  it('every ballot write announces the round and its contest', async () => {
    const e = await election();
    await e.open();
    e.events.length = 0;
    await e.enter('o---');
    expect(e.events).toEqual([{ topic: 'ballots', roundId: e.roundId, contestId: e.contest.id }, { topic: 'audit' }]);
  });

  it('a ballot must carry one mark per candidate of the round; the error names both counts', async () => {
    const e = await election();
    await e.open();
    const before = dumpTables(e.path);
    const error = await e.failure('ballots.enter', e.enterInput('oo'));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'marks', value: '2' });
    expect(error).toMatchObject({ reason: 'ballot.marks_count', params: { expected: 4, given: 2 } });
    expect(dumpTables(e.path)).toEqual(before);
  });

  it('refuses more ballots than were collected, and changes nothing doing so', async () => {
    const e = await election({ voters: 10 });
    await e.distribute(10);
    expect((await e.failure('ballots.enter', e.enterInput('o---'))).reason).toBe('round.not_collected');
    await e.collect(3);
    const first = await e.enter('o---');
    await e.enter('o---', { setAside: true });
    await e.enter('----');
    const before = dumpTables(e.path);
    const error = await e.failure('ballots.enter', e.enterInput('o---'));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error).toMatchObject({ reason: 'ballot.all_entered', params: { collected: 3, entered: 3 } });
    expect(dumpTables(e.path)).toEqual(before);
    // A voided ballot no longer counts toward those entered.
    await e.call('ballots.void', { ballotId: first.id, reason: '误录:同一张选票录了两次' });
    expect(await e.enter('-o--')).toMatchObject({ seq: 4 });
  });
});

describe('the marking convention', () => {
  it("the congress setting is a default for new contests: changing it re-reads no contest's ballots", async () => {
    const e = await election({ seats: 2 });
    const reversed = { ...DEFAULT_CONVENTION, none: 'for' as const };
    await e.open();
    const entered = await e.enter('oo--');
    expect(entered).toMatchObject({ valid: true, chosen: 2 });
    // After the first ballot, the default may still change (a pre-vote to come uses another).
    expect(await e.call('congress.updateSettings', { marking: reversed })).toMatchObject({ marking: reversed });
    const got = await e.call('contests.get', { contestId: e.contest.id });
    expect(got.contest.marking).toEqual(DEFAULT_CONVENTION);
    const [stored] = await e.call('ballots.list', { roundId: e.roundId });
    expect(stored).toMatchObject({ valid: true, chosen: 2 });
    const result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.tally).toMatchObject({ valid: 1, invalid: 0 });
    expect(result.tally.candidates.map((c) => c.for)).toEqual([1, 1, 0, 0]);
  });
});

describe('corrections, voids and decisions', () => {
  it('a correction adds a version that replaces the old one; both stay, and the audit row holds both', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const old = await e.enter('oo--');
    expect(
      (await e.failure('ballots.correct', { ballotId: old.id, marks: paper('o-o-'), writeIns: [], reason: ' ' })).code,
    ).toBe('invalid_input');
    const fixed = await e.call('ballots.correct', {
      ballotId: old.id,
      marks: paper('o-o-'),
      writeIns: [],
      reason: '计票人复核:第二名应为第三名',
    });
    expect(fixed).toMatchObject({
      replaces: old.id,
      state: 'counted',
      valid: true,
      seq: 2,
      reason: '计票人复核:第二名应为第三名',
    });
    const list = await e.call('ballots.list', { roundId: e.roundId });
    expect(list.map((b) => [b.id, b.state])).toEqual([
      [old.id, 'superseded'],
      [fixed.id, 'counted'],
    ]);
    const audit = await lastAudit(e);
    expect(audit.action).toBe('ballots.correct');
    expect(audit.payload.before).toMatchObject({ id: old.id, marks: paper('oo--'), state: 'counted' });
    expect(audit.payload.after).toMatchObject({ id: fixed.id, marks: paper('o-o-') });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.candidates.map((c) => c.for)).toEqual([
      1, 0, 1, 0,
    ]);
    // Only the current version can be changed.
    const again = await e.failure('ballots.correct', {
      ballotId: old.id,
      marks: paper('----'),
      writeIns: [],
      reason: '再改',
    });
    expect(again).toMatchObject({ code: 'conflict', field: 'ballotId' });
  });

  it('a void keeps the ballot with its reason and takes it out of the tally', async () => {
    const e = await election();
    await e.open();
    const b = await e.enter('o---');
    const voided = await e.call('ballots.void', { ballotId: b.id, reason: '重复录入' });
    expect(voided).toMatchObject({ id: b.id, state: 'voided', reason: '重复录入', marks: paper('o---') });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.counted).toBe(0);
    const audit = await lastAudit(e);
    expect(audit.payload).toMatchObject({
      reason: '重复录入',
      before: { state: 'counted' },
      after: { state: 'voided' },
    });
    // The store itself refuses to delete or rewrite a ballot.
    const db = rawDb(e.path);
    expect(() => db.prepare('DELETE FROM ballots').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE ballots SET marks = '[]'").run()).toThrow(/cannot be changed/);
    db.close();
  });

  it('only a set-aside ballot is decided, once, and the decision records who made it', async () => {
    const e = await election({ seats: 2 });
    await e.open();
    const counted = await e.enter('o---');
    const aside = await e.enter('ooo-', { setAside: true });
    expect((await e.failure('ballots.decide', { ballotId: counted.id, verdict: 'invalid', note: null })).code).toBe(
      'conflict',
    );
    const decided = await e.call(
      'ballots.decide',
      { ballotId: aside.id, verdict: 'invalid', note: '无法辨认' },
      { operator: '总监票人', station: '计票室' },
    );
    expect(decided).toMatchObject({
      state: 'set_aside',
      valid: false,
      decision: { verdict: 'invalid', by: '总监票人', note: '无法辨认' },
    });
    expect(
      (await e.failure('ballots.decide', { ballotId: aside.id, verdict: 'as_entered', note: null })).message,
    ).toContain('总监票人');
    const tally = (await e.call('rounds.result', { roundId: e.roundId })).tally;
    expect(tally).toMatchObject({ counted: 2, valid: 1, invalid: 1, pendingSetAside: 0 });
  });

  it('nothing changes once the round is closed', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.distribute(10);
    await e.collect(1);
    const b = await e.enter('oo--');
    await e.call('rounds.close', { roundId: e.roundId });
    const before = dumpTables(e.path);
    expect((await e.failure('ballots.void', { ballotId: b.id, reason: '迟到的更正' })).reason).toBe('round.closed');
    expect(
      (await e.failure('ballots.correct', { ballotId: b.id, marks: paper('----'), writeIns: [], reason: '迟到' })).code,
    ).toBe('conflict');
    expect(dumpTables(e.path)).toEqual(before);
  });
});

describe('the live tally', () => {
  it('after entries, corrections, voids and decisions, equals core’s recount of the live ballots', async () => {
    const e = await election({ voters: 30, seats: 2 });
    await e.open();
    const w = (name: string) => ({ writeIns: [{ name, mark: 'circle' as const }] });
    const recount = async () => {
      const live = (await e.call('ballots.list', { roundId: e.roundId })).filter(
        (b) => b.state === 'counted' || b.state === 'set_aside',
      );
      return tallyRound(
        4,
        live.map((b) => ({
          marks: { marks: b.marks, writeIns: b.writeIns },
          status:
            b.state === 'counted' || b.decision?.verdict === 'as_entered'
              ? 'counted'
              : b.decision?.verdict === 'invalid'
                ? 'invalid_by_decision'
                : 'pending',
        })),
        2,
        DEFAULT_CONVENTION,
      );
    };
    const entered = [];
    const script = ['oo--', 'ox--', 'xo--', '-oo-', 'ooo-', '----', 'x-o-', 'oxx-'];
    for (const [i, m] of script.entries()) {
      entered.push(await e.enter(m, m.includes('x') ? w(i % 2 === 0 ? '代表1' : '代表2') : {}));
      expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    }
    const aside = await e.enter('oo--', { setAside: true, ...w('代表3') });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    await e.call('ballots.void', { ballotId: entered[1]!.id, reason: '重复' });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    await e.call('ballots.correct', { ballotId: entered[2]!.id, marks: paper('x-x-'), ...w('代表1'), reason: '看错' });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    await e.call('ballots.decide', { ballotId: aside.id, verdict: 'invalid', note: null });
    const final = (await e.call('rounds.result', { roundId: e.roundId })).tally;
    expect(final).toEqual(await recount());
    expect(final.writeIns.map((x) => x.name)).toEqual(['代表1', '代表2']);
  });
  it('with write-ins naming printed candidates, the live tally still equals core’s recount with the round’s context', async () => {
    const e = await election({ voters: 30, seats: 2 });
    await e.open();
    const seen = { ...desk, acknowledge: ['warning.write_in_disregarded'] };
    const paperNames = writeInContext({ printed: e.candidates.map((c) => c.name) });
    const recount = async () => {
      const live = (await e.call('ballots.list', { roundId: e.roundId })).filter((b) => b.state === 'counted');
      return tallyRound(
        4,
        live.map((b) => ({ marks: { marks: b.marks, writeIns: b.writeIns }, status: 'counted' as const })),
        2,
        DEFAULT_CONVENTION,
        paperNames,
      );
    };
    const w = (...names: string[]) => ({ writeIns: names.map((name) => ({ name, mark: 'circle' as const })) });
    const entered = [];
    const script: [string, string[]][] = [
      ['ox--', ['田 富']],
      ['ox--', ['王芳', '代表1']],
      // A zero-width space is refused at entry (tests/db/text-safety.test.ts); an ideographic space is layout.
      ['xx--', ['代表1', '田\u3000大利']],
      ['oo-x', ['李强']],
      ['x---', ['代表2']],
    ];
    for (const [m, names] of script) {
      entered.push(await e.call('ballots.enter', e.enterInput(m, w(...names)), seen));
      expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    }
    await e.call('ballots.void', { ballotId: entered[0]!.id, reason: '重复' });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally).toEqual(await recount());
    await e.call(
      'ballots.correct',
      { ballotId: entered[4]!.id, marks: paper('x---'), ...w('田富'), reason: '看错' },
      seen,
    );
    const final = (await e.call('rounds.result', { roundId: e.roundId })).tally;
    expect(final).toEqual(await recount());
    expect(final.writeIns).toEqual([{ name: '代表1', for: 2 }]);
    expect(final.disregardedWriteIns).toEqual([
      { name: '李强', reason: 'printed', count: 1 },
      { name: '王芳', reason: 'printed', count: 1 },
      { name: '田大利', reason: 'printed', count: 1 },
      { name: '田富', reason: 'printed', count: 1 },
    ]);
  });
});
