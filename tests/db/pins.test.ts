/**
 * PINs (issue 12 item 6), each attack of the review reproduced: short PINs, a backoff that
 * never grew and lived in memory, wrong PINs that left no trace, a chief locked out by any
 * station, and a chief's confirmation that was the plain PIN, good for any call.
 */
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../core/contract.js';
import type { Role } from '../../core/roles.js';
import { createBackend } from '../../db/backend.js';
import { BUDGET, MAX_WAIT_MS, pairWait } from '../../db/operators/attempts.js';
import { confirmWithPin, nonceOf } from '../../db/operators/confirm.js';
import { hashPin } from '../../db/operators/pin.js';
import { inputDigest, NONCE_MS, Stations } from '../../db/operators/stations.js';
import { election } from './election-setup.js';
import { makeBackend, rawDb, type TestBackend, tempDir } from './helpers.js';
import { NAMES, PINS, roundAtCounter, signedIn, tokenOf, withOperators } from './operators-setup.js';

/** A test backend whose clock the test moves (`options.now`): never the wall clock. */
function clocked(dir = tempDir()) {
  const clock = { now: new Date('2026-03-20T08:00:00Z') };
  const open = () => {
    const tb = makeBackend(dir);
    tb.backend.close();
    const backend = createBackend({
      dataDir: tb.dataDir,
      documentsDir: path.join(dir, 'documents'),
      places: [os.tmpdir()],
      now: () => clock.now,
    });
    return withBackend(tb, backend);
  };
  const advance = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  return { clock, open, advance, dir };
}

