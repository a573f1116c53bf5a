/**
 * Operators, PINs and roles (issue 6): the role table of core/roles.ts enforced by the backend
 * for every call, stations that sign in and lock, and the chief scrutineer's PIN for the calls
 * that need it at that moment.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../core/contract.js';
import { ROLES, type Role, WRITE_PERMISSIONS, type WriteChannel } from '../../core/roles.js';
import { createBackend } from '../../db/backend.js';
import { election } from './election-setup.js';
import { dumpTables, makeBackend, rawDb, type TestBackend, tempDir } from './helpers.js';
import { NAMES, PINS, roundAtCounter, tokenOf, withOperators } from './operators-setup.js';

describe('operators and their PINs', () => {
  it('the first operator must be the secretariat; the PIN is kept only as a scrypt hash, never in the audit log', async () => {
    const e = await election();
    const refused = await e.failure('operators.add', { name: '计票人 张强', role: 'counter', pin: '333333' });
    expect(refused).toMatchObject({ code: 'conflict', field: 'role' });
    const ids = await withOperators(e);
    const raw = rawDb(e.path);
    const rows = raw.prepare('SELECT name, pin_hash FROM operators').all() as { name: string; pin_hash: string }[];
    raw.close();
    expect(rows).toHaveLength(5);
    for (const r of rows) {
      expect(r.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
      for (const pin of Object.values(PINS)) expect(r.pin_hash).not.toContain(pin);
    }
    // The audit log is the secretariat's and the scrutineers' to read, once there are operators.
    const secretariat = {
      operator: '',
      station: '秘书处',
      session: await tokenOf(e, ids.secretariat, PINS.secretariat),
    };
    const audit = await e.call('audit.list', { limit: 100, beforeId: null }, secretariat);
    for (const a of audit) for (const pin of Object.values(PINS)) expect(a.payload).not.toContain(pin);
    expect((await e.call('operators.list', {})).map((o) => o.role)).toEqual([...ROLES]);
    expect(ids.chief_scrutineer).toBeGreaterThan(0);
  });

  it('once there are operators, every write needs a signed-in station; the audit row names operator and station', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const before = dumpTables(e.path);
    const locked = await e.failure('attendance.checkInByBadge', { meetingId: e.meetingId, badge: '001' });
    expect(locked.code).toBe('locked');
    const wrong = await e.failure('station.signIn', { operatorId: ids.clerk, pin: '000000' });
    expect(wrong).toMatchObject({ code: 'unauthorized', field: 'pin' });
    // A wrong PIN writes its own record (issue 12, tests/db/pins.test.ts), and nothing else.
    const { audit_log, pin_attempts, pin_budget, ...rest } = dumpTables(e.path);
    const { audit_log: auditBefore, pin_attempts: _none, pin_budget: _empty, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(audit_log!.slice(0, auditBefore!.length)).toEqual(auditBefore);
    expect(audit_log!.slice(auditBefore!.length)).toMatchObject([{ action: 'station.signIn_failed' }]);
    expect(pin_attempts).toHaveLength(1);
    expect(pin_budget).toHaveLength(1);

    const session = await tokenOf(e, ids.clerk, PINS.clerk);
    // The secretariat reads the audit log (its sign-in is a row of it, made before the marks).
    const reader = { operator: '', station: '秘书处', session: await tokenOf(e, ids.secretariat, PINS.secretariat) };
    // The name typed at the station is not the operator once the station has signed in.
    const typedName = { operator: '随便写的名字', station: '报到处2', session };
    for (const status of ['pending', 'absent'] as const) {
      await e.call('attendance.mark', { meetingId: e.meetingId, delegateId: 1, status, reason: null }, typedName);
    }
    const [last] = await e.call('audit.list', { limit: 1, beforeId: null }, reader);
    expect(last).toMatchObject({ action: 'attendance.mark', operator: NAMES.clerk, station: '报到处2' });
    // Locked on demand: the token stops working.
    await e.call('station.lock', {}, { operator: '', station: '报到处2', session });
    const after = await e.failure(
      'attendance.mark',
      { meetingId: e.meetingId, delegateId: 1, status: 'pending', reason: null },
      {
        operator: '',
        station: '报到处2',
        session,
      },
    );
    expect(after.code).toBe('locked');
  });

  it('three wrong PINs in a row make that operator wait at that station', async () => {
    const e = await election();
    const ids = await withOperators(e);
    for (let i = 0; i < 3; i++) await e.failure('station.signIn', { operatorId: ids.counter, pin: '999999' });
    const waiting = await e.failure('station.signIn', { operatorId: ids.counter, pin: PINS.counter });
    expect(waiting).toMatchObject({ code: 'unauthorized', reason: 'operator.pin_wait' });
    expect(waiting.params?.seconds).toBeGreaterThan(0);
    // Others are not held up by it.
    expect(await tokenOf(e, ids.scrutineer, PINS.scrutineer)).toBeTruthy();
  });

  it('a station locks after the congress idle minutes', async () => {
    let clock = new Date('2026-03-20T08:00:00Z');
    const dir = tempDir();
    const backend = createBackend({
      dataDir: `${dir}/data`,
      documentsDir: dir,
      places: [os.tmpdir()],
      now: () => clock,
    });
    const tb = { ...makeBackend(dir), backend } as TestBackend;
    const call: TestBackend['call'] = async (channel, input, ctx = { operator: '秘书', station: 's' }) => {
      const r = await backend.invoke(channel, input, ctx);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value as never;
    };
    try {
      await call('congress.create', {
        name: '时钟镇代表大会',
        date: '2026-03-20',
        venue: '礼堂',
        path: `${dir}/c.congress`,
      });
      const op = await call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '111111' });
      await call(
        'congress.updateSettings',
        { idleMinutes: 5 },
        { operator: '', station: 's', session: await signIn() },
      );
      async function signIn() {
        return (await call('station.signIn', { operatorId: op.id, pin: '111111' })).token;
      }
      const session = await signIn();
      const ctx = { operator: '', station: 's', session };
      clock = new Date(clock.getTime() + 4 * 60_000);
      await call('meetings.create', { name: '预备会议', date: '2026-03-20' }, ctx);
      clock = new Date(clock.getTime() + 5 * 60_000 + 1);
      const r = await backend.invoke('meetings.create', { name: '选举大会', date: '2026-03-20' }, ctx);
      expect(r).toMatchObject({ ok: false, error: { code: 'locked' } });
    } finally {
      backend.close();
    }
    expect(tb).toBeTruthy();
  });

  it('the last secretariat cannot be disabled or demoted; a new PIN signs the operator out', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const session = await tokenOf(e, ids.secretariat, PINS.secretariat);
    const ctx = { operator: '', station: '秘书处', session };
    const refused = await e.failure('operators.update', { operatorId: ids.secretariat, disabled: true }, ctx);
    expect(refused).toMatchObject({ code: 'conflict', reason: 'operator.last_secretariat' });
    const counter = await tokenOf(e, ids.counter, PINS.counter);
    await e.call('operators.update', { operatorId: ids.counter, pin: '303030' }, ctx);
    const r = await e.failure(
      'ballots.enter',
      { roundId: e.roundId },
      { operator: '', station: 'c', session: counter },
    );
    expect(r.code).toBe('locked');
    expect(await tokenOf(e, ids.counter, '303030')).toBeTruthy();
  });
});

describe('the role table, call by call', () => {
  it('each write tried by each role is allowed exactly as core/roles.ts says', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const tokens = {} as Record<Role, string>;
    for (const role of ROLES) tokens[role] = await tokenOf(e, ids[role], PINS[role]);
    const writes = channels.filter((c) => contract[c].write) as WriteChannel[];
    expect(Object.keys(WRITE_PERMISSIONS).sort()).toEqual([...writes].sort());
    for (const channel of writes) {
      // The sign-in is the lock screen's: any station makes it (tests/db/gate-every-call.test.ts).
      if (WRITE_PERMISSIONS[channel] === 'anyone') continue;
      for (const role of ROLES) {
        // Input a handler refuses (or, for an allowed call, harmlessly runs): what matters is the gate.
        const r = await e.backend.invoke(channel, {}, { operator: '', station: role, session: tokens[role] });
        const rule = WRITE_PERMISSIONS[channel];
        const code = r.ok ? 'ok' : r.error.code;
        if (rule === 'chief_confirms') expect(code, `${channel} by ${role}`).toBe('chief_required');
        else if (rule.includes(role))
          expect(['forbidden', 'locked', 'chief_required'], `${channel} by ${role}`).not.toContain(code);
        else expect(code, `${channel} by ${role}`).toBe('forbidden');
      }
    }
    // The hall's board reads with no one signed in at it; every read is in the table of
    // tests/core/call-rules.ts, walked in tests/db/gate-every-call.test.ts.
    expect(
      (await e.backend.invoke('rounds.result', { roundId: e.roundId }, { operator: '', station: '大屏' })).ok,
    ).toBe(true);
  });

  it("closing a round needs the chief scrutineer's PIN at that moment, even at a counter's station", async () => {
    const { e, ids, counter, asChief } = await roundAtCounter(2);
    const reader = { operator: '', station: '秘书处', session: await tokenOf(e, ids.secretariat, PINS.secretariat) };
    for (const m of ['oox-', 'oox-']) {
      await e.call('ballots.enter', { ...e.enterInput(m) }, counter);
    }
    const withoutPin = await e.failure('rounds.close', { roundId: e.roundId }, counter);
    expect(withoutPin.code).toBe('chief_required');
    const notChief = await asChief('rounds.close', { roundId: e.roundId }, ids.scrutineer, PINS.scrutineer);
    expect(notChief).toMatchObject({ ok: false, error: { code: 'chief_required', reason: 'chief.not_chief' } });
    const wrongPin = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, '000000');
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const r = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer);
    if (!r.ok) expect.fail(r.error.message);
    const closed = r.value;
    expect(closed.result.round.closedBy).toBe(NAMES.chief_scrutineer);
    // The close's row, then its signed checkpoint (db/audit/checkpoint.ts), both by the chief.
    const [checkpoint, last] = await e.call('audit.list', { limit: 2, beforeId: null }, reader);
    expect(checkpoint).toMatchObject({ action: 'audit.checkpoint', operator: NAMES.chief_scrutineer });
    expect(last).toMatchObject({ action: 'rounds.close', operator: NAMES.chief_scrutineer });
    expect(last!.station).toContain(NAMES.counter);
  });
});
