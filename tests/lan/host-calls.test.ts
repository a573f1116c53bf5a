/**
 * Issue 14, the host's dispatcher: a station's write is committed once per call key, its answer
 * kept with the host's receipt, and the receipt admits the same write on a copy of the file with
 * nobody signed in there (a promoted standby), as the operator the host named — nothing else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StationIdentity } from '../../db/lan/types.js';
import { confirmWithPin } from '../../db/operators/confirm.js';
import { makeBackend, rawDb } from '../db/helpers.js';
import { NAMES, PINS, roundAtCounter, signedIn } from '../db/operators-setup.js';
import { auditLines, callKey, countRows, expectOk, expectRefused, expectVerified, partsOf } from './host-scene.js';

const desk2: StationIdentity = { stationId: 2, name: '计票站 2', kind: 'count' };
const standbyStation: StationIdentity = { stationId: 9, name: '备用主机', kind: 'standby' };

/** The receipt with its operator part (base64url of the name) replaced. */
const withOperator = (receipt: string, name: string) => {
  const [prefix, , mac] = receipt.split('.');
  return `${prefix}.${Buffer.from(name, 'utf8').toString('base64url')}.${mac}`;
};

describe('a station write by its call key (issue 14)', () => {
  it('the same key again answers the same, with the same audit row and receipt, and writes nothing more', async () => {
    const { e, counter } = await roundAtCounter(5);
    const { dispatcher } = partsOf(e);
    const key = callKey();
    const input = e.enterInput('oox-');
    const rowsBefore = auditLines(e.path).length;

    const first = await dispatcher.invokeStation('ballots.enter', input, { ...counter, callKey: key }, desk2);
    expectOk(first.result);
    expect(first.seq).toBe(rowsBefore + 1);
    expect(first.receipt).toMatch(/^r1\./);
    const again = await dispatcher.invokeStation('ballots.enter', input, { ...counter, callKey: key }, desk2);
    expect(again).toEqual(first);
    // The window's own transport with the same key (a station's outbox replayed through its store) too.
    expect(await e.backend.invoke('ballots.enter', input, { ...counter, callKey: key })).toEqual(first.result);

    const rows = auditLines(e.path);
    expect(rows.length).toBe(rowsBefore + 1);
    expect(rows.at(-1)).toMatchObject({ id: first.seq, action: 'ballots.enter', operator: NAMES.counter });
    expect(countRows(e.path, 'ballots')).toBe(1);
    expect(countRows(e.path, 'lan_calls')).toBe(1);
    const db = rawDb(e.path);
    expect(() => db.prepare("UPDATE lan_calls SET result_json = '{}'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM lan_calls').run()).toThrow(/append-only/);
    db.close();
    // A write without a key still says which row it committed, with no receipt (nothing to replay it by).
    const unkeyed = await dispatcher.invokeStation('ballots.enter', input, counter, desk2);
    expect(unkeyed.seq).toBe(rowsBefore + 2);
    expect(unkeyed.receipt).toBeNull();
    expect(countRows(e.path, 'lan_calls')).toBe(1);
  });

  it('a refused write is not kept: its key sent again is decided again', async () => {
    const { e, ids, counter } = await roundAtCounter(1);
    const { dispatcher } = partsOf(e);
    await e.call('ballots.enter', e.enterInput('oox-'), counter);
    const key = callKey();
    const input = e.enterInput('xoo-');
    // One paper collected, one entered: a second is one too many.
    const refused = await dispatcher.invokeStation('ballots.enter', input, { ...counter, callKey: key }, desk2);
    expect(refused.result.ok).toBe(false);
    expect(refused).toMatchObject({ seq: null, receipt: null });
    expect(countRows(e.path, 'lan_calls')).toBe(0);

    // Meanwhile the secretariat records the second paper collected: the same key now commits.
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('rounds.collect', { roundId: e.roundId, collected: 2 }, secretariat);
    const replayed = await dispatcher.invokeStation('ballots.enter', input, { ...counter, callKey: key }, desk2);
    expectOk(replayed.result);
    expect(replayed.seq).not.toBeNull();
    expect(countRows(e.path, 'ballots')).toBe(2);
    expect(countRows(e.path, 'lan_calls')).toBe(1);
  });

  it('a key sent again with another input or channel is refused and changes nothing', async () => {
    const { e, counter } = await roundAtCounter(5);
    const { dispatcher } = partsOf(e);
    const key = callKey();
    expectOk(
      (await dispatcher.invokeStation('ballots.enter', e.enterInput('oox-'), { ...counter, callKey: key }, desk2))
        .result,
    );
    const other = await dispatcher.invokeStation(
      'ballots.enter',
      e.enterInput('xxo-'),
      { ...counter, callKey: key },
      desk2,
    );
    expectRefused(other.result, 'lan.key_reused');
    // Whether a key is known is said only past the gate.
    const stranger = await e.backend.invoke('ballots.enter', e.enterInput('xxo-'), {
      operator: '',
      station: 'x',
      callKey: key,
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'locked' } });
    const elsewhere = await e.backend.invoke('station.lock', {}, { ...counter, callKey: key });
    // A session call keeps no key: it is not looked up either.
    expect(elsewhere.ok).toBe(true);
    expect(countRows(e.path, 'ballots')).toBe(1);
  });

  it('a chief scrutineer’s close sent again by its key is answered without the PIN again', async () => {
    const { e, ids, counter } = await roundAtCounter(2);
    for (const m of ['oox-', 'xoo-']) await e.call('ballots.enter', e.enterInput(m), counter);
    const key = callKey();
    const chief = { operatorId: ids.chief_scrutineer, pin: PINS.chief_scrutineer };
    const closed = await confirmWithPin(
      e.backend,
      'rounds.close',
      { roundId: e.roundId },
      { ...counter, callKey: key },
      chief,
    );
    expectOk(closed);
    const again = await e.backend.invoke('rounds.close', { roundId: e.roundId }, { ...counter, callKey: key });
    expect(again).toEqual(closed);
    // Without the key it is a new close: the round is closed already.
    const fresh = await confirmWithPin(e.backend, 'rounds.close', { roundId: e.roundId }, counter, chief);
    expect(fresh.ok).toBe(false);
    // Still a sign-in: a repeat from a locked station is refused as any call.
    const locked = await e.backend.invoke(
      'rounds.close',
      { roundId: e.roundId },
      { operator: '', station: 'x', callKey: key },
    );
    expect(locked).toMatchObject({ ok: false, error: { code: 'locked' } });
    await expectVerified(e, await signedIn(e, ids, 'secretariat', '秘书处'));
  });

  it('a station cannot open, back up or list the venue on the host; it may lock its own sign-in and sign in', async () => {
    const { e, ids, counter } = await roundAtCounter(5);
    const { dispatcher } = partsOf(e);
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    for (const [channel, input] of [
      ['congress.backup', { path: `${e.dir}/copy.congress` }],
      ['congress.close', {}],
      ['result.verify', { path: e.path }],
      ['congress.open', { path: e.path }],
      ['lan.venue', {}],
      ['lan.newCode', { kind: 'desk' }],
      ['lan.revoke', { stationId: 1 }],
    ] as const) {
      const refused = await dispatcher.invokeStation(channel, input, secretariat, desk2);
      expect(refused.result, channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', reason: 'lan.host_only' },
      });
    }
    expect(expectOk((await dispatcher.invokeStation('congress.get', {}, secretariat, desk2)).result)).toBeTruthy();
    expect(expectOk((await dispatcher.invokeStation('app.info', {}, secretariat, desk2)).result)).toBeTruthy();
    // The host's congress is still open.
    expect(expectOk((await dispatcher.invokeStation('congress.get', {}, secretariat, desk2)).result)).toMatchObject({
      path: e.path,
    });

    // A sign-in through a station is a write like any, but its token is never kept in the file.
    const key = callKey();
    const signIn = await dispatcher.invokeStation(
      'station.signIn',
      { operatorId: ids.clerk, pin: PINS.clerk },
      { operator: '', station: '报到处2', callKey: key },
      desk2,
    );
    const token = (expectOk(signIn.result) as { token: string }).token;
    expect(signIn.seq).not.toBeNull();
    expect(countRows(e.path, 'lan_calls')).toBe(0);
    const db = rawDb(e.path);
    const anywhere = db
      .prepare('SELECT count(*) AS n FROM audit_log WHERE payload LIKE ? OR changes LIKE ?')
      .get(`%${token}%`, `%${token}%`) as { n: number };
    db.close();
    expect(anywhere.n).toBe(0);
    const locked = await dispatcher.invokeStation(
      'station.lock',
      {},
      { operator: '', station: '报到处2', session: token },
      desk2,
    );
    expectOk(locked.result);
    expect(
      await e.backend.invoke('delegates.list', {}, { operator: '', station: '报到处2', session: token }),
    ).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    void counter;
  });
});

