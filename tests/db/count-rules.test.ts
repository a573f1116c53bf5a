/**
 * The count rules at the joints (issue 10, items 1 and 2), through the store: write-ins that do
 * not count, nobody elected twice, tie revotes, and a contest that always closes. The marking
 * convention per contest is in marking.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperMark } from '../../core/election-types.js';
import { normaliseName } from '../../core/names.js';
import { election } from './election-setup.js';
import { desk, rawDb } from './helpers.js';

/** A ballot with a disregarded write-in raises a warning; these tests acknowledge it. */
const seen = { ...desk, acknowledge: ['warning.write_in_disregarded'] };
const W = (name: string) => [{ name, mark: 'circle' as const }];

/** Enters each paper's marks as many times as said, in that order, into the round (the first unless told). */
async function enterPapers(
  e: Awaited<ReturnType<typeof election>>,
  papers: Record<string, number>,
  roundId = e.roundId,
) {
  for (const [marks, times] of Object.entries(papers)) {
    for (let i = 0; i < times; i++) await e.enter(marks, {}, roundId);
  }
}

function electedRows(path: string, contestId: number) {
  const db = rawDb(path);
  try {
    return db
      .prepare(
        `SELECT r.number, e.candidate_id AS candidateId, e.name FROM round_elected e
           JOIN rounds r ON r.id = e.round_id WHERE r.contest_id = ? ORDER BY r.number, e.rank`,
      )
      .all(contestId) as { number: number; candidateId: number | null; name: string }[];
  } finally {
    db.close();
  }
}

describe('a write-in naming a printed candidate is disregarded (rule 4)', () => {
  it('○田富 ○王芳 ×李强 + 田富 ○ for 2 seats: valid, chosen 2, 田富 counted once as printed, elected once', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    await e.open();
    const first = await e.call('ballots.enter', e.enterInput('oox', { writeIns: W('田富') }), seen);
    expect(first).toMatchObject({ valid: true, chosen: 2, writeInFates: ['disregarded_printed'] });
    for (let i = 0; i < 5; i++) await e.call('ballots.enter', e.enterInput('oox', { writeIns: W('田 富') }), seen);
    for (let i = 0; i < 4; i++) await e.enter('---');

    const { result, next } = await e.call('rounds.close', { roundId: e.roundId });
    expect(result.tally.candidates.map((c) => c.for)).toEqual([6, 6, 0]);
    expect(result.tally.writeIns).toEqual([]);
    expect(result.tally.disregardedWriteIns).toEqual([{ name: '田富', reason: 'printed', count: 6 }]);
    expect(result.decision.elected.map((r) => r.name)).toEqual(['田富', '王芳']);
    expect(next).toBeNull();
    const rows = electedRows(e.path, e.contest.id);
    expect(rows.map((r) => r.candidateId)).toEqual([e.candidates[0]!.id, e.candidates[1]!.id]);
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('closed');
    // The ballots list shows each line's fate too.
    const ballots = await e.call('ballots.list', { roundId: e.roundId });
    expect(ballots.filter((b) => b.writeInFates[0] === 'disregarded_printed')).toHaveLength(6);
    expect(ballots.every((b) => b.writeInFates.length === b.writeIns.length)).toBe(true);
  });

  it('the printed 田富 and a written-in 田 富 "tie" at the cut: one person, the round closes (never internal)', async () => {
    const e = await election({ voters: 10, seats: 1, candidates: ['田富', '王芳'] });
    await e.open();
    // Before the rule: 田富 6 printed and 田富 6 written tied at the cut, and the revote's
    // paper failed on UNIQUE (round_candidates).
    for (let i = 0; i < 6; i++) await e.call('ballots.enter', e.enterInput('ox', { writeIns: W('田\u3000富') }), seen);
    for (let i = 0; i < 4; i++) await e.enter('--');
    const { result, next } = await e.call('rounds.close', { roundId: e.roundId });
    expect(result.decision.elected.map((r) => r.name)).toEqual(['田富']);
    expect(result.decision.tie).toBeNull();
    expect(next).toBeNull();
  });

  it('a ballot corrected to name a printed candidate is stored with the new validity', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    await e.open();
    const b = await e.call('ballots.enter', e.enterInput('oox', { writeIns: W('赵六') }));
    expect(b).toMatchObject({ valid: false, chosen: 3, writeInFates: ['counts'] });
    const fixed = await e.call(
      'ballots.correct',
      { ballotId: b.id, marks: b.marks, writeIns: W('王芳'), reason: '姓名录错' },
      seen,
    );
    expect(fixed).toMatchObject({ valid: true, chosen: 2, writeInFates: ['disregarded_printed'] });
  });
});

