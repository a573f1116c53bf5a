/**
 * Issue 14, pairing on the host: 「a short-lived station code … Pairing tries are limited and
 * audited」. A real congress file, the LanHost as the Venue calls it, the clock moved through
 * BackendOptions.now; and once through the real Venue on 127.0.0.1 with the host's lan.* calls.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditSentence } from '../../core/audit/sentences.js';
import { CODE_TRIES, CODE_TTL_MS, PAIR_LOCK_MS, PAIR_TRIES_PER_ADDRESS } from '../../core/lan/protocol.js';
import { pairProof } from '../../db/lan/pairing-proof.js';
import { congressWith, desk, makeBackend, rawDb, tempDir } from '../db/helpers.js';
import {
  auditLines,
  countRows,
  expectOk,
  expectRefused,
  expectVerified,
  movableClock,
  nonce,
  pairStation,
  partsOf,
  VENUE,
} from './host-scene.js';

async function hostWithClock() {
  const clock = movableClock();
  const tb = await congressWith([], makeBackend(tempDir(), { now: clock.now }));
  return { tb, clock, host: partsOf(tb).host };
}

/** Whether the code appears in any row's payload or changes as a number of its own (never it should). */
function codeInAudit(file: string, code: string): boolean {
  const standalone = new RegExp(`(^|[^0-9])${code}([^0-9]|$)`);
  return auditLines(file).some((r) => standalone.test(r.payload) || standalone.test(r.changes ?? ''));
}

const pairRows = (file: string) =>
  auditLines(file)
    .filter((r) => r.action === 'lan.pair' || r.action === 'lan.pairRefused')
    .map((r) => ({ action: r.action, operator: r.operator, ...JSON.parse(r.payload) }));

