/**
 * Issue 14: the Venue (db/lan/host/server.ts), the HTTPS listener of the venue network, over real
 * TLS on loopback addresses. The LanHost behind it is a fake that records what reached it (the
 * real one is tests/lan/host-*); what is tested here is the listener's own behaviour: the
 * certificate it presents, which requests reach the host and which are refused before, the
 * statuses, the event stream and the snapshot stream.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../core/domain.js';
import type { LanAnswer, PairAnswer } from '../../core/lan/protocol.js';
import { ok, refuse } from '../../core/result.js';
import { certificateFor, normaliseFingerprint } from '../../db/lan/cert.js';
import { createVenue, type VenueOptions, type WireHost } from '../../db/lan/host/server.js';
import { pairProof } from '../../db/lan/pairing-proof.js';
import { pinnedEvents, pinnedRequest } from '../../db/lan/station/http.js';
import type { StationIdentity, Venue } from '../../db/lan/types.js';

const UID = 'aaaabbbbccccddddaaaabbbbccccdddd';
const OTHER_UID = '11112222333344441111222233334444';
const GOOD = 'Station 1.good-secret-good-secret-good-secret';
const STANDBY = 'Station 3.standby-secret-standby-secret-standby';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'venue-server-'));
  dirs.push(dir);
  return dir;
};
const venues: Venue[] = [];
afterEach(async () => {
  await Promise.all(venues.splice(0).map((venue) => venue.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A LanHost that answers as the real one would and records every call that reached it. */
function fakeHost() {
  const calls: { method: string; args: unknown[] }[] = [];
  const changes = new EventEmitter();
  const revoked = new Set<number>();
  const stations: Record<string, StationIdentity> = {
    [GOOD]: { stationId: 1, name: '签到台 1', kind: 'desk' },
    [STANDBY]: { stationId: 3, name: '备用主机', kind: 'standby' },
  };
  let snapshotBytes: Buffer = Buffer.alloc(0);
  const snapshotFiles: string[] = [];
  const snapshotDir = tempDir();
  const host: WireHost = {
    async pair(request, from, hostFingerprint) {
      calls.push({ method: 'pair', args: [request, from, hostFingerprint] });
      if (request.code !== '123456') return refuse('unauthorized', 'lan.bad_code', { left: 4 });
      const answer: PairAnswer = {
        stationId: 2,
        secret: 's'.repeat(43),
        congress: { uid: UID, name: '某镇第十六次代表大会' },
        proof: pairProof(request.code, hostFingerprint, request.nonce),
        standby: null,
      };
      return ok(answer);
    },
    authenticate(authorization) {
      calls.push({ method: 'authenticate', args: [authorization] });
      const who = authorization ? stations[authorization] : undefined;
      if (!who) return refuse('unauthorized', 'lan.bad_credential');
      if (revoked.has(who.stationId)) return refuse('forbidden', 'lan.revoked', { name: who.name });
      return ok(who);
    },
    async invoke(station, call, from) {
      calls.push({ method: 'invoke', args: [station, call, from] });
      const answer: LanAnswer = { result: ok({ echoed: call.input }), seq: 7, receipt: 'r'.repeat(64), safeSeq: 5 };
      return answer;
    },
    beat(station, beat, from) {
      calls.push({ method: 'beat', args: [station, beat, from] });
      return { safeSeq: 5, headSeq: 7, standby: null };
    },
    held(station, held) {
      calls.push({ method: 'held', args: [station, held] });
      if (station.kind !== 'standby') return refuse('forbidden', 'lan.not_standby');
      return ok({ safeSeq: held.seq, headSeq: held.seq, standby: null });
    },
    async snapshot(station) {
      calls.push({ method: 'snapshot', args: [station] });
      if (station.kind !== 'standby') return refuse('forbidden', 'lan.not_standby');
      const file = path.join(snapshotDir, `snapshot-${snapshotFiles.length}.tmp`);
      writeFileSync(file, snapshotBytes);
      snapshotFiles.push(file);
      return ok({ file, seq: 41 });
    },
    onChange(listener) {
      changes.on('change', listener);
      return () => changes.off('change', listener);
    },
    onSafe(listener) {
      changes.on('safe', listener);
      return () => changes.off('safe', listener);
    },
  };
  return {
    host,
    calls,
    reached: (method: string) => calls.filter((call) => call.method === method),
    revoke: (stationId: number) => revoked.add(stationId),
    change: (event: ChangeEvent) => changes.emit('change', event),
    safe: (safeSeq: number) => changes.emit('safe', safeSeq),
    listeners: () => changes.listenerCount('change') + changes.listenerCount('safe'),
    setSnapshot: (bytes: Buffer) => {
      snapshotBytes = bytes;
    },
    snapshotFiles,
  };
}