describe('nobody is elected twice in a contest', () => {
  it('someone elected in round 1 written in again in 另行选举 is disregarded', async () => {
    const e = await election({ voters: 10, seats: 2, candidates: ['田富', '王芳', '李强'] });
    const [tian, wang, li] = e.candidates.map((c) => c.id) as [number, number, number];
    await e.open();
    await enterPapers(e, { 'o--': 6, '-o-': 4 });
    const first = await e.call('rounds.close', { roundId: e.roundId });
    expect(first.result.decision).toMatchObject({ unfilled: 1 });

    const round = await e.call('rounds.openAdditional', {
      contestId: e.contest.id,
      seats: 1,
      candidateIds: [wang, li],
    });
    await e.open(round.id);
    for (let i = 0; i < 6; i++) {
      const b = await e.call('ballots.enter', e.enterInput('xx', { writeIns: W(' 田富') }, round.id), seen);
      expect(b.writeInFates).toEqual(['disregarded_elected']);
    }
    for (let i = 0; i < 4; i++) await e.enter('o-', {}, round.id);
    const second = await e.call('rounds.close', { roundId: round.id });
    expect(second.result.tally.writeIns).toEqual([]);
    expect(second.result.tally.disregardedWriteIns).toEqual([{ name: '田富', reason: 'elected', count: 6 }]);
    expect(second.result.decision.elected).toEqual([]);
    expect(electedRows(e.path, e.contest.id).map((r) => r.candidateId)).toEqual([tian]);
  });
});

/** 甲 7, 乙 6, 丙 6 for 2 seats: 甲 elected, 乙 and 丙 tied for the last seat. */
async function tiedContest() {
  const e = await election({ voters: 10, seats: 2, candidates: ['甲', '乙', '丙'] });
  await e.open();
  await enterPapers(e, { 'oo-': 3, 'o-o': 3, '-oo': 3, 'o--': 1 });
  const { result, next } = await e.call('rounds.close', { roundId: e.roundId });
  expect(result.decision.elected.map((r) => r.name)).toEqual(['甲']);
  expect(next).toMatchObject({ kind: 'tie_revote', seats: 1 });
  expect(next!.candidateIds).toEqual([e.candidates[1]!.id, e.candidates[2]!.id]);
  await e.open(next!.id);
  return { e, revote: next!.id };
}

describe('tie revotes (rule 6)', () => {
  it('a write-in cannot win a tie revote: only the tied can be chosen', async () => {
    const { e, revote } = await tiedContest();
    for (let i = 0; i < 6; i++) {
      const b = await e.call('ballots.enter', e.enterInput('xx', { writeIns: W('代表5') }, revote), seen);
      expect(b).toMatchObject({ valid: true, chosen: 0, writeInFates: ['disregarded_tie_revote'] });
    }
    await enterPapers(e, { 'o-': 3, '-o': 1 }, revote);
    const { result } = await e.call('rounds.close', { roundId: revote });
    expect(result.tally.disregardedWriteIns).toEqual([{ name: '代表5', reason: 'tie_revote', count: 6 }]);
    expect(result.decision.elected.map((r) => r.name)).toEqual(['乙']);
    expect(electedRows(e.path, e.contest.id).map((r) => r.name)).toEqual(['甲', '乙']);
    expect((await e.call('contests.get', { contestId: e.contest.id })).contest.status).toBe('closed');
  });

  it('乙 4, 丙 3, 3 blank of 10: 乙 is elected without a second more-than-half test', async () => {
    const { e, revote } = await tiedContest();
    await enterPapers(e, { 'o-': 4, '-o': 3, '--': 3 }, revote);
    const { result, next } = await e.call('rounds.close', { roundId: revote });
    expect(result.decision).toMatchObject({ majorityTest: false, threshold: 0, unfilled: 0, tie: null });
    expect(result.decision.elected.map((r) => r.name)).toEqual(['乙']);
    expect(next).toBeNull();
  });

  it('a renewed tie opens another revote among those still tied', async () => {
    const { e, revote } = await tiedContest();
    await enterPapers(e, { 'o-': 4, '-o': 4, '--': 2 }, revote);
    const { result, next } = await e.call('rounds.close', { roundId: revote });
    expect(result.decision.elected).toEqual([]);
    expect(next).toMatchObject({ number: 3, kind: 'tie_revote', seats: 1 });
    expect(next!.candidateIds).toEqual([e.candidates[1]!.id, e.candidates[2]!.id]);
  });

  it('tieRevoteNeedsMajority: the same 4 : 3 leaves the seat unfilled', async () => {
    const { e, revote } = await tiedContest();
    const settings = await e.call('congress.updateSettings', { tieRevoteNeedsMajority: true });
    expect(settings.tieRevoteNeedsMajority).toBe(true);
    await enterPapers(e, { 'o-': 4, '-o': 3, '--': 3 }, revote);
    const { result } = await e.call('rounds.close', { roundId: revote });
    expect(result.decision).toMatchObject({ majorityTest: true, threshold: 6, unfilled: 1, elected: [] });
  });
});

