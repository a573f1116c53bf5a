import { describe, expect, it } from 'vitest';
import { election, paper } from './election-setup.js';
import { dumpTables } from './helpers.js';

describe('double entry', () => {
  it('each stack keyed twice; a difference is settled by keeping one version; the tally counts the first keying', async () => {
    const e = await election({ voters: 10, seats: 2, doubleEntry: true });
    await e.distribute(10);
    await e.collect(4);
    expect(await e.failure('ballots.enter', e.enterInput('oo--'))).toMatchObject({ field: 'stack' });
    expect(await e.failure('ballots.enter', e.enterInput('oo--', { stack: 1 }))).toMatchObject({ field: 'entry' });

    const first = ['oo--', 'o---', '-o--', 'oo--'];
    const second = ['oo--', 'o---', '--o-', 'oo--'];
    for (const m of first) await e.enter(m, { stack: 1, entry: 1 });
    const keyed = [];
    for (const m of second) keyed.push(await e.enter(m, { stack: 1, entry: 2 }, e.roundId));
    expect(keyed.map((b) => [b.stack, b.entry, b.stackPosition])).toEqual([
      [1, 2, 1],
      [1, 2, 2],
      [1, 2, 3],
      [1, 2, 4],
    ]);
    // Collected 4: each keying holds at most 4.
    expect((await e.failure('ballots.enter', e.enterInput('----', { stack: 2, entry: 1 }))).message).toContain(
      '第 1 次录入',
    );

    expect(await e.call('stacks.list', { roundId: e.roundId })).toEqual([
      { stack: 1, first: 4, second: 4, differences: 1, reconciled: false },
    ]);
    const compared = await e.call('stacks.compare', { roundId: e.roundId, stack: 1 });
    expect(compared.map((p) => [p.position, p.same])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, true],
    ]);
    expect(compared[2]!.first!.marks).toEqual(paper('-o--'));
    expect(compared[2]!.second!.marks).toEqual(paper('--o-'));

    const provisional = await e.call('rounds.result', { roundId: e.roundId });
    expect(provisional.provisional).toEqual(['not_closed', 'stacks_unreconciled']);
    expect(provisional.tally.counted).toBe(4);
    expect(provisional.tally.candidates.map((c) => c.for)).toEqual([3, 3, 0, 0]);
    const before = dumpTables(e.path);
    const blocked = await e.failure('rounds.close', { roundId: e.roundId });
    expect(blocked.reason).toBe('round.close_blocked');
    expect(blocked.details?.map((d) => d.reason)).toEqual(['round.stacks_unreconciled']);
    expect(await e.failure('stacks.settle', { roundId: e.roundId, stack: 1, position: 2, keep: 1 })).toMatchObject({
      code: 'conflict',
      field: 'position',
    });
    expect(dumpTables(e.path)).toEqual(before);

    const settled = await e.call('stacks.settle', { roundId: e.roundId, stack: 1, position: 3, keep: 2 });
    expect(settled).toEqual({ stack: 1, first: 4, second: 4, differences: 0, reconciled: true });
    const place = (await e.call('stacks.compare', { roundId: e.roundId, stack: 1 }))[2]!;
    expect(place.same).toBe(true);
    expect(place.first).toMatchObject({
      marks: paper('--o-'),
      entry: 1,
      replaces: compared[2]!.first!.id,
      reason: '双录核对: 保留第2次录入',
    });
    const old = (await e.call('ballots.list', { roundId: e.roundId })).find((b) => b.id === compared[2]!.first!.id)!;
    expect(old).toMatchObject({ state: 'superseded', reason: '双录核对: 保留第2次录入' });

    const result = await e.call('rounds.result', { roundId: e.roundId });
    expect(result.provisional).toEqual(['not_closed']);
    expect(result.tally.candidates.map((c) => c.for)).toEqual([3, 2, 1, 0]);
    const closed = await e.call('rounds.close', { roundId: e.roundId });
    expect(closed.result.round.status).toBe('closed');
  });

  it('a single-entry contest takes no stack numbers and lists no stacks', async () => {
    const e = await election();
    await e.open();
    expect(await e.failure('ballots.enter', e.enterInput('o---', { stack: 1, entry: 1 }))).toMatchObject({
      field: 'stack',
    });
    expect(await e.call('stacks.list', { roundId: e.roundId })).toEqual([]);
  });
});