async function openVenue(options: VenueOptions = {}, address = '127.0.0.1') {
  const fake = fakeHost();
  const dataDir = tempDir();
  const venue = createVenue(fake.host, dataDir, options);
  venues.push(venue);
  const opened = await venue.open(address, 0, UID);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const { port, fingerprint } = opened.value;
  if (port === null || fingerprint === null) throw new Error('venue state without port');
  return { fake, venue, dataDir, port, fingerprint, address };
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json: () => { ok?: boolean; error?: { reason?: string; field?: string } } & Record<string, unknown>;
}

/** A plain HTTPS request that trusts whatever it sees (the pinning is db/lan/station/http.ts's, tested below). */
function raw(
  port: number,
  method: string,
  route: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; address?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        method,
        path: route,
        rejectUnauthorized: false,
        agent: false,
        headers: {
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json: () => JSON.parse(body.toString()) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (port: number, route: string, body: unknown, authorization?: string) =>
  raw(port, 'POST', route, {
    body: JSON.stringify(body),
    headers: authorization ? { authorization } : {},
  });

const pairBody = (code = '123456') => ({
  code,
  name: '签到台 2',
  kind: 'desk',
  nonce: randomBytes(16).toString('base64url'),
});
const beatBody = { queued: 0, unsafe: 0, pending: [], operator: null };
const call = { channel: 'attendance.checkIn', input: { delegateId: 4 }, ctx: { callKey: 'k' } };

describe('issue 14: the Venue listens on the address picked, with the congress’s certificate', () => {
  it('presents this laptop’s certificate for the congress (TLS 1.3 only), the same after a close and on a new Venue', async () => {
    const { venue, dataDir, port, fingerprint } = await openVenue();
    expect(fingerprint).toBe((await certificateFor(dataDir, UID)).fingerprint);
    expect(await venue.fingerprintFor(UID)).toBe(fingerprint);
    expect(venue.state()).toEqual({ open: true, address: '127.0.0.1', port, fingerprint });
    expect(await presented('127.0.0.1', port)).toBe(fingerprint);

    await expect(handshake('127.0.0.1', port, 'TLSv1.2')).rejects.toThrow();

    await venue.close();
    expect(venue.state().open).toBe(false);
    const again = await venue.open('127.0.0.1', 0, UID);
    expect(again.ok && again.value.fingerprint).toBe(fingerprint);
    const fresh = createVenue(fakeHost().host, dataDir);
    venues.push(fresh);
    const reopened = await fresh.open('127.0.0.1', 0, UID);
    expect(reopened.ok && reopened.value.fingerprint).toBe(fingerprint);
    expect(reopened.ok && (await presented('127.0.0.1', reopened.value.port ?? 0))).toBe(fingerprint);
  });

  it('listens on exactly that address: another loopback address of the same port is not served', async () => {
    const { port } = await openVenue({}, '127.0.0.2');
    expect((await raw(port, 'POST', '/lan/beat', { address: '127.0.0.2', body: '{}' })).status).toBe(401);
    await expect(raw(port, 'POST', '/lan/beat', { address: '127.0.0.1', body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses an address that is not this laptop’s: lan.bad_address, and nothing listens', async () => {
    const venue = createVenue(fakeHost().host, tempDir());
    venues.push(venue);
    for (const address of ['192.0.2.10', '0.0.0.0', 'localhost', '::', '10.999.0.1']) {
      const opened = await venue.open(address, 0, UID);
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(opened.error.reason).toBe('lan.bad_address');
        expect(opened.error.params).toEqual({ address });
      }
      expect(venue.state().open).toBe(false);
    }
  });

  it('refuses a port in use: lan.port_in_use, naming the address and port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.3', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const venue = createVenue(fakeHost().host, tempDir());
      venues.push(venue);
      const opened = await venue.open('127.0.0.3', port, UID);
      expect(opened.ok).toBe(false);
      if (!opened.ok) {
        expect(opened.error.reason).toBe('lan.port_in_use');
        expect(opened.error.params).toEqual({ address: '127.0.0.3', port });
      }
      expect(venue.state().open).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('moved to a port in use, it is refused and stays open where it was (no station cut off)', async () => {
    const { venue, port, fingerprint } = await openVenue();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      const moved = await venue.open('127.0.0.1', taken, UID);
      expect(!moved.ok && moved.error.reason).toBe('lan.port_in_use');
      expect(venue.state()).toEqual({ open: true, address: '127.0.0.1', port, fingerprint });
      expect((await raw(port, 'POST', '/lan/beat', { body: '{}' })).status).toBe(401);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('opened again on another address, it stops listening on the first', async () => {
    const { venue, port } = await openVenue();
    const moved = await venue.open('127.0.0.4', 0, UID);
    expect(moved.ok).toBe(true);
    await expect(raw(port, 'POST', '/lan/beat', { body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
    if (moved.ok) {
      expect(moved.value.address).toBe('127.0.0.4');
      const there = await raw(moved.value.port ?? 0, 'POST', '/lan/beat', { address: '127.0.0.4', body: '{}' });
      expect(there.status).toBe(401);
    }
  });
});

describe('issue 14: the pinned client against the Venue', () => {
  it('a station pinned to another certificate (another congress’s) is refused before anything is sent: the host sees no call', async () => {
    const { fake, port, fingerprint, dataDir } = await openVenue();
    const other = (await certificateFor(dataDir, OTHER_UID)).fingerprint;
    const answer = await pinnedRequest(
      { address: '127.0.0.1', port, fingerprint: other },
      { method: 'POST', path: '/lan/invoke', headers: { authorization: GOOD }, body: call, timeoutMs: 5_000 },
    );
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.failure).toBe('pin_mismatch');
      expect(answer.fingerprint).toBe(fingerprint);
    }
    expect(fake.calls).toEqual([]);

    const pinned = await pinnedRequest(
      { address: '127.0.0.1', port, fingerprint },
      { method: 'POST', path: '/lan/invoke', headers: { authorization: GOOD }, body: call, timeoutMs: 5_000 },
    );
    expect(pinned.ok && pinned.status).toBe(200);
    expect(fake.reached('invoke')).toHaveLength(1);
  });

  it('pairs without a credential: the host gets the request, the address it came from and the fingerprint the station sees, and its proof binds them', async () => {
    const { fake, port, fingerprint } = await openVenue();
    const request = pairBody();
    const answer = await pinnedRequest(
      { address: '127.0.0.1', port, fingerprint: null },
      { method: 'POST', path: '/lan/pair', body: request, timeoutMs: 5_000 },
    );
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.status).toBe(200);
    expect(answer.fingerprint).toBe(fingerprint);
    const paired = JSON.parse(answer.body.toString()) as PairAnswer;
    expect(paired.stationId).toBe(2);
    expect(paired.proof).toBe(pairProof('123456', answer.fingerprint, request.nonce));
    expect(fake.reached('pair')).toEqual([{ method: 'pair', args: [request, '127.0.0.1', fingerprint] }]);
    expect(fake.reached('authenticate')).toEqual([]);
  });
});

describe('issue 14: what reaches the host, and the statuses', () => {
  it('a wrong code is 401 with the host’s reason', async () => {
    const { port } = await openVenue();
    const answer = await post(port, '/lan/pair', pairBody('000000'));
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ ok: false, error: { reason: 'lan.bad_code' } });
  });

  it('every route but pair: 401 without a credential or with a wrong one, 403 once revoked; the host’s handler is never called', async () => {
    const { fake, port } = await openVenue();
    const routes: [string, string, unknown][] = [
      ['POST', '/lan/invoke', call],
      ['POST', '/lan/beat', beatBody],
      ['POST', '/lan/held', { seq: 1, sha256: 'a'.repeat(64) }],
      ['GET', '/lan/events', undefined],
      ['GET', '/lan/snapshot', undefined],
    ];
    const ask = (method: string, route: string, body: unknown, authorization?: string) =>
      raw(port, method, route, {
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        headers: authorization ? { authorization } : {},
      });
    for (const [method, route, body] of routes) {
      const without = await ask(method, route, body);
      expect([route, without.status]).toEqual([route, 401]);
      expect(without.json().error?.reason).toBe('lan.bad_credential');
      const wrong = await ask(method, route, body, 'Station 1.not-the-secret');
      expect([route, wrong.status]).toEqual([route, 401]);
    }
    fake.revoke(1);
    for (const [method, route, body] of routes) {
      const revoked = await ask(method, route, body, GOOD);
      expect([route, revoked.status]).toEqual([route, 403]);
      expect(revoked.json()).toMatchObject({
        ok: false,
        error: { reason: 'lan.revoked', params: { name: '签到台 1' } },
      });
    }
    expect(fake.calls.filter((c) => c.method !== 'authenticate')).toEqual([]);
  });

  it('a paired station’s call, beat and held reach the host with its identity and address; held of a desk is 403', async () => {
    const { fake, port } = await openVenue();
    const invoked = await post(port, '/lan/invoke', call, GOOD);
    expect(invoked.status).toBe(200);
    expect(invoked.json()).toEqual({
      result: { ok: true, value: { echoed: { delegateId: 4 } } },
      seq: 7,
      receipt: 'r'.repeat(64),
      safeSeq: 5,
    });
    expect(fake.reached('invoke')[0]?.args).toEqual([
      { stationId: 1, name: '签到台 1', kind: 'desk' },
      call,
      '127.0.0.1',
    ]);

    // Stations reach it by IP: whatever Host header comes, it is not looked at.
    const anyHost = await raw(port, 'POST', '/lan/invoke', {
      body: JSON.stringify(call),
      headers: { authorization: GOOD, host: 'somewhere.example:1' },
    });
    expect(anyHost.status).toBe(200);

    const beaten = await post(port, '/lan/beat', { ...beatBody, pending: [{ roundId: 3, papers: 2 }] }, GOOD);
    expect(beaten.status).toBe(200);
    expect(beaten.json()).toEqual({ safeSeq: 5, headSeq: 7, standby: null });
    expect(fake.reached('beat')[0]?.args[1]).toEqual({ ...beatBody, pending: [{ roundId: 3, papers: 2 }] });

    const held = { seq: 9, sha256: 'b'.repeat(64) };
    expect((await post(port, '/lan/held', held, GOOD)).status).toBe(403);
    const standby = await post(port, '/lan/held', held, STANDBY);
    expect(standby.status).toBe(200);
    expect(standby.json()).toEqual({ safeSeq: 9, headSeq: 9, standby: null });
  });

  it('a body that is not JSON or not the route’s schema is 400 naming the field, and reaches nobody', async () => {
    const { fake, port } = await openVenue();
    const notJson = await raw(port, 'POST', '/lan/invoke', { body: '{"channel":', headers: { authorization: GOOD } });
    expect(notJson.status).toBe(400);
    expect(notJson.json().error?.reason).toBe('host.bad_json');
    const badBeat = await post(port, '/lan/beat', { ...beatBody, queued: -1 }, GOOD);
    expect(badBeat.status).toBe(400);
    expect(badBeat.json().error).toMatchObject({ reason: 'host.bad_request', field: 'queued' });
    const extra = await post(port, '/lan/pair', { ...pairBody(), admin: true });
    expect(extra.status).toBe(400);
    const badCode = await post(port, '/lan/pair', { ...pairBody(), code: '12345' });
    expect(badCode.json().error).toMatchObject({ reason: 'host.bad_request', field: 'code' });
    expect(fake.calls.filter((c) => c.method !== 'authenticate')).toEqual([]);
  });

  it('a body over the limit is 413 (64 KB for pairing and beats, the invoke limit for calls) and reaches nobody', async () => {
    const { fake, port } = await openVenue({ maxInvokeBytes: 200_000 });
    const bigPair = await raw(port, 'POST', '/lan/pair', {
      body: JSON.stringify({ ...pairBody(), name: 'x'.repeat(70 * 1024) }),
    });
    expect(bigPair.status).toBe(413);
    expect(bigPair.json().error).toMatchObject({ reason: 'lan.too_large', params: { max: '64 KB' } });

    const withinInvoke = await post(port, '/lan/invoke', { ...call, input: { page: 'p'.repeat(150_000) } }, GOOD);
    expect(withinInvoke.status).toBe(200);
    const overInvoke = await post(port, '/lan/invoke', { ...call, input: { page: 'p'.repeat(210_000) } }, GOOD);
    expect(overInvoke.status).toBe(413);
    // Chunked, so no Content-Length tells beforehand: counted as it comes.
    const chunked = await chunkedPost(port, '/lan/beat', 'x'.repeat(100 * 1024), GOOD);
    expect(chunked).toBe(413);
    expect(fake.reached('pair')).toEqual([]);
    expect(fake.reached('invoke')).toHaveLength(1);
    expect(fake.reached('beat')).toEqual([]);
  });

  it('an 80 MB call from a stranger is refused by its credential before its body is read', async () => {
    const { fake, port } = await openVenue();
    const status = await new Promise<number>((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/lan/invoke',
          rejectUnauthorized: false,
          agent: false,
          headers: { 'content-length': String(80 * 1024 * 1024), 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"channel":"x"'); // and nothing more: the answer must not wait for the rest
    });
    expect(status).toBe(401);
    expect(fake.calls.map((c) => c.method)).toEqual(['authenticate']);
  });

  it('a browser’s request (an Origin header) is refused, unknown routes are 404, a wrong method 405', async () => {
    const { fake, port } = await openVenue();
    const fromPage = await raw(port, 'POST', '/lan/pair', {
      body: JSON.stringify(pairBody()),
      headers: { origin: 'http://10.0.0.9' },
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.json().error?.reason).toBe('lan.not_a_station');
    expect((await raw(port, 'GET', '/')).status).toBe(404);
    expect((await raw(port, 'GET', '/index.html')).status).toBe(404);
    expect((await raw(port, 'GET', '/lan/pair')).status).toBe(405);
    expect((await raw(port, 'POST', '/lan/events', { body: '{}', headers: { authorization: GOOD } })).status).toBe(405);
    expect(fake.calls).toEqual([]);
  });

  it('a client that never finishes its headers is dropped (slow-loris)', async () => {
    const { port } = await openVenue({ headersTimeoutMs: 300 });
    const socket = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false });
    await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
    socket.write('POST /lan/beat HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    expect(Buffer.concat(received).toString()).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('issue 14: the event stream', () => {
  it('relays each change event as a data line and the copy off the host as an event: safe line, with keep-alives between', async () => {
    const { fake, port } = await openVenue({ keepAliveMs: 50 });
    const stream = await rawStream(port, GOOD);
    try {
      const event: ChangeEvent = { topic: 'attendance' };
      fake.change(event);
      fake.safe(12);
      const text = await stream.until((t) => t.includes('event: safe') && t.includes(': keep-alive'));
      expect(text).toContain(`data: ${JSON.stringify(event)}\n\n`);
      expect(text).toContain('event: safe\ndata: {"safeSeq":12}\n\n');
      expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    } finally {
      stream.close();
    }
  });

  it('a busy door’s changes are written once each and in order, and only the newest safe point', async () => {
    const { fake, port } = await openVenue({ coalesceMs: 50 });
    const stream = await rawStream(port, GOOD);
    try {
      const desk: ChangeEvent = { topic: 'attendance' };
      const audit: ChangeEvent = { topic: 'audit' };
      fake.change(desk);
      fake.safe(3);
      for (let i = 0; i < 20; i++) {
        fake.change(desk);
        fake.change(audit);
      }
      fake.safe(7);
      fake.safe(9);
      const text = await stream.until((t) => t.includes('"safeSeq":9'));
      const lines = text.split('\n\n').filter((l) => l.startsWith('data:') || l.startsWith('event:'));
      expect(lines).toEqual([
        `data: ${JSON.stringify(desk)}`,
        `data: ${JSON.stringify(audit)}`,
        'event: safe\ndata: {"safeSeq":9}',
      ]);
      // After the batch, the next change is written too (the board is never left behind).
      fake.change(desk);
      const later = await stream.until((t) => t.split(`data: ${JSON.stringify(desk)}`).length === 3);
      expect(later.endsWith(`data: ${JSON.stringify(desk)}\n\n`)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('the station’s client sees them as events (pinnedEvents)', async () => {
    const { fake, port, fingerprint } = await openVenue();
    const got: [string, string][] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let dropped!: (status: number | null) => void;
    const drop = new Promise<number | null>((resolve) => {
      dropped = resolve;
    });
    const stream = pinnedEvents(
      { address: '127.0.0.1', port, fingerprint },
      '/lan/events',
      { authorization: GOOD },
      { onOpen: () => opened(), onEvent: (name, data) => got.push([name, data]), onDrop: (status) => dropped(status) },
    );
    await open;
    fake.change({ topic: 'ballots' });
    fake.safe(3);
    await waitFor(() => got.length === 2);
    expect(got).toEqual([
      ['message', '{"topic":"ballots"}'],
      ['safe', '{"safeSeq":3}'],
    ]);
    fake.revoke(1);
    fake.change({ topic: 'lan' });
    expect(await drop).toBe(200);
    expect(got).toHaveLength(2);
    stream.close();
  });

  it('ends when its station is revoked: at the next event, or at the next keep-alive when nothing happens; the host’s listeners are let go', async () => {
    const { fake, port } = await openVenue({ keepAliveMs: 40 });
    const first = await rawStream(port, GOOD);
    fake.revoke(1);
    fake.change({ topic: 'lan' });
    const text = await first.ended;
    expect(text).not.toContain('"topic":"lan"');

    const quiet = await openVenue({ keepAliveMs: 40 });
    const second = await rawStream(quiet.port, GOOD);
    quiet.fake.revoke(1);
    await second.ended;
    await waitFor(() => quiet.fake.listeners() === 0);
  });

  it('close() ends every open stream, lets go of the host, and refuses new connections', async () => {
    const { fake, venue, port } = await openVenue();
    const a = await rawStream(port, GOOD);
    const b = await rawStream(port, STANDBY);
    expect(fake.listeners()).toBe(4);
    await venue.close();
    await a.ended;
    await b.ended;
    expect(fake.listeners()).toBe(0);
    await expect(raw(port, 'POST', '/lan/beat', { body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('a station that stops reading is dropped once its backlog passes the limit (the host keeps no unbounded queue)', async () => {
    const { fake, port } = await openVenue({ maxStreamBacklogBytes: 64 * 1024 });
    const stream = await rawStream(port, GOOD, { paused: true });
    // Each its own (the same change twice is written once), each given its turn to be written.
    for (let i = 0; i < 2_000 && fake.listeners() > 0; i++) {
      fake.change({ topic: 'ballots', ids: Array.from({ length: 2_000 }, (_, j) => i * 2_000 + j) } as ChangeEvent);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(fake.listeners()).toBe(0);
    stream.close();
  });
});

describe('issue 14: the snapshot', () => {
  it('streams the host’s copy byte for byte with its audit row and length, then deletes the temp file', async () => {
    const { fake, port } = await openVenue();
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    fake.setSnapshot(bytes);
    const answer = await raw(port, 'GET', '/lan/snapshot', { headers: { authorization: STANDBY } });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-audit-seq']).toBe('41');
    expect(answer.headers['content-length']).toBe(String(bytes.length));
    expect(answer.body.equals(bytes)).toBe(true);
    expect(fake.snapshotFiles).toHaveLength(1);
    await waitFor(() => !existsSync(fake.snapshotFiles[0] ?? ''));
  });

  it('deletes the temp file also when the standby goes away mid-copy', async () => {
    const { fake, port } = await openVenue();
    fake.setSnapshot(randomBytes(32 * 1024 * 1024));
    await new Promise<void>((resolve, reject) => {
      const req = https.get(
        {
          host: '127.0.0.1',
          port,
          path: '/lan/snapshot',
          rejectUnauthorized: false,
          agent: false,
          headers: { authorization: STANDBY },
        },
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', () => undefined);
      req.on('close', () => resolve());
      setTimeout(() => reject(new Error('no snapshot bytes')), 20_000).unref();
    });
    await waitFor(() => fake.snapshotFiles.length === 1 && !existsSync(fake.snapshotFiles[0] ?? ''));
  });

  it('a desk asking for it gets the host’s refusal (403 lan.not_standby)', async () => {
    const { port } = await openVenue();
    const answer = await raw(port, 'GET', '/lan/snapshot', { headers: { authorization: GOOD } });
    expect(answer.status).toBe(403);
    expect(answer.json().error?.reason).toBe('lan.not_standby');
  });
});

// --- helpers --------------------------------------------------------------------------------

/** The fingerprint of the certificate the server at address:port presents. */
async function presented(address: string, port: number): Promise<string> {
  const socket = await handshake(address, port, 'TLSv1.3');
  const seen = normaliseFingerprint(socket.getPeerCertificate().fingerprint256);
  socket.destroy();
  return seen;
}

function handshake(address: string, port: number, version: tls.SecureVersion): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: address, port, rejectUnauthorized: false, maxVersion: version });
    socket.once('secureConnect', () => resolve(socket));
    socket.once('error', reject);
  });
}

function chunkedPost(port: number, route: string, body: string, authorization: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: route,
        rejectUnauthorized: false,
        agent: false,
        headers: { authorization },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    for (let at = 0; at < body.length; at += 8192) req.write(body.slice(at, at + 8192));
    req.end();
  });
}

/** An event stream read as text: `until` waits for what the test expects, `ended` resolves with all of it at the end. */
async function rawStream(port: number, authorization: string, options: { paused?: boolean } = {}) {
  return new Promise<{
    headers: Record<string, string | string[] | undefined>;
    until(test: (text: string) => boolean): Promise<string>;
    ended: Promise<string>;
    close(): void;
  }>((resolve, reject) => {
    const req = https.get(
      {
        host: '127.0.0.1',
        port,
        path: '/lan/events',
        rejectUnauthorized: false,
        agent: false,
        headers: { authorization },
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`events answered ${res.statusCode}`));
          return;
        }
        let text = '';
        const waiting: { test: (t: string) => boolean; resolve: (t: string) => void }[] = [];
        let endedResolve!: (t: string) => void;
        const ended = new Promise<string>((r) => {
          endedResolve = r;
        });
        res.setEncoding('utf8');
        if (options.paused) res.pause();
        else
          res.on('data', (chunk: string) => {
            text += chunk;
            for (const w of waiting.splice(0)) {
              if (w.test(text)) w.resolve(text);
              else waiting.push(w);
            }
          });
        res.on('end', () => endedResolve(text));
        res.on('close', () => endedResolve(text));
        resolve({
          headers: res.headers,
          until: (test) =>
            new Promise((r) => {
              if (test(text)) r(text);
              else waiting.push({ test, resolve: r });
            }),
          ended,
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', () => undefined);
  });
}

async function waitFor(test: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !test(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(test()).toBe(true);
}