describe('the host’s receipt (issue 14)', () => {
  it('admits the acknowledged write on a copy opened by another backend with nobody signed in, as the operator the host named; a forged or altered receipt is refused', async () => {
    const { e, ids, counter } = await roundAtCounter(5);
    const { host, dispatcher } = partsOf(e);
    // The standby's copy, taken before the write (the host dies before the next one).
    const copy = expectOk(await host.snapshot(standbyStation));
    const key = callKey();
    const input = e.enterInput('oox-');
    const first = await dispatcher.invokeStation('ballots.enter', input, { ...counter, callKey: key }, desk2);
    const receipt = first.receipt!;
    expect(receipt).toBeTruthy();

    const standby = makeBackend();
    await standby.call('congress.open', { path: copy.file }, { operator: '备用主机', station: '备用' });
    const replay = { operator: '', station: counter.station, callKey: key };
    // Without the receipt: nobody is signed in here.
    expect((await standby.failure('ballots.enter', input, replay)).code).toBe('locked');
    // Another input, another operator, another station, another key, or no key: not this host's receipt for this call.
    const forged = [
      [e.enterInput('xxo-'), { ...replay, receipt }],
      [input, { ...replay, receipt: withOperator(receipt, NAMES.chief_scrutineer) }],
      [input, { ...replay, station: '计票台9', receipt }],
      [input, { ...replay, callKey: callKey(), receipt }],
      [input, { operator: '', station: counter.station, receipt }],
      [input, { ...replay, receipt: `${receipt.slice(0, -2)}AA` }],
    ] as const;
    for (const [i, [what, ctx]] of forged.entries()) {
      const refused = await standby.failure('ballots.enter', what, ctx);
      expect(refused, `forgery ${i}`).toMatchObject({ code: 'forbidden', reason: 'lan.bad_receipt' });
    }
    expect(countRows(copy.file, 'ballots')).toBe(0);

    const admitted = await standby.backend.invoke('ballots.enter', input, { ...replay, receipt });
    // The same ballot, entered again here (at this laptop's time).
    const { enteredAt: _at, ...entered } = expectOk(first.result) as Record<string, unknown>;
    expect(admitted).toMatchObject({ ok: true, value: entered });
    const rows = auditLines(copy.file);
    expect(rows.at(-1)).toMatchObject({ action: 'ballots.enter', operator: NAMES.counter, station: counter.station });
    // Once here, the key answers what it answered here, once.
    expect(await standby.backend.invoke('ballots.enter', input, { ...replay, receipt })).toEqual(admitted);
    expect(countRows(copy.file, 'ballots')).toBe(1);
    await expectVerified(standby, await signedIn(standby, ids, 'secretariat', '秘书处'));
    await expectVerified(e, await signedIn(e, ids, 'secretariat', '秘书处'));
    standby.backend.close();
    fs.rmSync(path.dirname(copy.file), { recursive: true, force: true });
  });
});
