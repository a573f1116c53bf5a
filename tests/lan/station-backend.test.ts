/**
 * Issue 14: a station as its windows see it — a whole store (createBackend) joined by the
 * `lan.join` call, its windows' calls forwarded through `invoke`, the host's change events
 * arriving on its `onChange`; a station process killed (SIGKILL) with a write in its outbox; a
 * revoked station. Real host, real TLS on 127.0.0.1, a real child process.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../core/contract/lan.js';
import { makeBackend, tempDir } from '../db/helpers.js';
import { PINS } from '../db/operators-setup.js';
import { checkIn, host, join, signInAt, stationLink, until, value } from './station-setup.js';

const CHILD = path.join(import.meta.dirname, 'station-child.ts');

describe('a station’s store', () => {
  it('joins by lan.join, forwards its windows’ calls, and relays the host’s changes to them', async () => {
    const h = await host();
    const station = makeBackend();
    const setup = { operator: '技术员 小刘', station: '签到台 3' };
    const code = await h.code('desk');
    // A wrong code is refused as the host refuses it, and leaves this laptop alone.
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const refused = await station.failure(
      'lan.join',
      { address: '127.0.0.1', port: h.port, code: wrong, name: '签到台 3', kind: 'desk' },
      setup,
    );
    expect(refused.reason).toBe('lan.bad_code');
    expect((await station.call('lan.link', {}, setup)).mode).toBe('alone');
    const joined = await station.call(
      'lan.join',
      { address: '127.0.0.1', port: h.port, code, name: '签到台 3', kind: 'desk' },
      setup,
    );
    expect(joined).toMatchObject({ mode: 'station', name: '签到台 3', online: true });
    const signIn = await station.backend.invoke(
      'station.signIn',
      { operatorId: h.ids.clerk, pin: PINS.clerk },
      { operator: '', station: '签到台 3' },
    );
    const token = signIn.ok ? (signIn.value as { token: string }).token : expect.fail(JSON.stringify(signIn));
    const ctx = { operator: '', station: '签到台 3', session: token };
    // The congress this window sees is the host's.
    const got = await station.call('congress.get', {}, ctx);
    expect(got.path).toBe(h.tb.path);

    // A check-in at the host shows at the station's windows as a change.
    station.events.length = 0;
    await until(() => station.events.length === 0, 1_000);
    await h.tb.call('attendance.checkIn', { meetingId: h.meetingId, delegateId: h.delegates.get('001')! }, h.ctx);
    await until(
      () => station.events.some((e) => e.topic === 'attendance' && e.meetingId === h.meetingId),
      10_000,
      'the change to reach the station',
    );
    const r = await station.call(
      'attendance.checkIn',
      { meetingId: h.meetingId, delegateId: h.delegates.get('002')! },
      ctx,
    );
    expect(r.outcome).toBe('checked_in');
    expect((await h.tb.call('attendance.summary', { meetingId: h.meetingId }, h.ctx)).present).toBe(2);
    // The station's own calls are answered by the station.
    const status = await station.call('lan.link', {}, ctx);
    expect(status).toMatchObject({ mode: 'station', online: true, queued: 0 });
  });

  it('a station process killed with a write in its outbox replays it when it starts again: committed once', async () => {
    const h = await host();
    const dataDir = path.join(tempDir(), 'station');
    const first = stationLink(dataDir);
    await join(h, first.link);
    const ctx = await signInAt(h, first.link, 'clerk');
    await first.link.close();
    await h.closeVenue();

    const input = { meetingId: h.meetingId, delegateId: h.delegates.get('014')! };
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, dataDir, 'attendance.checkIn', JSON.stringify(input), JSON.stringify(ctx)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
      });
      child.once('exit', (code) => reject(new Error(`the station process ended (${code}) before answering`)));
    });
    expect(JSON.parse(line)).toMatchObject({ ok: false, error: { code: 'queued', params: { queued: 1 } } });
    // The laptop dies at once: no chance to send anything, nor to close a file.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(h.auditCount('attendance.checkIn')).toBe(0);

    const again = stationLink(dataDir);
    expect(again.link.status()).toMatchObject({ mode: 'station', queued: 1 });
    await h.reopen();
    await until(() => again.link.status().queued === 0, 15_000, 'the replay after the restart');
    expect(h.auditCount('attendance.checkIn')).toBe(1);
    expect((await h.tb.call('attendance.summary', { meetingId: h.meetingId }, h.ctx)).present).toBe(1);
  });

  it('a revoked station stops: it says so, its next call is refused, and what it holds stays on its disk', async () => {
    const h = await host();
    const { link } = stationLink();
    const joined = await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    value(await checkIn(link, h, '001', ctx));
    const venue = await h.tb.call('lan.venue', {}, h.ctx);
    const me = venue.stations.find((s) => s.name === joined.name)!;
    await h.tb.call('lan.revoke', { stationId: me.id }, h.ctx);
    await until(() => link.status().problem === 'revoked', 10_000, 'the link to hear it is revoked');
    const status: LinkStatus = link.status();
    expect(status).toMatchObject({ mode: 'station', online: false });
    expect(status.told[0]).toMatchObject({ reason: 'lan.revoked' });
    const r = await checkIn(link, h, '002', ctx);
    expect(!r.ok && r.error).toMatchObject({ code: 'forbidden', reason: 'lan.revoked' });
    expect((await h.tb.call('attendance.summary', { meetingId: h.meetingId }, h.ctx)).present).toBe(1);
    // Nothing it holds can be sent any more: it may leave, to be paired afresh.
    expect(value(await link.leave()).mode).toBe('alone');
  });
});