describe('pairing a station (issue 14)', () => {
  it('the right code pairs once: a credential kept only as its digest, the proof bound to the certificate and nonce, audited without the code', async () => {
    const { tb, host } = await hostWithClock();
    const code = expectOk(host.newCode('desk', VENUE));
    expect(code).toMatchObject({ kind: 'desk', address: '127.0.0.1', port: 47310, fingerprint: VENUE.fingerprint });
    expect(code.code).toMatch(/^\d{6}$/);
    expect(code.qr).toBe(`CDHOST/1/127.0.0.1/47310/${VENUE.fingerprint}/${code.code}`);
    const n = nonce();
    const answer = expectOk(
      await host.pair({ code: code.code, name: '签到台 2', kind: 'desk', nonce: n }, '127.0.0.7', VENUE.fingerprint!),
    );
    expect(answer.proof).toBe(pairProof(code.code, VENUE.fingerprint!, n));
    expect(answer.proof).not.toBe(pairProof(code.code, 'cd'.repeat(32), n));
    expect(answer.standby).toBeNull();
    const congress = await tb.call('congress.get', {});
    expect(answer.congress).toEqual({ uid: congress.congress.uid, name: congress.congress.name });
    expect(answer.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(expectOk(host.authenticate(`Station ${answer.stationId}.${answer.secret}`))).toEqual({
      stationId: answer.stationId,
      name: '签到台 2',
      kind: 'desk',
    });

    const db = rawDb(tb.path);
    const row = db.prepare('SELECT * FROM lan_stations').get() as Record<string, unknown>;
    db.close();
    expect(row.secret_sha256).toBe(createHash('sha256').update(answer.secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(answer.secret);
    // One code pairs one station: it shows no more, and the same code again pairs nothing.
    expect(host.status(VENUE).code).toBeNull();
    expectRefused(
      await host.pair(
        { code: code.code, name: '签到台 3', kind: 'desk', nonce: nonce() },
        '127.0.0.8',
        VENUE.fingerprint!,
      ),
      'lan.code_expired',
    );

    expect(pairRows(tb.path)).toEqual([
      {
        action: 'lan.pair',
        operator: 'system',
        stationId: answer.stationId,
        name: '签到台 2',
        kind: 'desk',
        address: '127.0.0.7',
      },
      {
        action: 'lan.pairRefused',
        operator: 'system',
        name: '签到台 3',
        kind: 'desk',
        address: '127.0.0.8',
        reason: 'lan.code_expired',
      },
    ]);
    expect(codeInAudit(tb.path, code.code)).toBe(false);
    expect(JSON.stringify(auditLines(tb.path))).not.toContain(answer.secret);
    // The log reads them as sentences, in both languages.
    const names = await tb.call('audit.names', {}, desk);
    const [paired, refused] = auditLines(tb.path).filter((r) => r.action.startsWith('lan.pair'));
    expect(auditSentence(paired!, names, 'zh-CN')).toBe('系统 站点「签到台 2」(签到台)从 127.0.0.7 配对成功');
    expect(auditSentence(refused!, names, 'en')).toBe(
      'The system refused to pair the station “签到台 3” (check-in desk) from 127.0.0.8: no code showing, or it expired',
    );
    expect(host.status(VENUE).stations).toMatchObject([
      { id: answer.stationId, name: '签到台 2', kind: 'desk', revokedAt: null },
    ]);
    await expectVerified(tb, desk);
  });

  it('a wrong code counts its tries down, the last one voids it; an expired code and a code for another kind are refused; every try audited', async () => {
    const { tb, clock, host } = await hostWithClock();
    const code = expectOk(host.newCode('count', VENUE)).code;
    const wrong = code === '000000' ? '000001' : '000000';
    const tryCode = (c: string, kind: 'count' | 'desk' = 'count', from = '127.0.0.20') =>
      host.pair({ code: c, name: '计票站 1', kind, nonce: nonce() }, from, VENUE.fingerprint!);

    // The right code for another kind of station: said, and no try spent.
    expect(expectRefused(await tryCode(code, 'desk'), 'lan.code_other_kind').params).toEqual({ kind: 'count' });
    for (let left = CODE_TRIES - 1; left >= 1; left--) {
      expect(expectRefused(await tryCode(wrong), 'lan.bad_code').params).toEqual({ left });
    }
    expectRefused(await tryCode(wrong), 'lan.code_used_up');
    // Void: the right code no longer pairs.
    expectRefused(await tryCode(code), 'lan.code_used_up');
    expect(host.status(VENUE).code).toBeNull();

    const fresh = expectOk(host.newCode('count', VENUE)).code;
    clock.move(CODE_TTL_MS + 1);
    expectRefused(await tryCode(fresh), 'lan.code_expired');
    const rows = pairRows(tb.path);
    expect(rows.map((r) => r.reason)).toEqual([
      'lan.code_other_kind',
      ...Array(CODE_TRIES - 1).fill('lan.bad_code'),
      'lan.code_used_up',
      'lan.code_used_up',
      'lan.code_expired',
    ]);
    expect(rows.every((r) => r.action === 'lan.pairRefused' && r.address === '127.0.0.20')).toBe(true);
    expect(codeInAudit(tb.path, code) || codeInAudit(tb.path, fresh) || codeInAudit(tb.path, wrong)).toBe(false);
    expect(countRows(tb.path, 'lan_stations')).toBe(0);
    await expectVerified(tb, desk);
  });

  it('an address with too many wrong tries is locked out for a while, whatever the code; others are not', async () => {
    const { tb, clock, host } = await hostWithClock();
    let code = expectOk(host.newCode('desk', VENUE)).code;
    const wrong = () => (code === '999999' ? '999998' : '999999');
    for (let i = 0; i < PAIR_TRIES_PER_ADDRESS; i++) {
      // A code voided by its own wrong tries is made again, as the secretariat would.
      if (host.status(VENUE).code === null) code = expectOk(host.newCode('desk', VENUE)).code;
      const r = await host.pair(
        { code: wrong(), name: '陌生人', kind: 'desk', nonce: nonce() },
        '127.0.0.66',
        VENUE.fingerprint!,
      );
      expect(r.ok).toBe(false);
    }
    code = expectOk(host.newCode('desk', VENUE)).code;
    const locked = expectRefused(
      await host.pair({ code, name: '陌生人', kind: 'desk', nonce: nonce() }, '127.0.0.66', VENUE.fingerprint!),
      'lan.address_locked',
    );
    expect(locked.params).toEqual({ address: '127.0.0.66', minutes: PAIR_LOCK_MS / 60_000 });
    // The lock did not spend the code: another desk pairs with it.
    expectOk(
      await host.pair({ code, name: '签到台 1', kind: 'desk', nonce: nonce() }, '127.0.0.67', VENUE.fingerprint!),
    );
    clock.move(PAIR_LOCK_MS);
    code = expectOk(host.newCode('desk', VENUE)).code;
    expectOk(
      await host.pair({ code, name: '签到台 2', kind: 'desk', nonce: nonce() }, '127.0.0.66', VENUE.fingerprint!),
    );
    expect(pairRows(tb.path).filter((r) => r.reason === 'lan.address_locked')).toHaveLength(1);
    await expectVerified(tb, desk);
  });

  it('a revoked station’s credential is refused; a wrong or malformed one too; revoking is audited and replayed', async () => {
    const { tb, host } = await hostWithClock();
    const a = await pairStation(tb, 'desk', '签到台 1');
    const b = await pairStation(tb, 'count', '计票站 1');
    for (const bad of [
      undefined,
      '',
      'Bearer x',
      `Station ${a.answer.stationId}.${b.answer.secret}`,
      `Station 999.${a.answer.secret}`,
      `Station ${a.answer.stationId}.${a.answer.secret}x`,
    ]) {
      expectRefused(host.authenticate(bad), 'lan.bad_credential');
    }
    const status = await tb.call('lan.revoke', { stationId: a.answer.stationId }, desk);
    expect(status.stations.find((s) => s.id === a.answer.stationId)?.revokedAt).not.toBeNull();
    expect(expectRefused(host.authenticate(a.authorization), 'lan.revoked').params).toEqual({ name: '签到台 1' });
    expect(expectOk(host.authenticate(b.authorization)).name).toBe('计票站 1');
    expect((await tb.failure('lan.revoke', { stationId: a.answer.stationId }, desk)).reason).toBe(
      'lan.already_revoked',
    );
    expect((await tb.failure('lan.revoke', { stationId: 77 }, desk)).reason).toBe('lan.no_station');
    const revoked = auditLines(tb.path).filter((r) => r.action === 'lan.revoke');
    expect(revoked.map((r) => JSON.parse(r.payload))).toEqual([
      { stationId: a.answer.stationId, name: '签到台 1', kind: 'desk' },
    ]);
    // The revocation is in the row's changes: the replay vouches for it.
    expect(revoked[0]!.changes).toContain('lan_stations');
    // A revoked row cannot be un-revoked behind the app's back.
    const db = rawDb(tb.path);
    expect(() => db.prepare('UPDATE lan_stations SET revoked_at = NULL').run()).toThrow(/revoked, never changed/);
    expect(() => db.prepare('DELETE FROM lan_stations').run()).toThrow(/append-only/);
    db.close();
    await expectVerified(tb, desk);
  });

  it('one standby at a time; nothing pairs with no congress open', async () => {
    const { tb, host } = await hostWithClock();
    const standby = await pairStation(tb, 'standby', '备用主机');
    const code = expectOk(host.newCode('standby', VENUE)).code;
    expect(
      expectRefused(
        await host.pair({ code, name: '备用 2', kind: 'standby', nonce: nonce() }, '127.0.0.30', VENUE.fingerprint!),
        'lan.standby_paired',
      ).params,
    ).toEqual({ name: '备用主机' });
    await tb.call('lan.revoke', { stationId: standby.answer.stationId }, desk);
    expectOk(
      await host.pair({ code, name: '备用 2', kind: 'standby', nonce: nonce() }, '127.0.0.30', VENUE.fingerprint!),
    );

    await tb.call('congress.close', {}, desk);
    expect(host.newCode('desk', VENUE).ok).toBe(false);
    expectRefused(
      await host.pair({ code, name: 'x', kind: 'desk', nonce: nonce() }, '127.0.0.31', VENUE.fingerprint!),
      'congress.none_open',
    );
    expectRefused(host.authenticate(standby.authorization), 'lan.bad_credential');
  });
});

describe('the host’s lan.* calls (issue 14)', () => {
  it('opens the venue on 127.0.0.1, shows a code while open, lists the stations, closes; audited without the code', async () => {
    const tb = await congressWith([]);
    expect((await tb.failure('lan.newCode', { kind: 'desk' }, desk)).reason).toBe('lan.venue_closed');
    const port = 40_000 + Math.floor(Math.random() * 20_000);
    const opened = await tb.call('lan.openVenue', { address: '127.0.0.1', port }, desk);
    expect(opened).toMatchObject({ open: true, address: '127.0.0.1', port, code: null, stations: [], standby: null });
    expect(opened.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const code = await tb.call('lan.newCode', { kind: 'count' }, desk);
    expect(code.qr).toBe(`CDHOST/1/127.0.0.1/${port}/${opened.fingerprint}/${code.code}`);
    expect((await tb.call('lan.venue', {}, desk)).code).toEqual(code);
    // A new code: the one before stops working.
    const next = await tb.call('lan.newCode', { kind: 'count' }, desk);
    const { host } = partsOf(tb);
    if (next.code !== code.code) {
      expectRefused(
        await host.pair(
          { code: code.code, name: '计票站 1', kind: 'count', nonce: nonce() },
          '127.0.0.2',
          opened.fingerprint!,
        ),
        'lan.bad_code',
      );
    }
    expectOk(
      await host.pair(
        { code: next.code, name: '计票站 1', kind: 'count', nonce: nonce() },
        '127.0.0.2',
        opened.fingerprint!,
      ),
    );
    expect((await tb.call('lan.venue', {}, desk)).stations.map((s) => s.name)).toEqual(['计票站 1']);
    const closed = await tb.call('lan.closeVenue', {}, desk);
    expect(closed).toMatchObject({ open: false, code: null });
    const actions = auditLines(tb.path).map((r) => r.action);
    expect(actions.filter((a) => a.startsWith('lan.'))).toEqual([
      'lan.openVenue',
      'lan.newCode',
      'lan.newCode',
      ...(next.code !== code.code ? ['lan.pairRefused'] : []),
      'lan.pair',
      'lan.closeVenue',
    ]);
    expect(codeInAudit(tb.path, code.code) || codeInAudit(tb.path, next.code)).toBe(false);
    expect(tb.events.some((e) => e.topic === 'lan')).toBe(true);
    await expectVerified(tb, desk);
  });
});
