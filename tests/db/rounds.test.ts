import { describe, expect, it } from 'vitest';
import { election } from './election-setup.js';
import { dumpTables } from './helpers.js';

const scrutineer = { operator: '总监票人张华', station: '计票室' };

describe('distribution', () => {
  it('no voting while the quorum fails (rule 1): exactly four fifths present is refused', async () => {
    const e = await election({ voters: 10, present: 8 });
    const before = dumpTables(e.path);
    const error = await e.failure('rounds.distribute', {
      roundId: e.roundId,
      ballotsPrinted: 12,
      issued: 8,
      spareVoided: 4,
    });
    expect(error).toMatchObject({ code: 'conflict', field: 'meetingId' });
    expect(error).toMatchObject({ reason: 'round.quorum_not_met', params: { due: 10, present: 8 } });
    expect(dumpTables(e.path)).toEqual(before);

    await e.call('attendance.checkInByBadge', { meetingId: e.meetingId, badge: '009' });
    const round = await e.distribute(9);
    // 列席 and 候补 are checked in too, and never counted.
    expect(round).toMatchObject({ status: 'voting', votersPresent: 9, due: 10, issued: 9, spareVoided: 5 });
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('voting');
    expect(e.events).toContainEqual({ topic: 'contests', contestId: e.contest.id });
  });

  it('ballots printed must cover those issued and voided; issued may differ from voters present', async () => {
    const e = await election({ voters: 10 });
    const error = await e.failure('rounds.distribute', {
      roundId: e.roundId,
      ballotsPrinted: 10,
      issued: 9,
      spareVoided: 2,
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'ballotsPrinted', value: '10' });
    const round = await e.call('rounds.distribute', {
      roundId: e.roundId,
      ballotsPrinted: 12,
      issued: 9,
      spareVoided: 2,
    });
    expect(round).toMatchObject({ votersPresent: 10, issued: 9 });
    expect(
      (await e.failure('rounds.distribute', { roundId: e.roundId, ballotsPrinted: 12, issued: 9, spareVoided: 2 }))
        .code,
    ).toBe('conflict');
  });

  it('more ballots collected than issued voids the round and opens a rerun with the same candidates (rule 2)', async () => {
    const e = await election({ voters: 10 });
    await e.distribute(10);
    const { round, rerun } = await e.collect(11);
    expect(round).toMatchObject({ status: 'void', collected: 11, issued: 10 });
    expect(rerun).toMatchObject({
      number: 2,
      kind: 'rerun',
      status: 'setup',
      seats: round.seats,
      candidateIds: round.candidateIds,
    });
    const refused = await e.failure('ballots.enter', e.enterInput('o---'));
    expect(refused.reason).toBe('round.void');
    expect((await e.failure('rounds.close', { roundId: e.roundId })).code).toBe('conflict');

    await e.open(rerun!.id);
    const ballot = await e.enter('o---', {}, rerun!.id);
    expect(ballot.roundId).toBe(rerun!.id);
  });

  it('collected ≤ issued is recorded; it cannot fall below the ballots already entered', async () => {
    const e = await election({ voters: 10 });
    await e.distribute(10);
    expect((await e.collect(9)).rerun).toBeNull();
    await e.enter('o---');
    await e.enter('o---');
    expect(await e.failure('rounds.collect', { roundId: e.roundId, collected: 1 })).toMatchObject({
      code: 'invalid_input',
      field: 'collected',
    });
  });
});

