/**
 * Closing a round says what is missing before anyone types the chief scrutineer's PIN
 * (issue 10, item 6): the dispatcher runs `rounds.close`'s precheck before the chief's gate.
 */
import { describe, expect, it } from 'vitest';
import { election } from './election-setup.js';
import { dumpTables } from './helpers.js';
import { PINS, roundAtCounter } from './operators-setup.js';

describe('rounds.close before the chief PIN', () => {
  it('with ballots unkeyed and one set aside, refuses with every missing item and asks for no PIN', async () => {
    const { e, ids, counter, confirmed } = await roundAtCounter(5);
    await e.call('ballots.enter', e.enterInput('oox-'), counter);
    await e.call('ballots.enter', e.enterInput('oox-', { setAside: true }), counter);

    const before = dumpTables(e.path);
    // No `confirm` in the context: still the missing items, not `chief_required`.
    const refused = await e.failure('rounds.close', { roundId: e.roundId }, counter);
    expect(refused).toMatchObject({
      code: 'conflict',
      reason: 'round.close_blocked',
      params: { contest: '党委委员', round: 1, entered: 2, collected: 5, setAside: 1, stacks: 0 },
      field: 'roundId',
    });
    expect(refused.details?.map((d) => d.reason)).toEqual(['round.ballots_missing', 'round.set_aside_pending']);
    expect(refused.details?.[0]?.params).toEqual({ entered: 2, collected: 5 });
    expect(refused.details?.[1]?.params).toEqual({ n: 1 });
    // A wrong PIN is never even looked at: the same refusal, no `unauthorized`, no lock-out count.
    const withWrongPin = await e.failure(
      'rounds.close',
      { roundId: e.roundId },
      confirmed(ids.chief_scrutineer, '000000'),
    );
    expect(withWrongPin.reason).toBe('round.close_blocked');
    expect(dumpTables(e.path)).toEqual(before);
  });

  it('once everything is keyed and decided, the PIN is asked for and the round closes', async () => {
    const { e, ids, counter, asChief } = await roundAtCounter(2);
    for (const m of ['oox-', 'oox-']) await e.call('ballots.enter', e.enterInput(m), counter);
    expect((await e.failure('rounds.close', { roundId: e.roundId }, counter)).code).toBe('chief_required');
    const closed = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer);
    expect(closed).toMatchObject({ ok: true, value: { result: { round: { status: 'closed' } } } });
  });

  it('double entry: unreconciled stacks are named with their number', async () => {
    const e = await election({ voters: 10, seats: 2, doubleEntry: true });
    await e.open();
    await e.enter('oox-', { stack: 1, entry: 1 });
    await e.enter('oox-', { stack: 1, entry: 2 });
    await e.enter('xoo-', { stack: 2, entry: 1 });
    // Without operators there is no gate: the handler itself refuses the same way.
    const refused = await e.failure('rounds.close', { roundId: e.roundId });
    expect(refused.reason).toBe('round.close_blocked');
    expect(refused.details?.map((d) => d.reason)).toContain('round.stacks_unreconciled');
    const stacks = refused.details?.find((d) => d.reason === 'round.stacks_unreconciled');
    expect(stacks?.params).toEqual({ n: 1 });
  });
});
