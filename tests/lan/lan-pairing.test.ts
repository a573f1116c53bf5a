/**
 * Issue 14, pairing over the simulated venue network (laptops in namespaces, tests/lan/netns.ts):
 * a wrong code, an expired code, a code tried too often, an address that tried too often, a
 * revoked station, and a host presenting another congress's certificate on the address a station
 * paired with: each refused, and each try the host saw is in its audit log (never the code).
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_TRIES, CODE_TTL_MS, PAIR_TRIES_PER_ADDRESS } from '../../core/lan/protocol.js';
import { canMakeNamespaces, sayWhySkipped } from './netns.js';
import type { Laptop } from './proc/control.js';
import {
  auditRows,
  type HostCongress,
  hostCongress,
  PORT,
  SETUP_CTX,
  signIn,
  until,
  type Venue,
  venueOf,
} from './scene.js';

const { ok } = canMakeNamespaces();
sayWhySkipped('the venue network scenarios (tests/lan/lan-pairing.test.ts)');

describe.skipIf(!ok)('pairing a station over the venue network', { timeout: 180_000 }, () => {
  let venue: Venue;
  let c: HostCongress;
  let station: Laptop;
  let stranger: Laptop;
  let third: Laptop;

  beforeAll(async () => {
    venue = venueOf(4, 'lan-pairing');
    const host = await venue.start(0, 'host');
    c = await hostCongress(host, { delegates: 12, extra: { clerk: 'clerk' } });
    [station, stranger, third] = await Promise.all([
      venue.start(1, 'station'),
      venue.start(2, 'stranger'),
      venue.start(3, 'third'),
    ]);
  }, 180_000);
  afterAll(async () => {
    await venue?.close();
  });

  const join = (laptop: Laptop, code: string, name = '签到台1') =>
    laptop.invoke('lan.join', { address: c.address, port: PORT, code, name, kind: 'desk' }, SETUP_CTX(name));
  /** A six-digit code that is not `code`. */
  const wrong = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, '0');
  /** The host's pairing rows since `fromId`. */
  const pairRows = async (fromId = 0) =>
    (await auditRows(c.host, c.ctx)).filter((r) => r.id > fromId && r.action.startsWith('lan.pair'));
  const lastId = async () => (await auditRows(c.host, c.ctx)).at(-1)!.id;

  it('a wrong code is refused and audited with the name, kind and address, never the code', async () => {
    const from = await lastId();
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    const typed = wrong(shown.code);
    const r = await join(station, typed);
    expect(r.ok ? 'paired' : r.error.reason).toBe('lan.bad_code');
    expect((await station.call('lan.link', {}, SETUP_CTX('签到台1'))).mode).toBe('alone');
    const rows = await pairRows(from);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.action).toBe('lan.pairRefused');
    const payload = rows[0]!.payload;
    expect(JSON.parse(payload)).toMatchObject({
      name: '签到台1',
      kind: 'desk',
      address: station.address,
      reason: 'lan.bad_code',
    });
    expect(payload).not.toContain(shown.code);
    expect(payload).not.toContain(typed);
  });

  it('a code past its five minutes is refused as expired, and audited', async () => {
    const from = await lastId();
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    await c.host.advance(CODE_TTL_MS + 1_000);
    try {
      const r = await join(station, shown.code);
      expect(r.ok ? 'paired' : r.error.reason).toBe('lan.code_expired');
    } finally {
      await c.host.advance(-(CODE_TTL_MS + 1_000));
    }
    const rows = await pairRows(from);
    expect(rows.map((r) => [r.action, JSON.parse(r.payload).reason])).toEqual([
      ['lan.pairRefused', 'lan.code_expired'],
    ]);
    expect(rows[0]!.payload).not.toContain(shown.code);
  });

  it(`a code tried wrongly ${CODE_TRIES} times is void, even typed right`, async () => {
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    for (let k = 1; k <= CODE_TRIES; k++) {
      const r = await join(station, wrong(shown.code, k));
      // The last wrong try may already say the code is void.
      const expected = k < CODE_TRIES ? ['lan.bad_code'] : ['lan.bad_code', 'lan.code_used_up'];
      expect(expected).toContain(r.ok ? 'paired' : r.error.reason);
    }
    const r = await join(station, shown.code);
    expect(r.ok ? 'paired' : r.error.reason).toBe('lan.code_used_up');
  });

  it(`an address that tried ${PAIR_TRIES_PER_ADDRESS} wrong codes is locked out; another address still pairs`, async () => {
    const from = await lastId();
    let tries = 0;
    // The stranger's tries, and the station's earlier ones, are counted per address: only the stranger's here.
    while (tries < PAIR_TRIES_PER_ADDRESS) {
      const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
      for (let k = 1; k < CODE_TRIES && tries < PAIR_TRIES_PER_ADDRESS; k++, tries++) {
        const r = await join(stranger, wrong(shown.code, k), '陌生机');
        expect(r.ok ? 'paired' : r.error.reason).toBe('lan.bad_code');
      }
    }
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    const locked = await join(stranger, shown.code, '陌生机');
    expect(locked.ok ? 'paired' : locked.error.reason).toBe('lan.address_locked');
    const rows = await pairRows(from);
    expect(rows.filter((r) => JSON.parse(r.payload).address === stranger.address)).toHaveLength(tries + 1);
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ reason: 'lan.address_locked', address: stranger.address });
  });

  it('a revoked station is refused from its next call on, and the revocation is audited', async () => {
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    const joined = await join(station, shown.code);
    if (!joined.ok) expect.fail(`pairing: ${JSON.stringify(joined.error)}`);
    expect(joined.value).toMatchObject({ mode: 'station', kind: 'desk', online: true, congress: { uid: c.uid } });
    // The pin is the certificate the host showed.
    expect(joined.value.host?.fingerprint).toBe(c.fingerprint);
    const rows = await pairRows();
    expect(JSON.parse(rows.at(-1)!.payload)).toMatchObject({ name: '签到台1', kind: 'desk', address: station.address });
    expect(rows.at(-1)!.action).toBe('lan.pair');

    const ctx = await signIn(station, c.operators.clerk!, '签到台1');
    const first = await station.invoke(
      'attendance.checkIn',
      { meetingId: c.meetingId, delegateId: c.voters[0]!.id },
      ctx,
    );
    expect(first.ok).toBe(true);
    const listed = await c.host.call('lan.venue', {}, c.ctx);
    const row = listed.stations.find((s) => s.name === '签到台1' && s.revokedAt === null)!;
    expect(row.address).toBe(station.address);
    await c.host.call('lan.revoke', { stationId: row.id }, c.ctx);
    const revokedRow = (await auditRows(c.host, c.ctx)).at(-1)!;
    expect(revokedRow.action).toBe('lan.revoke');

    const after = await station.invoke(
      'attendance.checkIn',
      { meetingId: c.meetingId, delegateId: c.voters[1]!.id },
      ctx,
    );
    expect(after.ok ? 'checked in' : after.error.reason).toBe('lan.revoked');
    expect(await station.call('lan.link', {}, ctx)).toMatchObject({ problem: 'revoked', online: false });
    const list = await c.host.call('attendance.list', { meetingId: c.meetingId }, c.ctx);
    expect(list.map((r) => r.delegateId)).not.toContain(c.voters[1]!.id);
  });

  it("a host on the paired address with another congress's certificate gets nothing: the station refuses it by the pin", async () => {
    const shown = await c.host.call('lan.newCode', { kind: 'desk' }, c.ctx);
    const joined = await join(third, shown.code, '签到台2');
    if (!joined.ok) expect.fail(`pairing: ${JSON.stringify(joined.error)}`);
    const ctx = await signIn(third, c.operators.clerk!, '签到台2');

    // Host A goes; another laptop (another congress, its own certificate) takes its address and port.
    await c.host.close();
    const other = await venue.start(0, 'host B', 'laptopB');
    const b = await hostCongress(other, { delegates: 5 });
    expect(b.fingerprint).not.toBe(c.fingerprint);

    const r = await third.invoke('attendance.checkIn', { meetingId: c.meetingId, delegateId: c.voters[2]!.id }, ctx);
    // Not sent: the write stays in the outbox for the real host, and the station says why.
    expect(r.ok ? 'sent' : r.error.code).toBe('queued');
    const link = await until('the station names the certificate', async () => {
      const l = await third.call('lan.link', {}, ctx);
      return l.problem === 'certificate' ? l : null;
    });
    expect(link).toMatchObject({ online: false, queued: 1, host: { fingerprint: c.fingerprint } });
    // Host B never heard a call: no station of its own, nothing in its log but its own scene.
    const venueB = await other.call('lan.venue', {}, b.ctx);
    expect(venueB.stations).toEqual([]);
    const rowsB = await auditRows(other, b.ctx);
    expect(rowsB.filter((row) => row.action.startsWith('lan.') && row.action !== 'lan.openVenue')).toEqual([]);
    expect(rowsB.filter((row) => row.action === 'attendance.checkIn')).toEqual([]);
  });
});