/** The helpers of `makeBackend` over another backend (a restart on the same data folder). */
function withBackend(tb: TestBackend, backend: TestBackend['backend']): TestBackend {
  const events: TestBackend['events'] = [];
  backend.onChange((e) => events.push(e));
  return {
    ...tb,
    backend,
    events,
    async call(channel, input, ctx = { operator: '李明', station: '报到处1' }) {
      const r = await backend.invoke(channel, input, ctx);
      if (!r.ok) expect.fail(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value as never;
    },
    async failure(channel, input = {}, ctx = { operator: '李明', station: '报到处1' }) {
      const r = await backend.invoke(channel, input, ctx);
      if (r.ok) expect.fail(`${channel} should have failed, returned ${JSON.stringify(r.value)}`);
      return r.error;
    },
  };
}

const at = (station: string) => ({ operator: '', station });

interface AuditRow {
  action: string;
  operator: string;
  station: string;
  payload: string;
}
function auditRows(file: string, action: string): AuditRow[] {
  const db = rawDb(file);
  try {
    return db
      .prepare('SELECT action, operator, station, payload FROM audit_log WHERE action = ? ORDER BY id')
      .all(action) as AuditRow[];
  } finally {
    db.close();
  }
}

describe('issue 12: a PIN has at least 6 digits', () => {
  it('operators.add with the 4-digit PIN 1357 and operators.update with the 5-digit 13579 are refused naming the field pin', async () => {
    const e = await election();
    const short = await e.failure('operators.add', { name: NAMES.secretariat, role: 'secretariat', pin: '1357' });
    expect(short).toMatchObject({ code: 'invalid_input', reason: 'input.pin_format', field: 'pin' });
    expect(short.message).toContain('6–12');
    const ids = await withOperators(e);
    const ctx = await signedIn(e, ids, 'secretariat', '秘书处');
    const five = await e.failure('operators.update', { operatorId: ids.clerk, pin: '13579' }, ctx);
    expect(five).toMatchObject({ code: 'invalid_input', reason: 'input.pin_format', field: 'pin' });
    expect((await e.call('operators.update', { operatorId: ids.clerk, pin: '135790' }, ctx)).pinShort).toBe(false);
  });

  it('a 4-digit PIN set in an old file still signs in, and the operator is flagged pinShort until a new PIN is set', async () => {
    const e = await election();
    const ids = await withOperators(e);
    // What an old file holds: a 4-digit PIN's hash (the PIN was allowed then).
    const raw = rawDb(e.path);
    raw.prepare('UPDATE operators SET pin_hash = ? WHERE id = ?').run(hashPin('2468'), ids.clerk);
    raw.close();
    const r = await e.call('station.signIn', { operatorId: ids.clerk, pin: '2468' }, at('报到处1'));
    expect(r.operator.pinShort).toBe(true);
    const listed = await e.call('operators.list', {}, { ...at('报到处1'), session: r.token });
    expect(listed.find((o) => o.id === ids.clerk)?.pinShort).toBe(true);
    expect(listed.filter((o) => o.pinShort)).toHaveLength(1);
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('operators.update', { operatorId: ids.clerk, pin: '246801' }, secretariat);
    const again = await e.call('station.signIn', { operatorId: ids.clerk, pin: '246801' }, at('报到处1'));
    expect(again.operator.pinShort).toBe(false);
  });
});

describe('issue 12: wrong PINs wait longer and longer, in the file', () => {
  it('20 wrong PINs at one station: 3 free, then 30 s doubling to 15 min; even the right PIN waits; the wait over, it signs in and clears the pair', async () => {
    const c = clocked();
    const e = await election({}, c.open());
    const ids = await withOperators(e);
    const waits: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const wrong = await e.failure('station.signIn', { operatorId: ids.counter, pin: '999999' }, at('计票台1'));
      expect(wrong.code).toBe('unauthorized');
      const seconds = wrong.reason === 'operator.pin_wrong' ? 0 : Number(wrong.params?.seconds);
      if (seconds > 0) expect(wrong.reason).toBe('operator.pin_wrong_wait');
      waits.push(seconds);
      if (seconds === 0) continue;
      // A second before the end: still waiting, and the right PIN is not even compared.
      c.advance(seconds * 1000 - 1000);
      const waiting = await e.failure('station.signIn', { operatorId: ids.counter, pin: PINS.counter }, at('计票台1'));
      expect(waiting).toMatchObject({ reason: 'operator.pin_wait', params: { seconds: 1 }, field: 'pin' });
      c.advance(1000);
    }
    expect(waits).toEqual([0, 0, 30, 60, 120, 240, 480, ...Array(13).fill(900)]);
    expect(waits.slice(2).map((s) => s * 1000)).toEqual(Array.from({ length: 18 }, (_, i) => pairWait(i + 3)));
    // Only the wrong tries are audited, not the refusals while waiting (no PIN was compared).
    expect(auditRows(e.path, 'station.signIn_failed')).toHaveLength(20);
    expect(await tokenOf(e, ids.counter, PINS.counter, '计票台1')).toBeTruthy();
    // Cleared: three free tries again.
    for (let i = 0; i < 2; i++) {
      const wrong = await e.failure('station.signIn', { operatorId: ids.counter, pin: '999999' }, at('计票台1'));
      expect(wrong.reason).toBe('operator.pin_wrong');
    }
  });

  it('a restart (a new backend on the same file) does not forget the wait', async () => {
    const c = clocked();
    const first = c.open();
    const e = await election({}, first);
    const ids = await withOperators(e);
    for (let i = 0; i < 3; i++) {
      await e.failure('station.signIn', { operatorId: ids.counter, pin: '999999' }, at('计票台1'));
    }
    first.backend.close();
    c.advance(10_000);
    const second = c.open();
    await second.call('congress.open', { path: e.path });
    const waiting = await second.failure(
      'station.signIn',
      { operatorId: ids.counter, pin: PINS.counter },
      at('计票台1'),
    );
    expect(waiting).toMatchObject({ reason: 'operator.pin_wait', params: { seconds: 20 } });
    c.advance(20_000);
    expect(await tokenOf(second, ids.counter, PINS.counter, '计票台1')).toBeTruthy();
  });

  it('each wrong PIN is an audit row naming the operator tried and the station, never the PIN, and the chain still verifies', async () => {
    const c = clocked();
    const e = await election({}, c.open());
    const ids = await withOperators(e);
    await e.failure('station.signIn', { operatorId: ids.clerk, pin: '987654' }, { operator: '', station: '报到处2' });
    const [row] = auditRows(e.path, 'station.signIn_failed');
    expect(row).toMatchObject({ operator: NAMES.clerk, station: '报到处2' });
    expect(JSON.parse(row!.payload)).toEqual({
      operatorId: ids.clerk,
      name: NAMES.clerk,
      failures: 1,
      waitSeconds: 0,
    });
    expect(row!.payload).not.toContain('987654');
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    expect((await e.call('audit.verify', {}, secretariat)).ok).toBe(true);
  });

  it('typing a new station name for every guess does not escape the per-operator bound', async () => {
    const c = clocked();
    const e = await election({}, c.open());
    const ids = await withOperators(e);
    for (let i = 0; i < BUDGET; i++) {
      const wrong = await e.failure(
        'station.signIn',
        { operatorId: ids.chief_scrutineer, pin: '999999' },
        at(`站${i}`),
      );
      expect(wrong.reason, `guess ${i + 1}`).toBe(i < BUDGET - 1 ? 'operator.pin_wrong' : 'operator.pin_wrong_wait');
    }
    const elsewhere = await e.failure(
      'station.signIn',
      { operatorId: ids.chief_scrutineer, pin: PINS.chief_scrutineer },
      at('又一个站名'),
    );
    // Full at 30: one wrong try drains in two minutes.
    expect(elsewhere).toMatchObject({ reason: 'operator.pin_wait', params: { seconds: 120 } });
    c.advance(120_000);
    expect(await tokenOf(e, ids.chief_scrutineer, PINS.chief_scrutineer, '又一个站名')).toBeTruthy();
    // Other operators are not held up by it.
    expect(await tokenOf(e, ids.clerk, PINS.clerk, '站0')).toBeTruthy();
  });

  it('a new PIN from the secretariat ends the operator’s waits (audited as operators.update)', async () => {
    const c = clocked();
    const e = await election({}, c.open());
    const ids = await withOperators(e);
    for (let i = 0; i < 4; i++) {
      await e.failure('station.signIn', { operatorId: ids.counter, pin: '999999' }, at('计票台1'));
    }
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('operators.update', { operatorId: ids.counter, pin: '313131' }, secretariat);
    expect(await tokenOf(e, ids.counter, '313131', '计票台1')).toBeTruthy();
  });
});

