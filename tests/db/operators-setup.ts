/** Operators for the tests of roles, stations and the chief scrutineer's PIN: one per role, each with a known PIN. */
import type { Channel, Input, Output } from '../../core/contract.js';
import type { Result } from '../../core/result.js';
import { ROLES, type Role } from '../../core/roles.js';
import { confirmWithPin } from '../../db/operators/confirm.js';
import { election } from './election-setup.js';
import { makeBackend, type TestBackend } from './helpers.js';

export const PINS: Record<Role, string> = {
  secretariat: '111111',
  clerk: '222222',
  counter: '333333',
  scrutineer: '444444',
  chief_scrutineer: '555555',
};
export const NAMES: Record<Role, string> = {
  secretariat: '秘书 王敏',
  clerk: '报到员 李华',
  counter: '计票人 张强',
  scrutineer: '监票人 赵芳',
  chief_scrutineer: '总监票人 陈刚',
};

/** One operator per role; the secretariat first, as the app requires. */
export async function withOperators(tb: TestBackend) {
  const ids = {} as Record<Role, number>;
  for (const role of ROLES) {
    // Before the first operator the congress is open: the name typed at the station is the operator.
    const ctx =
      role === 'secretariat'
        ? { operator: NAMES.secretariat, station: '秘书处' }
        : { operator: '', station: '秘书处', session: await tokenOf(tb, ids.secretariat, PINS.secretariat) };
    const op = await tb.call('operators.add', { name: NAMES[role], role, pin: PINS[role] }, ctx);
    ids[role] = op.id;
  }
  return ids;
}

export async function tokenOf(tb: TestBackend, operatorId: number, pin: string, station = '工作站'): Promise<string> {
  const r = await tb.call('station.signIn', { operatorId, pin }, { operator: '', station });
  return r.token;
}

/** The context of a call from `station` where the operator of `role` has signed in. */
export async function signedIn(tb: TestBackend, ids: Record<Role, number>, role: Role, station: string) {
  return { operator: '', station, session: await tokenOf(tb, ids[role], PINS[role], station) };
}

/**
 * A round of 10 with two seats, distributed to all and `collected` of its papers collected by the
 * secretariat (on `tb`, a fresh backend unless given), and the counter signed in at 计票台1; `asChief` makes the counter's call with a chief's PIN.
 */
export async function roundAtCounter(collected: number, tb: TestBackend = makeBackend()) {
  const e = await election({ voters: 10, seats: 2 }, tb);
  const ids = await withOperators(e);
  const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
  await e.call(
    'rounds.distribute',
    { roundId: e.roundId, ballotsPrinted: 10, issued: 10, spareVoided: 0 },
    secretariat,
  );
  await e.call('rounds.collect', { roundId: e.roundId, collected }, secretariat);
  const counter = await signedIn(e, ids, 'counter', '计票台1');
  /** The counter's context with a chief's confirmation in it (its nonce issued for nothing). */
  const confirmed = (operatorId: number, pin: string, nonce = 'never-issued') => ({
    ...counter,
    confirm: { operatorId, pin, nonce },
  });
  /** The counter's call, confirmed by `operatorId` with `pin` as the app does: asked, then with the nonce. */
  const asChief = <C extends Channel>(channel: C, input: Input<C>, operatorId: number, pin: string) =>
    confirmWithPin(e.backend, channel, input, counter, { operatorId, pin }) as Promise<Result<Output<C>>>;
  return { e, ids, counter, confirmed, asChief };
}
