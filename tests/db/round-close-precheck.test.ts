/**
 * Closing a round says what is missing before anyone types the chief scrutineer's PIN
 * (issue 10, item 6): the dispatcher runs `rounds.close`'s precheck before the chief's gate.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../core/roles.js';
import { election } from './election-setup.js';
import { dumpTables, type TestBackend } from './helpers.js';

const PINS: Record<Role, string> = {
  secretariat: '111111',
  clerk: '222222',
  counter: '333333',
  scrutineer: '444444',
  chief_scrutineer: '555555',
};

async function withOperators(tb: TestBackend) {
  const ids = {} as Record<Role, number>;
  let secretariat: string | undefined;
  for (const role of ROLES) {
    const ctx =
      role === 'secretariat'
        ? { operator: '秘书 王敏', station: '秘书处' }
        : { operator: '', station: '秘书处', session: secretariat };
    ids[role] = (await tb.call('operators.add', { name: `${role} 某`, role, pin: PINS[role] }, ctx)).id;
    if (role === 'secretariat') {
      secretariat = (
        await tb.call(
          'station.signIn',
          { operatorId: ids.secretariat, pin: PINS.secretariat },
          { operator: '', station: '秘书处' },
        )
      ).token;
    }
  }
  return { ids, secretariat: { operator: '', station: '秘书处', session: secretariat } };
}

async function signIn(tb: TestBackend, operatorId: number, pin: string, station: string) {
  const { token } = await tb.call('station.signIn', { operatorId, pin }, { operator: '', station });
  return { operator: '', station, session: token };
}

describe('rounds.close before the chief PIN', () => {
  it('with ballots unkeyed and one set aside, refuses with every missing item and asks for no PIN', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const { ids, secretariat } = await withOperators(e);
    await e.call(
      'rounds.distribute',
      { roundId: e.roundId, ballotsPrinted: 10, issued: 10, spareVoided: 0 },
      secretariat,
    );
    await e.call('rounds.collect', { roundId: e.roundId, collected: 5 }, secretariat);
    const counter = await signIn(e, ids.counter, PINS.counter, '计票台1');
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
      { ...counter, confirm: { operatorId: ids.chief_scrutineer, pin: '000000' } },
    );
    expect(withWrongPin.reason).toBe('round.close_blocked');
    expect(dumpTables(e.path)).toEqual(before);
  });

  it('once everything is keyed and decided, the PIN is asked for and the round closes', async () => {
    const e = await election({ voters: 10, seats: 2 });
    const { ids, secretariat } = await withOperators(e);
    await e.call(
      'rounds.distribute',
      { roundId: e.roundId, ballotsPrinted: 10, issued: 10, spareVoided: 0 },
      secretariat,
    );
    await e.call('rounds.collect', { roundId: e.roundId, collected: 2 }, secretariat);
    const counter = await signIn(e, ids.counter, PINS.counter, '计票台1');
    for (const m of ['oox-', 'oox-']) await e.call('ballots.enter', e.enterInput(m), counter);
    expect((await e.failure('rounds.close', { roundId: e.roundId }, counter)).code).toBe('chief_required');
    const closed = await e.call(
      'rounds.close',
      { roundId: e.roundId },
      { ...counter, confirm: { operatorId: ids.chief_scrutineer, pin: PINS.chief_scrutineer } },
    );
    expect(closed.result.round.status).toBe('closed');
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
