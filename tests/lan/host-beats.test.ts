/**
 * Issue 14, what the host learns from its stations: the beats (who is signed in where, what waits
 * in each outbox, the papers not yet here — 「A round cannot close while a station still holds
 * papers for it」), and how far the copy off the host has reached (safeSeq: the standby's held
 * copy, or the backup folder's).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEAT_MS } from '../../core/lan/protocol.js';
import { auditHead } from '../../db/audit/log.js';
import { congressWith, desk, makeBackend, rawDb, tempDir } from '../db/helpers.js';
import { PINS, roundAtCounter, signedIn } from '../db/operators-setup.js';
import {
  auditLines,
  expectOk,
  expectRefused,
  expectVerified,
  movableClock,
  nonce,
  pairStation,
  partsOf,
  VENUE,
} from './host-scene.js';

const beatOf = (
  pending: { roundId: number; papers: number }[],
  queued = pending.length,
  operator: string | null = '计票人 张强',
) => ({
  queued,
  unsafe: 0,
  pending,
  operator,
});

const headOf = (file: string) => {
  const db = rawDb(file);
  try {
    return auditHead(db)?.id ?? 0;
  } finally {
    db.close();
  }
};

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a round cannot close while a station holds papers for it (issue 14)', () => {
  it('refused before the chief’s PIN and in the close itself, naming the station and its papers; lifted when its beat says none, or when it is revoked', async () => {
    const { e, ids, counter, asChief } = await roundAtCounter(3);
    for (const m of ['oox-', 'xoo-']) await e.call('ballots.enter', e.enterInput(m), counter);
    const { host } = partsOf(e);
    const one = await pairStation(e, 'count', '计票站 1');
    const two = await pairStation(e, 'count', '计票站 2');
    // 计票站 1 keyed the third paper while cut off; 计票站 2 holds papers of another round only.
    host.beat(one.identity, beatOf([{ roundId: e.roundId, papers: 1 }]), '127.0.0.11');
    host.beat(two.identity, beatOf([{ roundId: e.roundId + 100, papers: 4 }]), '127.0.0.12');

    const asked = await e.failure('rounds.close', { roundId: e.roundId }, counter);
    expect(asked).toMatchObject({
      code: 'conflict',
      reason: 'lan.papers_at_station',
      params: { station: '计票站 1', papers: 1 },
    });
    // Even with the chief's PIN (and were the round otherwise ready): the close itself refuses.
    await e.call('ballots.enter', e.enterInput('oxo-'), counter);
    const refused = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer);
    expectRefused(refused, 'lan.papers_at_station');
    expect(partsOf(e).host.papersAt(e.roundId)).toEqual([
      { stationId: one.answer.stationId, station: '计票站 1', papers: 1 },
    ]);

    // Its paper arrived (a beat with nothing pending): no longer held. Then 计票站 2 beats papers for this round.
    host.beat(one.identity, beatOf([]), '127.0.0.11');
    host.beat(two.identity, beatOf([{ roundId: e.roundId, papers: 2 }]), '127.0.0.12');
    expect(
      expectRefused(
        await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer),
        'lan.papers_at_station',
      ).params,
    ).toEqual({
      station: '计票站 2',
      papers: 2,
    });
    // The secretariat decides its papers are not waited for: revoked, audited, and the round closes.
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('lan.revoke', { stationId: two.answer.stationId }, secretariat);
    const closed = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer);
    expect(closed).toMatchObject({ ok: true, value: { result: { round: { status: 'closed' } } } });
    await expectVerified(e, secretariat);
  });
  it('a counting station gone silent after keying papers of the round holds the close too (what it keyed since is not known), until heard again or revoked', async () => {
    const clock = movableClock();
    const { e, ids, counter, asChief } = await roundAtCounter(3, makeBackend(tempDir(), { now: clock.now }));
    const { host } = partsOf(e);
    const one = await pairStation(e, 'count', '计票站 1');
    const other = await pairStation(e, 'count', '计票站 2');
    for (const m of ['oox-', 'xoo-', 'oxo-']) {
      const sent = await host.invoke(
        one.identity,
        { channel: 'ballots.enter', input: e.enterInput(m), ctx: { ...counter, station: '计票站 1' } },
        '127.0.0.11',
      );
      expect(sent.result).toMatchObject({ ok: true });
    }
    host.beat(one.identity, beatOf([]), '127.0.0.11');
    // 计票站 2 keyed nothing of this round: its silence holds nothing.
    host.beat(other.identity, beatOf([]), '127.0.0.12');
    expect(host.papersAt(e.roundId)).toEqual([]);

    // Four beats without a word from 计票站 1 (a pulled cable): the close waits for it.
    clock.move(4 * BEAT_MS);
    const refused = expectRefused(
      await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer),
      'lan.station_silent',
    );
    expect(refused.params).toEqual({ station: '计票站 1', seconds: 8, papers: 0 });
    expect(refused.message).toContain('计票站 1');

    // Heard again, holding nothing: the round may close.
    host.beat(one.identity, beatOf([]), '127.0.0.11');
    expect(host.papersAt(e.roundId)).toEqual([]);
    // Silent again; the secretariat revokes it instead of waiting: the close goes through.
    clock.move(4 * BEAT_MS);
    expect(host.papersAt(e.roundId)).toMatchObject([{ station: '计票站 1', silentSeconds: 8 }]);
    const secretariat = await signedIn(e, ids, 'secretariat', '秘书处');
    await e.call('lan.revoke', { stationId: one.answer.stationId }, secretariat);
    const closed = await asChief('rounds.close', { roundId: e.roundId }, ids.chief_scrutineer, PINS.chief_scrutineer);
    expect(closed).toMatchObject({ ok: true, value: { result: { round: { status: 'closed' } } } });
    await expectVerified(e, secretariat);
  });
});

describe('beats and the copy off the host (issue 14)', () => {
  it('lan.venue lists what each station’s last beat said; a beat that changes it announces `lan` (no audit row), the same beat again announces nothing', async () => {
    const clock = movableClock();
    const tb = await congressWith([], makeBackend(tempDir(), { now: clock.now }));
    const { host } = partsOf(tb);
    const a = await pairStation(tb, 'desk', '签到台 1');
    tb.events.length = 0;
    const rowsBefore = auditLines(tb.path).length;
    const answer = host.beat(a.identity, { queued: 12, unsafe: 3, pending: [], operator: '报到员 李华' }, '127.0.0.41');
    expect(answer).toEqual({ safeSeq: 0, headSeq: headOf(tb.path), standby: null });
    expect(tb.events).toEqual([{ topic: 'lan' }]);
    host.beat(a.identity, { queued: 12, unsafe: 3, pending: [], operator: '报到员 李华' }, '127.0.0.41');
    expect(tb.events).toHaveLength(1);
    // Unheard for more than three beats, then heard again: shown as back.
    clock.move(3 * BEAT_MS + 1);
    host.beat(a.identity, { queued: 12, unsafe: 3, pending: [], operator: '报到员 李华' }, '127.0.0.41');
    expect(tb.events).toHaveLength(2);
    expect(auditLines(tb.path)).toHaveLength(rowsBefore);
    const status = await tb.call('lan.venue', {}, desk);
    expect(status.stations).toMatchObject([
      {
        name: '签到台 1',
        kind: 'desk',
        address: '127.0.0.41',
        operator: '报到员 李华',
        queued: 12,
        unsafe: 3,
        pending: [],
      },
    ]);
    expect(status.stations[0]!.lastSeen).not.toBeNull();
  });

  it('a standby’s held copy counts as safe only when it is a snapshot this host gave it; its address is recorded once, audited, and given to the stations', async () => {
    const tb = await congressWith([]);
    const { host } = partsOf(tb);
    const desk1 = await pairStation(tb, 'desk', '签到台 1');
    const standby = await pairStation(tb, 'standby', '备用主机');
    const safes: number[] = [];
    host.onSafe((s) => safes.push(s));
    expect(host.safeSeq()).toBe(0);

    expectRefused(await host.snapshot(desk1.identity), 'lan.not_standby');
    expectRefused(host.held(desk1.identity, { seq: 1, sha256: '0'.repeat(64) }), 'lan.not_standby');
    const snap = expectOk(await host.snapshot(standby.identity));
    expect(snap.seq).toBe(headOf(tb.path));
    const sha256 = sha256Of(snap.file);
    // A copy this host never gave, or one claimed to reach further than it does: not counted.
    expect(expectOk(host.held(standby.identity, { seq: snap.seq, sha256: 'f'.repeat(64) })).safeSeq).toBe(0);
    expect(expectOk(host.held(standby.identity, { seq: snap.seq + 5, sha256 })).safeSeq).toBe(0);
    const peer = { address: '127.0.0.50', port: 47311, fingerprint: 'cd'.repeat(32) };
    expect(expectOk(host.held(standby.identity, { seq: snap.seq, sha256, standby: peer }))).toMatchObject({
      safeSeq: snap.seq,
    });
    expect(safes).toEqual([snap.seq]);
    // The peer's row lands through the queue: the next call comes after it.
    await tb.call('congress.get', {});
    expect(host.beat(desk1.identity, beatOf([]), '127.0.0.41')).toMatchObject({ safeSeq: snap.seq, standby: peer });
    host.held(standby.identity, { seq: snap.seq, sha256, standby: peer });
    await tb.call('congress.get', {});
    const recorded = auditLines(tb.path).filter((r) => r.action === 'lan.standby');
    expect(recorded.map((r) => JSON.parse(r.payload))).toEqual([
      { stationId: standby.answer.stationId, name: '备用主机', ...peer },
    ]);
    // A station paired now learns the standby at pairing.
    const code = expectOk(host.newCode('desk', VENUE)).code;
    const later = expectOk(
      await host.pair({ code, name: '签到台 2', kind: 'desk', nonce: nonce() }, '127.0.0.42', VENUE.fingerprint!),
    );
    expect(later.standby).toEqual(peer);
    const status = await tb.call('lan.venue', {}, desk);
    expect(status.standby).toMatchObject({ stationId: standby.answer.stationId, name: '备用主机', heldSeq: snap.seq });
    expect(status.safeSeq).toBe(snap.seq);

    // The snapshot is the congress as it was, its last row the seq it says.
    const copy = rawDb(snap.file);
    expect(auditHead(copy)?.id).toBe(snap.seq);
    copy.close();
    fs.rmSync(path.dirname(snap.file), { recursive: true, force: true });

    // A revoked standby's copy is not counted.
    await tb.call('lan.revoke', { stationId: standby.answer.stationId }, desk);
    expect(host.safeSeq()).toBe(0);
    await expectVerified(tb, desk);
  });

  it('a station’s call through the LanHost: the dispatcher’s answer with its row, receipt and safeSeq; the station is seen', async () => {
    const tb = await congressWith([]);
    const { host } = partsOf(tb);
    const a = await pairStation(tb, 'desk', '签到台 1');
    const call = {
      channel: 'meetings.create',
      input: { name: '预备会议', date: '2026-03-19' },
      ctx: { ...desk, callKey: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b' },
    };
    const answer = await host.invoke(a.identity, call, '127.0.0.43');
    expect(answer).toMatchObject({ result: { ok: true }, seq: headOf(tb.path), safeSeq: 0 });
    expect(answer.receipt).toMatch(/^r1\./);
    expect(await host.invoke(a.identity, call, '127.0.0.43')).toEqual(answer);
    expect((await tb.call('meetings.list', {})).filter((m) => m.name === '预备会议')).toHaveLength(1);
    expect((await tb.call('lan.venue', {}, desk)).stations[0]).toMatchObject({ address: '127.0.0.43' });
    expect((await tb.call('lan.venue', {}, desk)).stations[0]!.lastSeen).not.toBeNull();
    // A host-only call from the station: refused, nothing committed.
    const refused = await host.invoke(
      a.identity,
      { channel: 'lan.newCode', input: { kind: 'desk' }, ctx: desk },
      '127.0.0.43',
    );
    expect(refused).toMatchObject({
      result: { ok: false, error: { reason: 'lan.host_only' } },
      seq: null,
      receipt: null,
    });
  });

  it('a copy in the backup folder counts too: safeSeq is the last audit row it holds', async () => {
    const tb = await congressWith([]);
    const { host, dispatcher } = partsOf(tb);
    const safes: number[] = [];
    host.onSafe((s) => safes.push(s));
    const folder = tempDir();
    await tb.call('congress.updateSettings', { backupDir: folder }, desk);
    await dispatcher.backups.backupNow('round_closed');
    const seq = headOf(tb.path);
    expect(dispatcher.backups.last).toMatchObject({ seq });
    expect(host.safeSeq()).toBe(seq);
    expect(safes).toEqual([seq]);
    const copy = rawDb(dispatcher.backups.last!.path);
    expect(auditHead(copy)?.id).toBe(seq);
    copy.close();
  });
});