describe('whatever the ballots, a contest closes round after round (另行选举 with write-ins) and elects nobody twice', () => {
  const ack = {
    ...desk,
    acknowledge: ['warning.write_in_disregarded', 'warning.additional_one_for_one', 'warning.margin_short'],
  };
  const line = fc.record({
    name: fc.constantFrom('田 富', '王芳', '李\u3000强', '代表1', '代表2', '\u3000代表1'),
    mark: fc.constantFrom<PaperMark>('circle', 'circle', 'none'),
  });
  // A paper ○s a few rows (by index into the round's paper) and × or leaves the rest, so that
  // votes gather on few people: elections, ties at the cut and 另行选举 all happen.
  const paperArb = fc.record({
    chosen: fc.array(fc.nat(3), { maxLength: 3 }),
    crossRest: fc.boolean(),
    writeIns: fc.array(line, { maxLength: 2 }),
  });
  const contestArb = fc.record({
    seats: fc.integer({ min: 1, max: 3 }),
    // Each round: a few stacks of identical papers (how a hall votes), 5 papers in all.
    rounds: fc.array(
      fc.array(fc.tuple(paperArb, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 }).map((stacks) => {
        const papers = stacks.flatMap(([p, n]) => Array.from({ length: n }, () => p)).slice(0, 5);
        while (papers.length < 5) papers.push({ chosen: [], crossRest: false, writeIns: [] });
        return papers;
      }),
      { minLength: 3, maxLength: 3 },
    ),
  });

  it('property: rounds.close never fails; round_elected holds each person once', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(contestArb, async ({ seats, rounds }) => {
        const e = await election({ voters: 5, seats, candidates: ['田富', '王芳', '李强'] });
        let roundId: number | null = e.roundId;
        for (const papers of rounds) {
          if (roundId === null) break;
          const current: number = roundId;
          await e.open(current);
          const { round } = await e.call('contests.get', { contestId: e.contest.id }).then((g) => ({
            round: g.rounds.find((r) => r.id === current)!,
          }));
          for (const p of papers) {
            await e.call(
              'ballots.enter',
              {
                ...e.enterInput('', {}, current),
                marks: round.candidateIds.map(
                  (_, k): PaperMark => (p.chosen.includes(k) ? 'circle' : p.crossRest ? 'cross' : 'none'),
                ),
                writeIns: p.writeIns,
              },
              ack,
            );
          }
          const closed = await e.call('rounds.close', { roundId: current }, ack);
          roundId = closed.next?.id ?? null;
          if (roundId === null && closed.result.decision.unfilled > 0) {
            const got = await e.call('contests.get', { contestId: e.contest.id });
            const elected = new Set(electedRows(e.path, e.contest.id).map((r) => r.candidateId));
            const open = got.candidates.filter((c) => !elected.has(c.id)).map((c) => c.id);
            if (open.length === 0) break;
            // The seats still open as the close decided them: write-ins elected have no candidate id,
            // so counting ids would count two of them as one.
            const unfilled = closed.result.decision.unfilled;
            const next = await e.call(
              'rounds.openAdditional',
              { contestId: e.contest.id, seats: Math.min(unfilled, open.length), candidateIds: open },
              ack,
            );
            roundId = next.id;
          }
        }
        const rows = electedRows(e.path, e.contest.id);
        const who = rows.map((r) => normaliseName(r.name));
        expect(new Set(who).size).toBe(who.length);
        const ids = rows.map((r) => r.candidateId).filter((id) => id !== null);
        expect(new Set(ids).size).toBe(ids.length);
        expect(rows.length).toBeLessThanOrEqual(seats);
        await e.call('congress.close', {});
      }),
      { numRuns: 12 },
    );
  });
});
