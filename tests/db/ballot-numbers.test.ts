/**
 * Issue 15 item 7: a paper's number is its place in the stack (1…n in entry order of the live
 * papers), and a correction is a new version of the same number, not paper n + 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ballot } from '../../core/model/index.js';
import { findBallot, listBallots } from '../../db/count/ballot-rows.js';
import { election } from './election-setup.js';
import { rawDb } from './helpers.js';

const numbering = (ballots: Ballot[]) => ballots.map((b) => [b.seq, b.no, b.version, b.state]);

describe('paper numbers', () => {
  it('enter 10 of 10 collected, correct paper 7: still 10 papers, the correction is paper 7 corrected once', async () => {
    const e = await election({ voters: 10 });
    await e.open();
    const entered: Ballot[] = [];
    for (let i = 0; i < 10; i++) entered.push(await e.enter(i === 6 ? 'ooo-' : 'oo--'));
    expect(entered.map((b) => [b.no, b.version])).toEqual(entered.map((_, i) => [i + 1, 0]));

    const corrected = await e.call('ballots.correct', {
      ballotId: entered[6]!.id,
      marks: entered[0]!.marks,
      writeIns: [],
      reason: '第7张录成了三个○',
    });
    // Stored as the 11th record, shown as paper 7 once corrected.
    expect(corrected).toMatchObject({ seq: 11, no: 7, version: 1, replaces: entered[6]!.id });
    const list = await e.call('ballots.list', { roundId: e.roundId });
    const live = list.filter((b) => b.state === 'counted');
    expect(live.map((b) => b.no).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(list.find((b) => b.id === entered[6]!.id)).toMatchObject({ state: 'superseded', no: 7, version: 0 });

    // A refusal names the paper by its number, not by the record's seq.
    const stale = await e.failure('ballots.correct', {
      ballotId: entered[6]!.id,
      marks: entered[0]!.marks,
      writeIns: [],
      reason: '另一台电脑上同时更正',
    });
    expect(stale).toMatchObject({ reason: 'ballot.corrected', params: { no: 7 } });
    const same = await e.failure('ballots.correct', {
      ballotId: corrected.id,
      marks: corrected.marks,
      writeIns: [],
      reason: '重复更正',
    });
    expect(same).toMatchObject({ reason: 'ballot.correction_same', params: { no: 7 } });

    // Corrected again: the same number, the second correction.
    const again = await e.call('ballots.correct', {
      ballotId: corrected.id,
      marks: entered[6]!.marks,
      writeIns: [],
      reason: '核对原票,确为三个○',
    });
    expect(again).toMatchObject({ seq: 12, no: 7, version: 2 });
  });

  it('a voided paper leaves the stack: those after it move up one, and the next paper entered takes the last place', async () => {
    const e = await election({ voters: 5 });
    await e.open();
    const b = [];
    for (let i = 0; i < 4; i++) b.push(await e.enter('oo--'));
    const voided = await e.call('ballots.void', { ballotId: b[1]!.id, reason: '同一张选票录了两次' });
    expect(voided).toMatchObject({ state: 'voided', no: null });
    const list = await e.call('ballots.list', { roundId: e.roundId });
    expect(numbering(list)).toEqual([
      [1, 1, 0, 'counted'],
      [2, null, 0, 'voided'],
      [3, 2, 0, 'counted'],
      [4, 3, 0, 'counted'],
    ]);
    expect(await e.enter('o---')).toMatchObject({ seq: 5, no: 4, version: 0 });
  });

  it('in double entry a paper is numbered by its place in the stack keying, kept by a correction', async () => {
    const e = await election({ voters: 6, doubleEntry: true });
    await e.open();
    const first = await e.enter('oo--', { stack: 1, entry: 1 });
    await e.enter('oo--', { stack: 1, entry: 1 });
    const second = await e.enter('oo--', { stack: 1, entry: 2 });
    expect(second).toMatchObject({ seq: 3, no: 1, stackPosition: 1 });
    const corrected = await e.call('ballots.correct', {
      ballotId: first.id,
      marks: second.marks.map(() => 'none' as const),
      writeIns: [],
      reason: '第1叠第1张看错',
    });
    expect(corrected).toMatchObject({ no: 1, version: 1, stackPosition: 1 });
  });

  it('any run of entries, corrections and voids: the live papers are 1…n in entry order, each version keeps its number, one ballot read alone reads as in the list', async () => {
    type Step = { kind: 'enter' } | { kind: 'correct' | 'void'; pick: number };
    const step = fc.oneof(
      fc.constant<Step>({ kind: 'enter' }),
      fc.record({ kind: fc.constantFrom('correct' as const, 'void' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const e = await election({ voters: 30 });
        await e.open();
        // The model: papers in the stack, each the chain of its versions' ids.
        const stack: number[][] = [];
        const gone = new Set<number>();
        let flip = false;
        for (const s of steps) {
          const live = stack.filter((chain) => !gone.has(chain.at(-1)!));
          if (s.kind === 'enter' || live.length === 0) {
            stack.push([(await e.enter('oo--')).id]);
            continue;
          }
          const chain = live[s.pick % live.length]!;
          const head = chain.at(-1)!;
          if (s.kind === 'void') {
            await e.call('ballots.void', { ballotId: head, reason: '误录' });
            gone.add(head);
          } else {
            flip = !flip;
            const marks = flip ? e.enterInput('-o--').marks : e.enterInput('--o-').marks;
            const before = (await e.call('ballots.list', { roundId: e.roundId })).find((b) => b.id === head)!;
            const sameAsBefore = JSON.stringify(before.marks) === JSON.stringify(marks);
            const after = await e.call('ballots.correct', {
              ballotId: head,
              marks: sameAsBefore ? e.enterInput('---o').marks : marks,
              writeIns: [],
              reason: '看错',
            });
            chain.push(after.id);
          }
        }
        const expected = new Map<number, { no: number | null; version: number }>();
        let place = 0;
        for (const chain of stack) {
          const no = gone.has(chain.at(-1)!) ? null : ++place;
          for (const [version, id] of chain.entries()) expected.set(id, { no, version });
        }
        const list = await e.call('ballots.list', { roundId: e.roundId });
        expect(list.map((b) => [b.id, b.no, b.version])).toEqual(
          list.map((b) => [b.id, expected.get(b.id)!.no, expected.get(b.id)!.version]),
        );
        const db = rawDb(e.path);
        try {
          for (const b of listBallots(db, e.roundId)) expect(findBallot(db, b.id)).toEqual(b);
        } finally {
          db.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
