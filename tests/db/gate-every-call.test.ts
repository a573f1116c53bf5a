/**
 * Every call is gated (issue 12, item 1): with operators set up, a station nobody is signed in
 * at reached `result.districtExport`, `congress.close`, `congress.open`/`create`/`openDemo`,
 * `delegates.list` and `audit.list`, because only `write: true` channels went through the gate.
 * Now every channel names who may call it (core/contract/*.ts `roles`, the table written out in
 * tests/core/call-rules.ts) and the dispatcher refuses the rest before it reads the input.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Channel, channels } from '../../core/contract.js';
import { ANYONE, CHIEF, ROLES, type Role } from '../../core/roles.js';
import { EXPECTED_RULES } from '../core/call-rules.js';
import { election } from './election-setup.js';
import { congressInput, dumpTables, makeBackend, rawDb, sha256File } from './helpers.js';
import { PINS, signedIn, withOperators } from './operators-setup.js';

/** Nobody signed in here: the typed name and station are all it has. */
const lockedStation = { operator: '路过的人', station: '无人值守的工作站' };
/** Not an input of any channel: a call that reaches the input check answers `invalid_input`. */
const NOT_AN_INPUT = 42;

const auditRows = (file: string): number => {
  const db = rawDb(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** What the table says `who` gets for `channel` called with an input that is no input at all. */
function expectedAnswer(channel: Channel, who: Role | null): { code: string; reason?: string } {
  const rule = EXPECTED_RULES[channel];
  if (rule === undefined) throw new Error(`${channel}: no row of tests/core/call-rules.ts names it`);
  if (rule === ANYONE) return { code: 'invalid_input' };
  if (who === null) return { code: 'locked', reason: 'station.locked' };
  if (rule === CHIEF) return { code: 'chief_required', reason: 'chief.required' };
  return rule.includes(who) ? { code: 'invalid_input' } : { code: 'forbidden', reason: 'role.forbidden' };
}

describe('a locked station, with operators set up, reaches nothing but the lock screen and the board', () => {
  it('result.districtExport {paths, fingerprint:null, out:<the open congress file> or a new .xlsx} from a locked station is refused station.locked before the file is looked at; the congress is intact', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const bytes = sha256File(e.path);
    const tables = dumpTables(e.path);
    const elsewhere = path.join(e.dir, 'district.xlsx');
    for (const out of [e.path, elsewhere]) {
      const r = await e.failure(
        'result.districtExport',
        { paths: [path.join(e.dir, 'town.result.json')], fingerprint: null, out },
        lockedStation,
      );
      expect(r).toMatchObject({ code: 'locked', reason: 'station.locked' });
    }
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(sha256File(e.path)).toBe(bytes);
    expect(dumpTables(e.path)).toEqual(tables);
    // Later writes go into the congress file, which closes and reopens as a congress.
    const clerk = await signedIn(e, ids, 'clerk', '报到处1');
    await e.call('attendance.mark', { meetingId: e.meetingId, delegateId: 1, status: 'absent', reason: null }, clerk);
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('congress.close', {}, secretariat);
    expect((await e.call('congress.open', { path: e.path })).path).toBe(e.path);
  });

  it('congress.close from a locked station is refused station.locked; the congress stays open and the sign-ins stand', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const counter = await signedIn(e, ids, 'counter', '计票台1');
    expect(await e.failure('congress.close', {}, lockedStation)).toMatchObject({
      code: 'locked',
      reason: 'station.locked',
    });
    // Still open, and the counter's sign-in was not ended by a close that did not happen.
    expect((await e.call('congress.get', {}, lockedStation)).path).toBe(e.path);
    expect((await e.call('station.status', {}, counter)).operator?.role).toBe('counter');
    // The counter may not close it either: another file ends every sign-in, the secretariat's call.
    expect(await e.failure('congress.close', {}, counter)).toMatchObject({
      code: 'forbidden',
      reason: 'role.forbidden',
    });
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('congress.close', {}, secretariat);
  });

  it('congress.open / congress.create / congress.openDemo from a locked station (each would end every sign-in) are refused station.locked; nothing is created, the open congress stays', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const clerk = await signedIn(e, ids, 'clerk', '报到处1');
    const other = makeBackend();
    const otherFile = (await other.call('congress.create', congressInput(other.dir, 'other.congress'))).path;
    await other.call('congress.close', {});
    const created = path.join(e.dir, 'new.congress');
    const attempts: [Channel, unknown][] = [
      ['congress.open', { path: otherFile }],
      ['congress.create', { ...congressInput(e.dir, 'new.congress') }],
      ['congress.openDemo', {}],
    ];
    for (const [channel, input] of attempts) {
      expect(await e.failure(channel, input, lockedStation), channel).toMatchObject({
        code: 'locked',
        reason: 'station.locked',
      });
      // A clerk is refused for its role, the secretariat may.
      expect(await e.failure(channel, input, clerk), channel).toMatchObject({ code: 'forbidden' });
    }
    expect(fs.existsSync(created)).toBe(false);
    expect(fs.readdirSync(path.join(e.dataDir)).includes('demo')).toBe(false);
    expect((await e.call('congress.get', {}, lockedStation)).path).toBe(e.path);
    expect((await e.call('station.status', {}, clerk)).operator?.role).toBe('clerk');
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    expect((await e.call('congress.open', { path: otherFile }, secretariat)).path).toBe(otherFile);
  });

  it('delegates.list and audit.list from a locked station are refused station.locked; audit.list by a clerk is refused role.forbidden, the secretariat and scrutineers read it', async () => {
    const e = await election();
    const ids = await withOperators(e);
    for (const [channel, input] of [
      ['delegates.list', {}],
      ['audit.list', { limit: 10, beforeId: null }],
      ['attendance.list', { meetingId: e.meetingId }],
      ['pledges.signatures', { pledgeIds: [1] }],
    ] as const) {
      expect(await e.failure(channel, input, lockedStation), channel).toMatchObject({
        code: 'locked',
        reason: 'station.locked',
      });
    }
    const clerk = await signedIn(e, ids, 'clerk', '报到处1');
    expect((await e.call('delegates.list', {}, clerk)).length).toBeGreaterThan(0);
    const refused = await e.failure('audit.list', { limit: 10, beforeId: null }, clerk);
    expect(refused).toMatchObject({ code: 'forbidden', reason: 'role.forbidden', value: 'audit.list' });
    expect(refused.message).toContain('audit.list');
    for (const role of ['secretariat', 'scrutineer', 'chief_scrutineer'] as const) {
      const ctx = await signedIn(e, ids, role, `站-${role}`);
      expect((await e.call('audit.list', { limit: 10, beforeId: null }, ctx)).length, role).toBeGreaterThan(0);
    }
  });

  it('the lock screen and the hall board work with nobody signed in: the picker lists names and roles, never a PIN hash', async () => {
    const e = await election();
    await withOperators(e);
    const picker = await e.call('operators.list', {}, lockedStation);
    expect(picker.map((o) => o.role)).toEqual([...ROLES]);
    const raw = JSON.stringify(picker);
    expect(raw).not.toMatch(/scrypt|hash/i);
    for (const o of picker) expect(Object.keys(o).filter((k) => /hash|salt/i.test(k))).toEqual([]);
    for (const pin of Object.values(PINS)) expect(raw).not.toContain(pin);
    expect((await e.call('station.status', {}, lockedStation)).enforced).toBe(true);
    expect((await e.call('congress.get', {}, lockedStation)).path).toBe(e.path);
    expect((await e.call('meetings.list', {}, lockedStation)).length).toBe(1);
    expect((await e.call('attendance.summary', { meetingId: e.meetingId }, lockedStation)).present).toBe(10);
    expect((await e.call('contests.get', { contestId: e.contest.id }, lockedStation)).contest.id).toBe(e.contest.id);
    expect((await e.call('rounds.result', { roundId: e.roundId }, lockedStation)).round.id).toBe(e.roundId);
    expect((await e.call('app.info', {}, lockedStation)).open?.path).toBe(e.path);
  });

  it('with no congress open, or one without operators, every call stays open as before', async () => {
    const e = await election();
    expect((await e.call('audit.list', { limit: 5, beforeId: null }, lockedStation)).length).toBeGreaterThan(0);
    expect((await e.call('delegates.list', {}, lockedStation)).length).toBeGreaterThan(0);
    await e.call('congress.close', {}, lockedStation);
    const created = await e.call('congress.create', congressInput(e.dir, 'second.congress'), lockedStation);
    expect(created.path).toBe(path.join(e.dir, 'second.congress'));
    await e.call('congress.close', {}, lockedStation);
    expect((await e.call('congress.open', { path: e.path }, lockedStation)).path).toBe(e.path);
  });
});