/** A round with two set-aside papers, keyed at 计票台1 by the counter, on a clocked backend. */
async function setAsideAtCounter() {
  const c = clocked();
  const { e, ids, counter } = await roundAtCounter(10, c.open());
  const a = await e.call('ballots.enter', e.enterInput('oox-', { setAside: true }), counter);
  const b = await e.call('ballots.enter', e.enterInput('xoo-', { setAside: true }), counter);
  const decide = (ballotId: number, verdict: 'as_entered' | 'invalid' = 'as_entered') => ({
    ballotId,
    verdict,
    note: null,
  });
  /** The call as the app makes it first: refused `chief_required` with its nonce. */
  const ask = async (input: unknown, ctx: object = counter, channel: Channel = 'ballots.decide') => {
    const r = await e.backend.invoke(channel, input, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'chief_required' } });
    const nonce = r.ok ? undefined : nonceOf(r.error);
    expect(nonce).toMatch(/^[\w-]{24}$/);
    return nonce!;
  };
  const chief = (nonce: string, pin = PINS.chief_scrutineer, operatorId = ids.chief_scrutineer) => ({
    operatorId,
    pin,
    nonce,
  });
  return { c, e, ids, counter, a, b, decide, ask, chief };
}

describe("issue 12: the chief's confirmation", () => {
  it('a stranger mistyping the chief’s PIN at 计票台1 makes that station wait, not the chief at 计票台2', async () => {
    const { e, ids, counter, a, b, decide, ask, chief } = await setAsideAtCounter();
    for (let i = 0; i < 3; i++) {
      const nonce = await ask(decide(a.id));
      const wrong = await e.failure('ballots.decide', decide(a.id), { ...counter, confirm: chief(nonce, '000000') });
      expect(wrong.code).toBe('unauthorized');
    }
    const held = await e.failure('ballots.decide', decide(a.id), {
      ...counter,
      confirm: chief(await ask(decide(a.id)), PINS.chief_scrutineer),
    });
    expect(held).toMatchObject({ reason: 'operator.pin_wait', params: { seconds: 30 } });
    // The failures are audited as the chief's confirmation, with the station and the call.
    const failed = auditRows(e.path, 'chief.confirm_failed');
    expect(failed).toHaveLength(3);
    expect(failed[0]).toMatchObject({ operator: NAMES.counter, station: '计票台1' });
    expect(JSON.parse(failed[0]!.payload)).toMatchObject({
      operatorId: ids.chief_scrutineer,
      channel: 'ballots.decide',
    });
    expect(failed[0]!.payload).not.toContain('000000');
    // At another station the chief confirms at once.
    const other = await signedIn(e, ids, 'scrutineer', '计票台2');
    const decided = await e.call('ballots.decide', decide(b.id), {
      ...other,
      confirm: chief(await ask(decide(b.id), other)),
    });
    expect(decided.decision?.by).toBe(NAMES.chief_scrutineer);
  });

  it('a captured confirmation replayed on another call, or again on the same one, is refused chief.nonce_invalid', async () => {
    const { e, counter, a, b, decide, ask, chief } = await setAsideAtCounter();
    const captured = { ...counter, confirm: chief(await ask(decide(a.id))) };
    expect((await e.call('ballots.decide', decide(a.id), captured)).decision?.verdict).toBe('as_entered');
    const onAnother = await e.failure('ballots.decide', decide(b.id), captured);
    expect(onAnother).toMatchObject({ code: 'chief_required', reason: 'chief.nonce_invalid' });
    const again = await e.failure('ballots.decide', decide(a.id), captured);
    expect(again).toMatchObject({ code: 'chief_required', reason: 'chief.nonce_invalid' });
    const raw = rawDb(e.path);
    const undecided = raw.prepare('SELECT decision FROM ballots WHERE id = ?').get(b.id) as { decision: unknown };
    raw.close();
    expect(undecided.decision).toBeNull();
  });

  it('a nonce is bound to its input, its sign-in and five minutes, and is used up by a wrong PIN', async () => {
    const { c, e, ids, counter, b, decide, ask, chief } = await setAsideAtCounter();
    const refused = async (input: unknown, ctx: object) =>
      expect(await e.failure('ballots.decide', input, ctx)).toMatchObject({ reason: 'chief.nonce_invalid' });
    // Another verdict than the one the PIN was asked for.
    await refused(decide(b.id, 'invalid'), { ...counter, confirm: chief(await ask(decide(b.id))) });
    // Another station's sign-in.
    const other = await signedIn(e, ids, 'scrutineer', '监票台');
    await refused(decide(b.id), { ...other, confirm: chief(await ask(decide(b.id))) });
    // Five minutes and a second later.
    const late = await ask(decide(b.id));
    c.advance(5 * 60_000 + 1000);
    await refused(decide(b.id), { ...counter, confirm: chief(late) });
    // A wrong PIN uses its nonce up: the right PIN with it is refused too.
    const once = await ask(decide(b.id));
    const wrong = await e.failure('ballots.decide', decide(b.id), { ...counter, confirm: chief(once, '000000') });
    expect(wrong.code).toBe('unauthorized');
    // Every refusal after a confirmation was tried offers a fresh nonce for the next try.
    expect(nonceOf(wrong)).not.toBe(once);
    await refused(decide(b.id), { ...counter, confirm: chief(once) });
    // The two steps the app makes (and the CLI, through confirmWithPin) go through.
    const decided = await confirmWithPin(e.backend, 'ballots.decide', decide(b.id), counter, {
      operatorId: ids.chief_scrutineer,
      pin: PINS.chief_scrutineer,
    });
    expect(decided).toMatchObject({
      ok: true,
      value: { decision: { verdict: 'as_entered', by: NAMES.chief_scrutineer } },
    });
  });

  it('the chief’s right PIN after two wrong ones at 计票台1 forgets them there (audited chief.confirm_cleared): three free tries again', async () => {
    const { e, counter, a, b, decide, ask, chief } = await setAsideAtCounter();
    for (let i = 0; i < 2; i++) {
      await e.failure('ballots.decide', decide(a.id), {
        ...counter,
        confirm: chief(await ask(decide(a.id)), '000000'),
      });
    }
    await e.call('ballots.decide', decide(a.id), { ...counter, confirm: chief(await ask(decide(a.id))) });
    expect(auditRows(e.path, 'chief.confirm_cleared')).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const wrong = await e.failure('ballots.decide', decide(b.id), {
        ...counter,
        confirm: chief(await ask(decide(b.id)), '000000'),
      });
      expect(wrong.reason, `wrong try ${i + 1} after the right one`).toBe('operator.pin_wrong');
    }
  });

  it('naming an operator who is not the chief is refused before the PIN is compared (no guessing of their PIN here)', async () => {
    const { e, ids, counter, a, decide, ask, chief } = await setAsideAtCounter();
    const role: Role = 'scrutineer';
    const r = await e.failure('ballots.decide', decide(a.id), {
      ...counter,
      confirm: chief(await ask(decide(a.id)), '000000', ids[role]),
    });
    expect(r).toMatchObject({ code: 'chief_required', reason: 'chief.not_chief' });
    expect(auditRows(e.path, 'chief.confirm_failed')).toHaveLength(0);
  });
});

