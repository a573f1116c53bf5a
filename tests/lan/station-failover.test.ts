/**
 * Issue 14: a desk's link when the host dies (design.md "Failover"), all real and in this
 * process: the host's store with its venue on 127.0.0.1, a standby laptop's store joined to it by
 * `lan.join` (its link keeps the copy), a desk's link. The host's venue goes away for good; the
 * standby is promoted with the chief's PIN (`lan.promote`); the desk turns to it by itself and
 * sends it every write the host acknowledged that the copy may not hold (with the host's
 * receipts, no sign-in needed), then what it had queued (with the next sign-in). Every
 * acknowledged check-in is on the promoted standby, once.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { LinkStatus } from '../../core/contract/lan.js';
import { readState } from '../../db/lan/station/state.js';
import { makeBackend } from '../db/helpers.js';
import { PINS } from '../db/operators-setup.js';
import {
  BEAT_MS,
  CALL_TIMEOUT_MS,
  checkIn,
  freePort,
  host,
  join,
  signInAt,
  stationLink,
  until,
  value,
} from './station-setup.js';

const wire = vi.hoisted(() => ({ standbyPort: 0 }));

// The standby's store makes its link itself (db/lan/runtime.ts): with the tests' timings and a
// port of its own for the venue it opens once promoted.
vi.mock('../../db/lan/station/link.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../db/lan/station/link.js')>();
  return {
    ...real,
    createStationLink: (options: Parameters<typeof real.createStationLink>[0]) =>
      real.createStationLink({
        beatMs: 100,
        callTimeoutMs: 2_500,
        ...(wire.standbyPort ? { standbyPort: wire.standbyPort } : {}),
        ...options,
      }),
  };
});

function checkInsIn(file: string): Map<number, number> {
  const db = new Database(file, { readonly: true });
  try {
    const counts = new Map<number, number>();
    for (const r of db.prepare(`SELECT payload FROM audit_log WHERE action = 'attendance.checkIn'`).all() as {
      payload: string;
    }[]) {
      const id = (JSON.parse(r.payload) as { delegateId: number }).delegateId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  } finally {
    db.close();
  }
}

describe('a desk when the host dies', () => {
  it('turns to the promoted standby and replays: every acknowledged check-in there once, the queued one too', async () => {
    expect(BEAT_MS).toBeLessThan(CALL_TIMEOUT_MS);
    const h = await host();
    wire.standbyPort = await freePort();
    const standby = makeBackend();
    const setup = { operator: '技术员 小刘', station: '备用主机' };
    const code = await h.code('standby');
    const joinedStandby = await standby.backend.invoke(
      'lan.join',
      { address: '127.0.0.1', port: h.port, code, name: '备用主机', kind: 'standby' },
      setup,
    );
    expect(joinedStandby.ok && (joinedStandby.value as LinkStatus).mode).toBe('standby');

    const { link, dataDir } = stationLink();
    await join(h, link);
    // The host names the standby to its stations once the standby said where it would listen.
    await until(() => readState(dataDir)?.standby?.port === wire.standbyPort, 20_000, 'the desk to learn the standby');
    const ctx = await signInAt(h, link, 'clerk');
    const safe = ['001', '002'];
    for (const b of safe) expect(value(await checkIn(link, h, b, ctx))).toMatchObject({ outcome: 'checked_in' });
    // In the standby's copy: nothing of them kept at the desk any more.
    await until(() => link.status().unsafe === 0, 20_000, 'the copy to hold the first check-ins');

    const acknowledged = ['003', '004'];
    for (const b of acknowledged)
      expect(value(await checkIn(link, h, b, ctx))).toMatchObject({ outcome: 'checked_in' });
    // The host dies: nothing answers at its address any more.
    await h.closeVenue();
    const queued = await checkIn(link, h, '005', ctx);
    expect(!queued.ok && queued.error.code).toBe('queued');

    // The standby is promoted once it sees the host gone, with the chief scrutineer's PIN.
    await until(
      async () => {
        const s = await standby.backend.invoke('lan.link', {}, setup);
        return s.ok && !(s.value as LinkStatus).online;
      },
      20_000,
      'the standby to see the host gone',
    );
    const promoted = await standby.backend.invoke(
      'lan.promote',
      { operatorId: h.ids.chief_scrutineer, pin: PINS.chief_scrutineer },
      setup,
    );
    if (!promoted.ok) expect.fail(`promotion refused: ${JSON.stringify(promoted.error)}`);
    expect((promoted.value as LinkStatus).mode).toBe('promoted');

    // The desk turns to it by itself: the standby is its host from now on.
    await until(() => link.status().online && link.status().host?.port === wire.standbyPort, 30_000, 'the failover');
    expect(readState(dataDir)?.host.port).toBe(wire.standbyPort);
    // The acknowledged ones went with their receipts; the queued one waits for a sign-in there.
    await until(() => link.status().queued <= 1, 20_000, 'the acknowledged writes replayed');
    // (A loaded machine may make a call to the new host miss its timeout: the clerk tries again.)
    await until(
      async () =>
        (
          await link.invoke(
            'station.signIn',
            { operatorId: h.ids.clerk, pin: PINS.clerk },
            { operator: '', station: '签到台 2' },
          )
        ).ok,
      20_000,
      'a sign-in at the new host',
    );
    await until(() => link.status().queued === 0, 20_000, 'the queued write replayed');
    expect(link.status().told).toEqual([]);

    const file = fs
      .readdirSync(path.join(standby.dir, 'documents'))
      .filter((f) => f.endsWith('.congress'))
      .map((f) => path.join(standby.dir, 'documents', f))[0]!;
    const counts = checkInsIn(file);
    for (const b of [...safe, ...acknowledged, '005']) expect(counts.get(h.delegates.get(b)!)).toBe(1);
    const summary = await standby.backend.invoke('attendance.summary', { meetingId: h.meetingId }, setup);
    expect(summary.ok && (summary.value as { present: number }).present).toBe(5);
  });
});