describe('the table, walked channel by channel', () => {
  it('every channel of the contract, as a locked station and as each of the five roles, with an input that is no input: the gate answers as the table says before the input is read, and no refused call writes', async () => {
    const e = await election();
    const ids = await withOperators(e);
    const stations = {} as Record<Role, { operator: string; station: string; session: string }>;
    for (const role of ROLES) stations[role] = await signedIn(e, ids, role, `站-${role}`);
    const unnamed = channels.filter((c) => EXPECTED_RULES[c] === undefined);
    expect(unnamed, 'channels of the contract that tests/core/call-rules.ts does not classify').toEqual([]);

    const tables = dumpTables(e.path);
    const rows = auditRows(e.path);
    let walked = 0;
    for (const channel of channels) {
      for (const who of [null, ...ROLES] as const) {
        const ctx = who === null ? lockedStation : stations[who];
        const r = await e.backend.invoke(channel, NOT_AN_INPUT, ctx);
        const expected = expectedAnswer(channel, who);
        expect(r.ok, `${channel} as ${who ?? 'a locked station'}`).toBe(false);
        if (r.ok) continue;
        expect(
          { code: r.error.code, ...(expected.reason ? { reason: r.error.reason } : {}) },
          `${channel} as ${who ?? 'a locked station'}`,
        ).toEqual(expected);
        walked++;
      }
    }
    expect(walked).toBe(channels.length * (ROLES.length + 1));
    // Nothing refused wrote anything, not even an audit row.
    expect(auditRows(e.path)).toBe(rows);
    expect(dumpTables(e.path)).toEqual(tables);
  });
});