describe('issue 12: properties of the backoff and the nonce', () => {
  it('the wait of a pair never shrinks with another wrong try, starts after 3, and stops at 15 min', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        expect(pairWait(n + 1)).toBeGreaterThanOrEqual(pairWait(n));
        expect(pairWait(n)).toBeLessThanOrEqual(MAX_WAIT_MS);
        expect(pairWait(n) > 0).toBe(n >= 3);
      }),
    );
  });

  it('a nonce confirms exactly the call it was issued for (channel, input in any key order, sign-in), once, within 5 min', () => {
    const call = fc.record({
      channel: fc.constantFrom('rounds.close', 'ballots.decide', 'result.export'),
      input: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })),
      token: fc.constantFrom('token-a', 'token-b'),
    });
    fc.assert(
      fc.property(call, call, fc.integer({ min: 0, max: 2 * NONCE_MS }), (issued, sent, later) => {
        const stations = new Stations();
        const bound = (c: typeof issued) => ({ channel: c.channel, input: inputDigest(c.input), token: c.token });
        const nonce = stations.issueNonce(bound(issued), 0);
        // The same input with its keys in another order is the same call.
        const reordered = { ...sent, input: Object.fromEntries(Object.entries(sent.input).reverse()) };
        const same =
          issued.channel === sent.channel &&
          issued.token === sent.token &&
          inputDigest(issued.input) === inputDigest(sent.input);
        expect(stations.takeNonce(nonce, bound(reordered), later)).toBe(same && later < NONCE_MS);
        expect(stations.takeNonce(nonce, bound(issued), 0)).toBe(false);
      }),
    );
  });
});
