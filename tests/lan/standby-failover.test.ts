/**
 * The standby end to end, through the stores as the laptops run them (createBackend on both): the
 * standby joins the host's venue network with a standby code, its link keeps the copy by itself
 * (db/lan/standby/copy.ts, started by db/lan/station/), the host goes away, and the chief's PIN
 * promotes it: its own store then answers the congress, with every write the host acknowledged
 * up to the copy it held.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LinkStatus } from '../../core/contract/lan.js';
import { verifyAuditChain } from '../../db/audit/log.js';
import { makeBackend } from '../db/helpers.js';
import { PINS } from '../db/operators-setup.js';
import { freePort, hostCongress, lastSeq, read } from './standby-setup.js';

const closing: (() => void)[] = [];
afterEach(() => {
  for (const close of closing.splice(0)) close();
});

const here = { operator: '备用机值守', station: '备用主机' };

describe('the standby laptop', () => {
  it('keeps the copy by itself once joined, and is promoted after the host is gone', async () => {
    const h = await hostCongress(2);
    const port = await freePort();
    await h.tb.call('lan.openVenue', { address: '127.0.0.1', port }, h.desk);
    const code = await h.tb.call('lan.newCode', { kind: 'standby' }, h.desk);
    const standby = makeBackend();
    const link = async () => {
      const r = await standby.backend.invoke('lan.link', {}, here);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value as LinkStatus;
    };
    const joined = await standby.backend.invoke(
      'lan.join',
      { address: '127.0.0.1', port, code: code.code, name: '备用主机', kind: 'standby' },
      here,
    );
    expect(joined.ok, JSON.stringify(joined)).toBe(true);
    // A copy at pairing, then after the host's writes: the link and its copy loop do it unasked.
    await vi.waitFor(async () => expect((await link()).copy?.seq).toBeGreaterThan(0), { timeout: 20_000 });
    await h.checkIn(5);
    await h.checkIn(6);
    const acknowledged = lastSeq(h.path);
    await vi.waitFor(async () => expect((await link()).copy?.seq).toBeGreaterThanOrEqual(acknowledged), {
      timeout: 30_000,
      interval: 200,
    });
    const hostRows = read(h.path, (db) => db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all());

    // The host laptop dies; the standby's link sees it gone.
    h.tb.backend.close();
    await vi.waitFor(async () => expect((await link()).online).toBe(false), { timeout: 30_000, interval: 200 });

    const wrong = await standby.backend.invoke(
      'lan.promote',
      { operatorId: h.ids.chief_scrutineer, pin: '999999' },
      here,
    );
    expect(wrong).toMatchObject({ ok: false, error: { reason: 'operator.pin_wrong' } });
    const promoted = await standby.backend.invoke(
      'lan.promote',
      { operatorId: h.ids.chief_scrutineer, pin: PINS.chief_scrutineer },
      here,
    );
    expect(promoted.ok, JSON.stringify(promoted)).toBe(true);
    expect((await link()).mode).toBe('promoted');

    // Its own store answers now, not a host: the congress is the copy, every acknowledged row in it.
    const file = await standby.call('congress.get', {}, here);
    const rows = read(file.path, (db) => db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all());
    expect(rows.slice(0, hostRows.length)).toEqual(hostRows);
    expect(read(file.path, (db) => verifyAuditChain(db).ok)).toBe(true);
    const actions = read(file.path, (db) =>
      db.prepare('SELECT action FROM audit_log WHERE id > ? ORDER BY id').pluck().all(hostRows.length),
    );
    expect(actions).toContain('lan.promoted');
    const venue = await standby.backend.invoke('lan.venue', {}, here);
    // The venue's status is the secretariat's (nobody is signed in here yet): asked with no
    // sign-in it is refused as locked, which shows the congress with operators is open here.
    expect(venue).toMatchObject({ ok: false, error: { code: 'locked' } });
  }, 120_000);
});