describe('a full contest', () => {
  it('approve → distribute → collect → enter → decide → result → close, with the structure of those elected', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.open();
    for (let i = 0; i < 6; i++) await e.enter('oo--');
    const invalid = await e.enter('ooo-');
    expect(invalid).toMatchObject({ state: 'counted', valid: false, chosen: 3 });
    const withWriteIn = await e.enter('ox--', { writeIns: [{ name: '代表1', mark: 'circle' }] });
    expect(withWriteIn).toMatchObject({ valid: true, chosen: 2 });
    expect(await e.enter('----')).toMatchObject({ valid: true, chosen: 0 });
    const setAside = await e.enter('o---', { setAside: true });
    expect(setAside).toMatchObject({ state: 'set_aside', valid: null, decision: null });

    let result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.provisional).toEqual(['not_closed', 'set_aside_pending']);
    expect(result.tally).toMatchObject({ counted: 9, valid: 8, invalid: 1, pendingSetAside: 1 });
    const blocked = await e.failure('rounds.close', { roundId: e.roundId }, scrutineer);
    expect(blocked.reason).toBe('round.close_blocked');
    expect(blocked.details?.map((d) => d.reason)).toEqual(['round.set_aside_pending']);

    const decided = await e.call(
      'ballots.decide',
      { ballotId: setAside.id, verdict: 'as_entered', note: '圈画不规范,意思明确' },
      scrutineer,
    );
    expect(decided.decision).toMatchObject({ verdict: 'as_entered', by: '总监票人张华', note: '圈画不规范,意思明确' });
    expect(decided.valid).toBe(true);

    result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.provisional).toEqual(['not_closed']);
    expect(result.tally.candidates.map((c) => c.for)).toEqual([8, 6, 0, 0]);
    expect(result.tally.writeIns).toEqual([{ name: '代表1', for: 1 }]);
    expect(result.decision).toMatchObject({ basis: 10, basisKind: 'present', threshold: 6, tie: null, unfilled: 0 });
    expect(result.decision.elected.map((r) => [r.name, r.votes])).toEqual([
      ['田富', 8],
      ['田大利', 6],
    ]);
    // 田富: a woman of the 回族 born 1995-06, under 35 on 2026-03-20.
    expect(result.structure).toMatchObject({ total: 2, women: 1, under35: 1, minority: 1 });

    const closed = await e.call('rounds.close', { roundId: e.roundId }, scrutineer);
    expect(closed.next).toBeNull();
    expect(closed.result.round).toMatchObject({ status: 'closed', closedBy: '总监票人张华' });
    expect(closed.result.provisional).toEqual([]);
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('closed');
    expect((await e.failure('ballots.enter', e.enterInput('o---'))).code).toBe('conflict');
  });

  it('closing is refused while ballots are missing, and says how many', async () => {
    const e = await election({ voters: 10 });
    await e.open();
    await e.enter('oo--');
    const before = dumpTables(e.path);
    const error = await e.failure('rounds.close', { roundId: e.roundId });
    expect(error.reason).toBe('round.close_blocked');
    expect(error.params).toMatchObject({ entered: 1, collected: 10 });
    expect(error.details?.map((d) => d.reason)).toEqual(['round.ballots_missing']);
    expect(dumpTables(e.path)).toEqual(before);
  });
});

describe('later rounds', () => {
  it('a tie at the cut opens a revote among the tied, a written-in name becoming a candidate (rule 6)', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳'] });
    await e.open();
    const x = [{ name: '代表3', mark: 'circle' as const }];
    for (let i = 0; i < 3; i++) await e.enter('oo');
    for (let i = 0; i < 3; i++) await e.enter('ox', { writeIns: x });
    for (let i = 0; i < 3; i++) await e.enter('xo', { writeIns: x });
    await e.enter('o-');
    const { result, next } = await e.call('rounds.close', { roundId: e.roundId });
    expect(result.decision.elected.map((r) => r.name)).toEqual(['田富']);
    expect(result.decision.tie).toMatchObject({ seats: 1 });
    expect(next).toMatchObject({ number: 2, kind: 'tie_revote', status: 'setup', seats: 1 });
    const got = await e.call('contests.get', { contestId: e.contest.id });
    const written = got.candidates.find((c) => c.name === '代表3')!;
    expect(written).toMatchObject({ fromWriteIn: true, delegateId: e.ids.get('003') });
    expect(next!.candidateIds).toEqual([e.candidates[1]!.id, written.id]);
    expect(got.contest.status).toBe('voting');

    await e.open(next!.id);
    for (let i = 0; i < 6; i++) await e.enter('-o', {}, next!.id);
    for (let i = 0; i < 4; i++) await e.enter('--', {}, next!.id);
    const revote = await e.call('rounds.close', { roundId: next!.id });
    expect(revote.result.decision.elected.map((r) => r.name)).toEqual(['代表3']);
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('closed');
  });

  it('unfilled seats go to 另行选举 among those not elected, for at most the missing seats (rule 7)', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const [a, b, , d] = e.candidates.map((c) => c.id) as [number, number, number, number];
    await e.open();
    for (let i = 0; i < 6; i++) await e.enter('o---');
    for (let i = 0; i < 4; i++) await e.enter('-o--');
    const closed = await e.call('rounds.close', { roundId: e.roundId });
    expect(closed.result.decision.unfilled).toBe(1);
    expect(closed.next).toBeNull();
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('voting');

    const elected = await e.failure('rounds.openAdditional', {
      contestId: e.contest.id,
      seats: 1,
      candidateIds: [a, b],
    });
    expect(elected).toMatchObject({ field: 'candidateIds', value: String(a) });
    expect(
      await e.failure('rounds.openAdditional', { contestId: e.contest.id, seats: 2, candidateIds: [b, d] }),
    ).toMatchObject({
      field: 'seats',
    });
    const round = await e.call('rounds.openAdditional', { contestId: e.contest.id, seats: 1, candidateIds: [d, b] });
    expect(round).toMatchObject({ number: 2, kind: 'additional', seats: 1, status: 'setup', candidateIds: [b, d] });
    expect(
      (await e.failure('rounds.openAdditional', { contestId: e.contest.id, seats: 1, candidateIds: [b] })).code,
    ).toBe('conflict');

    await e.open(round.id);
    for (let i = 0; i < 6; i++) await e.enter('o-', {}, round.id);
    for (let i = 0; i < 4; i++) await e.enter('--', {}, round.id);
    await e.call('rounds.close', { roundId: round.id });
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('closed');
  });

  it('the presidium may reduce the seats instead, never below those elected', async () => {
    const e = await election({ voters: 10, seats: 2 });
    await e.open();
    for (let i = 0; i < 6; i++) await e.enter('o---');
    for (let i = 0; i < 4; i++) await e.enter('-o--');
    expect((await e.failure('contests.reduceSeats', { contestId: e.contest.id, seats: 1, note: '' })).code).toBe(
      'invalid_input',
    );
    await e.call('rounds.close', { roundId: e.roundId });
    expect(
      await e.failure('contests.reduceSeats', { contestId: e.contest.id, seats: 0, note: '主席团决定' }),
    ).toMatchObject({
      code: 'invalid_input',
      field: 'seats',
    });
    expect(
      (await e.failure('contests.reduceSeats', { contestId: e.contest.id, seats: 2, note: '主席团决定' })).field,
    ).toBe('seats');
    const reduced = await e.call('contests.reduceSeats', {
      contestId: e.contest.id,
      seats: 1,
      note: '主席团决定减少一名',
    });
    expect(reduced).toMatchObject({
      status: 'closed',
      seats: 2,
      seatsReducedTo: 1,
      seatsReducedNote: '主席团决定减少一名',
    });
    expect(
      (
        await e.failure('rounds.openAdditional', {
          contestId: e.contest.id,
          seats: 1,
          candidateIds: [e.candidates[1]!.id],
        })
      ).code,
    ).toBe('conflict');
  });

  it('a pre-vote counts more than half of those due to attend (rule 5)', async () => {
    const e = await election({ voters: 10, present: 9, seats: 1, kind: 'prevote', candidates: ['田富', '王芳'] });
    await e.open();
    for (let i = 0; i < 5; i++) await e.enter('o-');
    const result = await e.call('rounds.result', { roundId: e.roundId });
    // 5 of 9 present is more than half of those present, but not of the 10 due.
    expect(result.decision).toMatchObject({ basis: 10, basisKind: 'due', elected: [] });
  });
});

