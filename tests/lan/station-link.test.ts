/**
 * Issue 14: this laptop as a station (db/lan/station/), against a real host in this process — a
 * congress file with operators, its venue opened on 127.0.0.1 by `lan.openVenue`, the real
 * LanHost and Venue — over real TLS. A cut cable is the host's venue closed (nothing answers on
 * its port) and opened again on the same port with the same certificate.
 */
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract.js';
import { certificateFor } from '../../db/lan/cert.js';
import { pairProof } from '../../db/lan/pairing-proof.js';
import { outboxPath } from '../../db/lan/station/outbox.js';
import { statePath } from '../../db/lan/station/state.js';
import { tempDir } from '../db/helpers.js';
import { NAMES, PINS, roundAtCounter, signedIn } from '../db/operators-setup.js';
import { checkIn, freePort, host, join, signInAt, stationLink, until, value, venueOn } from './station-setup.js';

/** The attendance.checkIn rows of the host's audit log, in the host's order: the delegate of each. */
function checkInsOnHost(file: string): number[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare(`SELECT payload FROM audit_log WHERE action = 'attendance.checkIn' ORDER BY id`).all() as {
        payload: string;
      }[]
    ).map((r) => (JSON.parse(r.payload) as { delegateId: number }).delegateId);
  } finally {
    db.close();
  }
}

describe('a station joined to a host', () => {
  it('pins the host’s certificate, keeps its credential for this user only, and its writes reach the host once', async () => {
    const h = await host();
    const { link, dataDir } = stationLink();
    const joined = await join(h, link);
    expect(joined).toMatchObject({ mode: 'station', kind: 'desk', name: '签到台 2', online: true, queued: 0 });
    expect(joined.host).toEqual({ address: '127.0.0.1', port: h.port, fingerprint: h.fingerprint });
    expect(fs.statSync(statePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(outboxPath(dataDir, joined.congress!.uid)).mode & 0o777).toBe(0o600);
    expect(link.forwards('attendance.checkIn')).toBe(true);
    expect(link.forwards('lan.link')).toBe(false);

    const ctx = await signInAt(h, link, 'clerk');
    const r = value(await checkIn(link, h, '001', ctx));
    expect(r).toMatchObject({ outcome: 'checked_in', record: { operator: '报到员 李华' } });
    const summary = await h.tb.call('attendance.summary', { meetingId: h.meetingId }, h.ctx);
    expect(summary.present).toBe(1);
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('001')]);
    // Answered, and kept until a copy off the host holds it (no standby, no backup yet here).
    expect(link.status()).toMatchObject({ queued: 0, unsafe: 1 });
  });

  it('cut off: a write answers `queued` with the count, a read answers what the host last said, and the replay keeps the order', async () => {
    const h = await host();
    const { link, events } = stationLink();
    await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    const summary = value(await link.invoke('attendance.summary', { meetingId: h.meetingId }, ctx));

    await h.closeVenue();
    const badges = ['005', '003', '009', '001'];
    for (const [i, badge] of badges.entries()) {
      const r = await checkIn(link, h, badge, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ code: 'queued', reason: 'lan.queued', params: { queued: i + 1 } });
    }
    expect(link.status()).toMatchObject({ online: false, queued: 4 });
    expect(events.some((e) => e.topic === 'lan')).toBe(true);
    // What the desk last heard, while cut off; what it never asked cannot be answered.
    expect(value(await link.invoke('attendance.summary', { meetingId: h.meetingId }, ctx))).toEqual(summary);
    const never = await link.invoke('attendance.list', { meetingId: h.meetingId }, ctx);
    expect(!never.ok && never.error).toMatchObject({ code: 'offline', reason: 'lan.offline' });
    // Nothing reached the host.
    expect(checkInsOnHost(h.tb.path)).toEqual([]);

    await h.reopen();
    await until(() => link.status().online && link.status().queued === 0, 15_000, 'the replay');
    expect(checkInsOnHost(h.tb.path)).toEqual(badges.map((b) => h.delegates.get(b)));
    expect(link.status().told).toEqual([]);
    // Back online, a read is the host's again.
    const after = value(await link.invoke('attendance.summary', { meetingId: h.meetingId }, ctx)) as {
      present: number;
    };
    expect(after.present).toBe(4);
  });

  it('a queued check-in of a delegate another desk took meanwhile counts once, and the desk is told who took them', async () => {
    const h = await host();
    const { link } = stationLink();
    await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    await h.closeVenue();
    expect((await checkIn(link, h, '011', ctx)).ok).toBe(false);
    // The other desk (here: the host's own) checks the same delegate in first.
    await h.tb.call('attendance.checkIn', { meetingId: h.meetingId, delegateId: h.delegates.get('011')! }, h.ctx);
    await h.reopen();
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('011')]);
    expect(link.status().told).toEqual([
      expect.objectContaining({
        channel: 'attendance.checkIn',
        reason: 'lan.replayed_already_present',
        params: { name: '代表011', badge: '011', operator: NAMES.secretariat },
      }),
    ]);
  });

  it('while writes are queued, a new write waits behind them: never sent past them', async () => {
    const h = await host();
    const { link } = stationLink();
    await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    await h.closeVenue();
    expect((await checkIn(link, h, '002', ctx)).ok).toBe(false);
    await h.reopen();
    // At once after the cable is back, before the link's next beat: queued behind the first.
    const r = await checkIn(link, h, '007', ctx);
    if (r.ok) expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('002'), h.delegates.get('007')]);
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('002'), h.delegates.get('007')]);
  });

  it('a replay after the sign-in ended waits for the next sign-in, then goes with it', async () => {
    const h = await host();
    const { link } = stationLink();
    await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    await h.closeVenue();
    expect((await checkIn(link, h, '004', ctx)).ok).toBe(false);
    // The sign-in ends on the host meanwhile (locked there).
    await h.tb.backend.invoke('station.lock', {}, ctx);
    await h.reopen();
    await until(() => link.status().online && link.status().problem === 'sign_in', 15_000, 'the link to say so');
    expect(link.status().queued).toBe(1);
    expect(checkInsOnHost(h.tb.path)).toEqual([]);
    // The clerk signs in again at the station: the row goes with the new sign-in.
    await signInAt(h, link, 'clerk');
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('004')]);
    expect(link.status().problem ?? null).toBeNull();
    expect(link.status().told).toEqual([]);
  });

  it('lan.leave is refused while the outbox holds calls the host has not answered', async () => {
    const h = await host();
    const { link, dataDir } = stationLink();
    await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    await h.closeVenue();
    expect((await checkIn(link, h, '006', ctx)).ok).toBe(false);
    const refused = await link.leave();
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'conflict',
      reason: 'lan.outbox_not_empty',
      params: { queued: 1 },
    });
    expect(fs.existsSync(statePath(dataDir))).toBe(true);
    await h.reopen();
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    const left = value(await link.leave());
    expect(left).toMatchObject({ mode: 'alone', host: null });
    expect(fs.existsSync(statePath(dataDir))).toBe(false);
    expect(link.forwards('attendance.checkIn')).toBe(false);
  });

  it('a write survives the station’s restart before it was sent: replayed after the restart, committed once', async () => {
    const h = await host();
    const dataDir = path.join(tempDir(), 'station');
    const first = stationLink(dataDir);
    await join(h, first.link);
    const ctx = await signInAt(h, first.link, 'clerk');
    await h.closeVenue();
    expect((await checkIn(first.link, h, '010', ctx)).ok).toBe(false);
    // The laptop goes down with the row on its disk, never sent.
    await first.link.close();

    const again = stationLink(dataDir);
    expect(again.link.status()).toMatchObject({ mode: 'station', queued: 1, online: false });
    await h.reopen();
    await until(() => again.link.status().queued === 0, 15_000, 'the replay after the restart');
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('010')]);
  });

  it('a host presenting another certificate is refused before a call is sent: nothing reaches it', async () => {
    const h = await host();
    const { link } = stationLink();
    const joined = await join(h, link);
    const ctx = await signInAt(h, link, 'clerk');
    await h.closeVenue();
    // Another laptop answers on the host's address and port, with its own certificate for this congress.
    const other = await certificateFor(path.join(tempDir(), 'impostor'), joined.congress!.uid);
    expect(other.fingerprint).not.toBe(h.fingerprint);
    const seen: string[] = [];
    const impostor = https.createServer({ key: other.key, cert: other.cert }, (req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    let connections = 0;
    impostor.on('connection', () => connections++);
    await new Promise<void>((resolve) => impostor.listen(h.port, '127.0.0.1', resolve));
    try {
      const r = await checkIn(link, h, '008', ctx);
      expect(!r.ok && r.error.code).toBe('queued');
      await until(() => link.status().problem === 'certificate', 10_000, 'the link to see another certificate');
      await until(() => connections >= 2, 10_000, 'the link to try again');
      expect(link.status()).toMatchObject({ online: false, queued: 1 });
      // The beats, the events and the queued write: none got past the handshake.
      expect(seen).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
      impostor.closeAllConnections();
    }
    await h.reopen();
    await until(() => link.status().queued === 0, 15_000, 'the replay to the real host');
    expect(link.status().problem ?? null).toBeNull();
    expect(checkInsOnHost(h.tb.path)).toEqual([h.delegates.get('008')]);
  });
});