describe('the round state machine in the handlers (core/round-state.ts)', () => {
  it('each call refuses a round in the wrong state with the reason code, naming contest and round, and writes nothing', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const before = dumpTables(e.path);
    expect(await e.failure('rounds.collect', { roundId: e.roundId, collected: 10 })).toMatchObject({
      code: 'conflict',
      reason: 'round.not_distributed',
      params: { contest: '党委委员', round: 1 },
      field: 'roundId',
    });
    expect(await e.failure('ballots.enter', e.enterInput('o---'))).toMatchObject({ reason: 'round.not_distributed' });
    expect(dumpTables(e.path)).toEqual(before);

    await e.distribute();
    expect(
      await e.failure('rounds.distribute', { roundId: e.roundId, ballotsPrinted: 15, issued: 10, spareVoided: 5 }),
    ).toMatchObject({
      reason: 'round.already_distributed',
    });
    expect(await e.failure('ballots.enter', e.enterInput('o---'))).toMatchObject({ reason: 'round.not_collected' });
    expect(await e.failure('rounds.close', { roundId: e.roundId }, scrutineer)).toMatchObject({
      reason: 'round.not_collected',
    });
    expect(
      await e.failure('candidates.approveOrder', {
        contestId: e.contest.id,
        candidateIds: e.candidates.map((c) => c.id),
      }),
    ).toMatchObject({ reason: 'round.paper_locked', field: 'candidateIds' });

    // Collected equal to issued keeps it voting; one more voids it (rule 2).
    expect((await e.collect(10)).round.status).toBe('voting');
    const { round, rerun } = await e.collect(11);
    expect(round.status).toBe('void');
    expect(rerun).toMatchObject({ kind: 'rerun', status: 'setup' });
    expect(await e.failure('rounds.collect', { roundId: e.roundId, collected: 10 })).toMatchObject({
      reason: 'round.void',
    });
  });

  it('a round without its paper order cannot be distributed', async () => {
    const e = await election({ voters: 10, seats: 2, approve: false });
    expect(
      await e.failure('rounds.distribute', { roundId: e.roundId, ballotsPrinted: 15, issued: 10, spareVoided: 5 }),
    ).toMatchObject({
      reason: 'round.no_paper_order',
      field: 'candidateIds',
    });
  });
});