describe('pairing', () => {
  it('refuses a laptop that answers the pairing without knowing the code: nothing is pinned or kept', async () => {
    // A man in the middle: its own certificate, and a proof it cannot make for it without the code.
    const mitm = await certificateFor(path.join(tempDir(), 'mitm'), 'aaaabbbbccccddddaaaabbbbccccdddd');
    const server = https.createServer({ key: mitm.key, cert: mitm.cert }, (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        const { nonce } = JSON.parse(body) as { nonce: string };
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            stationId: 1,
            secret: 'x'.repeat(43),
            congress: { uid: 'aaaabbbbccccddddaaaabbbbccccdddd', name: '假大会' },
            // What it would answer had it relayed the real host's proof: bound to the real host's certificate.
            proof: pairProof('123456', 'f'.repeat(64), nonce),
            standby: null,
          }),
        );
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const { link, dataDir } = stationLink();
      const r = await link.join({ address: '127.0.0.1', port, code: '123456', name: '签到台 9', kind: 'desk' });
      expect(!r.ok && r.error).toMatchObject({ code: 'forbidden', reason: 'lan.bad_proof' });
      expect(link.status().mode).toBe('alone');
      expect(fs.existsSync(statePath(dataDir))).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('with the start of the host’s fingerprint typed, the code goes only to that certificate: a laptop relaying it hears nothing', async () => {
    // A man in the middle that would relay the code to the host and could then prove it for its own
    // certificate: with the fingerprint typed it is never sent a byte of the request.
    const mitm = await certificateFor(path.join(tempDir(), 'mitm'), 'aaaabbbbccccddddaaaabbbbccccdddd');
    let requests = 0;
    const server = https.createServer({ key: mitm.key, cert: mitm.cert }, (_req, res) => {
      requests++;
      res.writeHead(500).end();
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const h = await host();
    try {
      const { link, dataDir } = stationLink();
      const typed = h.fingerprint
        .slice(0, 16)
        .toUpperCase()
        .replace(/(.{4})(?!$)/g, '$1 ');
      const r = await link.join({
        address: '127.0.0.1',
        port,
        code: '123456',
        name: '签到台 9',
        kind: 'desk',
        fingerprint: h.fingerprint.slice(0, 16),
      });
      expect(!r.ok && r.error).toMatchObject({ code: 'forbidden', reason: 'lan.fingerprint_mismatch' });
      expect(!r.ok && String(r.error.params?.fingerprint)).toBe(
        mitm.fingerprint
          .slice(0, 16)
          .toUpperCase()
          .replace(/(.{4})(?!$)/g, '$1 '),
      );
      expect(requests).toBe(0);
      expect(link.status().mode).toBe('alone');
      expect(fs.existsSync(statePath(dataDir)).valueOf()).toBe(false);

      // The same start against the host itself pairs, as the contract takes it typed (spaces, capitals).
      const code = await h.code('desk');
      const parsed = contract['lan.join'].input.parse({
        address: '127.0.0.1',
        port: h.port,
        code,
        name: '签到台 9',
        kind: 'desk',
        fingerprint: typed,
      });
      expect(parsed.fingerprint).toBe(h.fingerprint.slice(0, 16));
      const joined = await link.join(parsed);
      expect(joined.ok && joined.value.host?.fingerprint).toBe(h.fingerprint);
      // Fewer than 16 digits is not a check a made certificate could not pass.
      expect(contract['lan.join'].input.safeParse({ ...parsed, fingerprint: 'ab12 cd34' }).success).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses to join where nothing answers, saying where', async () => {
    const { link } = stationLink();
    const port = await freePort();
    const r = await link.join({ address: '127.0.0.1', port, code: '123456', name: '签到台 9', kind: 'desk' });
    expect(!r.ok && r.error).toMatchObject({ code: 'offline', reason: 'lan.unreachable', params: { port } });
  });
});

describe('a counting station', () => {
  /** A round of 10 with `collected` papers collected, its host open to the venue, a counter at a station. */
  async function counting(collected: number) {
    const scene = await roundAtCounter(collected);
    const h = await venueOn(scene.e, scene.ids);
    return { ...scene, h };
  }

  it('cut off, keys up to the papers collected, then is refused as the host would refuse', async () => {
    const { e, h } = await counting(3);
    const { link } = stationLink();
    await join(h, link, 'count', '计票台 2');
    const ctx = await signInAt(h, link, 'counter', '计票台 2');
    // What the counting screen reads: the contest with its rounds (collected 3).
    value(await link.invoke('contests.get', { contestId: e.contest.id }, ctx));
    value(await link.invoke('ballots.enter', e.enterInput('oo--'), ctx));
    await h.closeVenue();
    for (const queued of [1, 2]) {
      const r = await link.invoke('ballots.enter', e.enterInput('o-o-'), ctx);
      expect(!r.ok && r.error).toMatchObject({ code: 'queued', params: { queued } });
    }
    const over = await link.invoke('ballots.enter', e.enterInput('-oo-'), ctx);
    expect(!over.ok && over.error).toMatchObject({
      code: 'conflict',
      reason: 'ballot.all_entered',
      params: { contest: '党委委员', collected: 3, entered: 3 },
    });
    expect(link.status().queued).toBe(2);
    await h.reopen();
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.counted).toBe(3);
  });

  it('knows the papers collected even when no screen read them: learned from the host after the first paper', async () => {
    const { e, h } = await counting(2);
    const { link } = stationLink();
    await join(h, link, 'count', '计票台 2');
    const ctx = await signInAt(h, link, 'counter', '计票台 2');
    value(await link.invoke('ballots.enter', e.enterInput('oo--'), ctx));
    // The link asks the round's figures by itself after that paper.
    await new Promise((r) => setTimeout(r, 1_000));
    await h.closeVenue();
    const queued = await link.invoke('ballots.enter', e.enterInput('o-o-'), ctx);
    expect(!queued.ok && queued.error.code).toBe('queued');
    const over = await link.invoke('ballots.enter', e.enterInput('-oo-'), ctx);
    expect(!over.ok && over.error).toMatchObject({
      reason: 'ballot.all_entered',
      params: { collected: 2, entered: 2 },
    });
  });

  it('a replayed paper the host refuses (another station keyed the last papers meanwhile) is told, not lost silently', async () => {
    const { e, h, ids } = await counting(2);
    const { link } = stationLink();
    await join(h, link, 'count', '计票台 2');
    const ctx = await signInAt(h, link, 'counter', '计票台 2');
    await h.closeVenue();
    for (const queued of [1, 2]) {
      const r = await link.invoke('ballots.enter', e.enterInput('oo--'), ctx);
      expect(!r.ok && r.error).toMatchObject({ code: 'queued', params: { queued } });
    }
    // Meanwhile the host keys one paper itself: one of the station's two no longer fits.
    const other = await signedIn(e, ids, 'counter', '计票台1');
    await e.call('ballots.enter', e.enterInput('-o-o'), other);
    await h.reopen();
    await until(() => link.status().queued === 0, 15_000, 'the replay');
    const told = link.status().told;
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ channel: 'ballots.enter', reason: 'ballot.all_entered', params: { collected: 2 } });
    expect((await e.call('rounds.result', { roundId: e.roundId })).tally.counted).toBe(2);
    // The station's people dismiss what they were told.
    expect(link.dismiss(told[0]!.at).told).toEqual([]);
  });

  it('the chief’s PIN flow works through the link, and a chief’s call is never queued', async () => {
    const { e, h, ids } = await counting(1);
    const { link } = stationLink();
    await join(h, link, 'count', '计票台 2');
    const ctx = await signInAt(h, link, 'counter', '计票台 2');
    value(await link.invoke('ballots.enter', e.enterInput('oo--'), ctx));
    // A beat sent while the ballot was on its way still says the station holds it: the close is
    // refused (lan.papers_at_station) until the next beat says none, as the secretariat would see.
    await until(
      async () => (await h.tb.call('lan.venue', {}, h.ctx)).stations.every((s) => s.pending.length === 0),
      10_000,
      'the host to hear the station holds no paper',
    );
    const asked = await link.invoke('rounds.close', { roundId: e.roundId }, ctx);
    expect(!asked.ok && asked.error.code).toBe('chief_required');
    const nonce = !asked.ok ? String(asked.error.params?.nonce) : '';
    const confirm = { operatorId: ids.chief_scrutineer, pin: PINS.chief_scrutineer, nonce };
    await h.closeVenue();
    const cut = await link.invoke('rounds.close', { roundId: e.roundId }, { ...ctx, confirm });
    expect(!cut.ok && cut.error.code).toBe('offline');
    expect(link.status().queued).toBe(0);
    await h.reopen();
    await until(() => link.status().online, 15_000, 'the link back');
    const closed = value(await link.invoke('rounds.close', { roundId: e.roundId }, { ...ctx, confirm }));
    expect(closed).toMatchObject({ result: { round: { status: 'closed' } } });
  });
});
