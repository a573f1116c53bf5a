/**
 * Promotion of the standby (db/lan/standby/handlers.ts `lan.promote`): a real host with its venue
 * open on loopback, a standby paired with it whose copy loop (db/lan/standby/copy.ts) holds a copy
 * the host counted as held; the host then gone. The standby laptop is a store of its own (a
 * dispatcher with the real LanHost and Venue) whose link is told here what mode it is in.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../core/contract/lan.js';
import type { ChangeEvent } from '../../core/domain.js';
import { type BeatAnswer, beatAnswer, type LanAnswer, type PairAnswer, type Peer } from '../../core/lan/protocol.js';
import { ok, type Result } from '../../core/result.js';
import { verifyAuditChain } from '../../db/audit/log.js';
import { replayAudit } from '../../db/audit/replay.js';
import { Dispatcher } from '../../db/dispatch.js';
import { createVenue } from '../../db/lan/host/server.js';
import { createLanHost } from '../../db/lan/host/store.js';
import { copyPath, type StandbyCopy, startCopy } from '../../db/lan/standby/copy.js';
import type { StationLink } from '../../db/lan/types.js';
import { Session } from '../../db/session.js';
import { tempDir } from '../db/helpers.js';
import { NAMES, PINS } from '../db/operators-setup.js';
import { freePort, hostCongress, lastSeq, pinnedTo, postJson, read } from './standby-setup.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** The host laptop: its congress open to the venue network on 127.0.0.1, a standby and a desk paired. */
async function hostWithStandby() {
  const host = await hostCongress(3);
  const port = await freePort();
  const opened = await host.tb.backend.invoke('lan.openVenue', { address: '127.0.0.1', port }, host.desk);
  if (!opened.ok) throw new Error(JSON.stringify(opened.error));
  const fingerprint = (opened.value as { fingerprint: string }).fingerprint;
  const hostPeer = { address: '127.0.0.1', port, fingerprint };
  const pair = async (kind: 'standby' | 'desk', name: string) => {
    const code = await host.tb.call('lan.newCode', { kind }, host.desk);
    const nonce = randomBytes(16).toString('base64url');
    const answer = await postJson(pinnedTo(hostPeer, null), '/lan/pair', { code: code.code, name, kind, nonce });
    if (answer.status !== 200) throw new Error(`pairing refused: ${JSON.stringify(answer.json)}`);
    const paired = answer.json as PairAnswer;
    return { ...paired, credential: `Station ${paired.stationId}.${paired.secret}` };
  };
  const standby = await pair('standby', '备用主机');
  const deskStation = await pair('desk', '签到台 2');
  return { ...host, hostPeer, standby, deskStation };
}

/** A link as the standby's: told its mode by the test, holding the copy loop's copy. */
function linkOf(
  state: { mode: LinkStatus['mode']; online: boolean; congress: { uid: string; name: string } | null },
  copy: () => StandbyCopy | null,
) {
  const promotedTo: Peer[] = [];
  const status = (): LinkStatus => ({
    mode: state.mode,
    kind: state.mode === 'alone' ? null : 'standby',
    name: '备用主机',
    congress: state.congress,
    host: null,
    online: state.online,
    queued: 0,
    unsafe: 0,
    told: [],
    copy: copy()?.held() ? { seq: copy()!.held()!.seq, at: copy()!.held()!.at } : null,
  });
  const link: StationLink = {
    forwards: () => false,
    invoke: async () => ok(null),
    onChange: () => () => undefined,
    status,
    join: async () => ok(status()),
    dismiss: () => status(),
    leave: async () => ok(status()),
    copy: () => copy()?.copy() ?? null,
    promoted(self) {
      promotedTo.push(self);
      state.mode = 'promoted';
      copy()?.close();
    },
    close: async () => undefined,
  };
  return { link, promotedTo };
}

/** The standby laptop's store: its own data and documents folders, key, LanHost and Venue. */
function standbyLaptop(congress: { uid: string; name: string } | null) {
  const dir = tempDir();
  const options = {
    dataDir: path.join(dir, 'data'),
    documentsDir: path.join(dir, 'documents'),
    places: [os.tmpdir()],
  };
  const session = new Session();
  const dispatcher = new Dispatcher(session, { ...options, createDemo: async () => ok(undefined) });
  const host = createLanHost(dispatcher, session, options);
  const venue = createVenue(host, options.dataDir);
  const state = { mode: 'standby' as LinkStatus['mode'], online: false, congress };
  let loop: StandbyCopy | null = null;
  const { link, promotedTo } = linkOf(state, () => loop);
  dispatcher.attachLan({ host, venue, link });
  const events: ChangeEvent[] = [];
  dispatcher.onChange((e) => events.push(e));
  cleanup.push(async () => {
    loop?.close();
    await venue.close();
    dispatcher.close();
    session.close();
  });
  const ctx = { operator: '备用机值守', station: '备用主机' };
  return {
    ...options,
    session,
    venue,
    state,
    events,
    promotedTo,
    startCopy(request: Parameters<typeof startCopy>[0]['request'], port: number) {
      loop = startCopy({
        dataDir: options.dataDir,
        congressUid: congress!.uid,
        request,
        address: '127.0.0.1',
        port,
        fingerprintFor: (uid) => venue.fingerprintFor(uid),
        intervalMs: 3_600_000,
      });
      return loop;
    },
    invoke: (channel: string, input: unknown) => dispatcher.invoke(channel, input, ctx),
    promote: (operatorId: number, pin: string) =>
      dispatcher.invoke('lan.promote', { operatorId, pin }, ctx) as Promise<Result<LinkStatus>>,
  };
}

/** The host as a standby reaches it, the standby's copy taken and held, then the host gone. */
async function scene() {
  const h = await hostWithStandby();
  cleanup.push(() => h.tb.backend.close());
  // Writes the host acknowledged before the copy: each is in it.
  await h.checkIn(3);
  await h.checkIn(4);
  const name = read(h.path, (db) => (db.prepare('SELECT name FROM congress').get() as { name: string }).name);
  const standby = standbyLaptop({ uid: h.uid, name });
  const promotedPort = await freePort();
  const loop = standby.startCopy(pinnedTo(h.hostPeer, h.standby.credential), promotedPort);
  const taken = await loop.takeNow();
  if (!taken.ok) throw new Error(JSON.stringify(taken.error));
  // The held copy's peer is recorded by the host asynchronously; the copy after it holds that row too.
  const again = await loop.takeNow();
  if (!again.ok) throw new Error(JSON.stringify(again.error));
  return { h, standby, loop, promotedPort };
}

const auditRows = (file: string, upTo: number) =>
  read(file, (db) => db.prepare('SELECT id, action, hash FROM audit_log WHERE id <= ? ORDER BY id').all(upTo));

describe('promoting the standby', () => {
  it('is refused on a laptop that is no standby, while the host still answers, and without a copy', async () => {
    const h = await hostCongress(0);
    const station = standbyLaptop({ uid: h.uid, name: '大会' });
    station.state.mode = 'station';
    expect(await station.promote(h.ids.chief_scrutineer, PINS.chief_scrutineer)).toMatchObject({
      ok: false,
      error: { reason: 'lan.not_standby' },
    });
    station.state.mode = 'standby';
    station.state.online = true;
    expect(await station.promote(h.ids.chief_scrutineer, PINS.chief_scrutineer)).toMatchObject({
      ok: false,
      error: { reason: 'lan.host_reachable' },
    });
    station.state.online = false;
    expect(await station.promote(h.ids.chief_scrutineer, PINS.chief_scrutineer)).toMatchObject({
      ok: false,
      error: { reason: 'lan.no_copy' },
    });
    expect(station.session.open).toBeNull();
    expect(station.venue.state().open).toBe(false);
  });

  it("is refused for an operator who is not the copy's chief scrutineer, and for a wrong PIN, counted and audited", async () => {
    const { h, standby } = await scene();
    await h.tb.backend.close();
    expect(await standby.promote(9_999, PINS.chief_scrutineer)).toMatchObject({
      ok: false,
      error: { reason: 'operator.not_found' },
    });
    const counter = await standby.promote(h.ids.counter, PINS.counter);
    expect(counter).toMatchObject({ ok: false, error: { reason: 'chief.not_chief' } });
    // Nothing copied for anyone but the chief.
    expect(fs.existsSync(standby.documentsDir) ? fs.readdirSync(standby.documentsDir) : []).toEqual([]);

    const wrong = await standby.promote(h.ids.chief_scrutineer, '000000');
    expect(wrong).toMatchObject({ ok: false, error: { reason: 'operator.pin_wrong' } });
    const again = await standby.promote(h.ids.chief_scrutineer, '000001');
    expect(again.ok).toBe(false);
    expect(standby.session.open).toBeNull();
    expect(standby.venue.state().open).toBe(false);
    expect(standby.promotedTo).toEqual([]);
    // Both wrong tries are in the one file a promotion tries with, the second counted as the second.
    const [file] = fs.readdirSync(standby.documentsDir);
    const failures = read(path.join(standby.documentsDir, file!), (db) =>
      db
        .prepare("SELECT payload FROM audit_log WHERE action = 'chief.confirm_failed' ORDER BY id")
        .all()
        .map((r) => JSON.parse((r as { payload: string }).payload) as { failures: number; channel: string }),
    );
    expect(failures.map((f) => [f.failures, f.channel])).toEqual([
      [1, 'lan.promote'],
      [2, 'lan.promote'],
    ]);
    // No PIN is written anywhere.
    const all = read(path.join(standby.documentsDir, file!), (db) =>
      JSON.stringify(db.prepare('SELECT payload FROM audit_log').all()),
    );
    expect(all).not.toContain('000000');
  });

  it('opens the copy as the congress with every acknowledged write, the chain verifying, promoted audited, and serves the stations', async () => {
    const { h, standby, loop, promotedPort } = await scene();
    const copySeq = loop.copy()!.seq;
    // Every write the host acknowledged up to the copy (its audit rows, hash for hash).
    const acknowledged = auditRows(h.path, copySeq);
    expect(acknowledged.length).toBe(copySeq);
    // The host counted the copy as held: its safe line reached it.
    const venue = await h.tb.call('lan.venue', {}, h.desk);
    expect(venue.standby?.heldSeq).toBe(copySeq);
    expect(venue.safeSeq).toBeGreaterThanOrEqual(copySeq);
    await h.tb.backend.close();

    const promoted = await standby.promote(h.ids.chief_scrutineer, PINS.chief_scrutineer);
    expect(promoted.ok, JSON.stringify(promoted)).toBe(true);
    if (promoted.ok) expect(promoted.value.mode).toBe('promoted');
    const open = standby.session.open!;
    expect(open).not.toBeNull();
    expect(path.dirname(open.path)).toBe(path.resolve(standby.documentsDir));
    expect(open.path).not.toBe(copyPath(standby.dataDir, h.uid));

    expect(verifyAuditChain(open.db).ok).toBe(true);
    expect(replayAudit(open.db)).toEqual({ ok: true });
    expect(auditRows(open.path, copySeq)).toEqual(acknowledged);
    const after = open.db
      .prepare('SELECT action, operator, station, payload FROM audit_log WHERE id > ? ORDER BY id')
      .all(copySeq) as { action: string; operator: string; station: string; payload: string }[];
    // The move to this laptop's key, then the promotion: who, where, the copy's last row.
    expect(after.map((r) => r.action)).toEqual(['audit.key', 'lan.promoted']);
    const row = after[1]!;
    expect(row.operator).toBe(NAMES.chief_scrutineer);
    expect(row.station).toBe('备用主机');
    expect(JSON.parse(row.payload)).toMatchObject({
      operatorId: h.ids.chief_scrutineer,
      heldSeq: copySeq,
      address: '127.0.0.1',
      port: promotedPort,
    });
    // The check-ins are there as the host had them.
    expect(read(open.path, (db) => db.prepare('SELECT count(*) AS n FROM attendance').get())).toEqual(
      read(h.path, (db) => db.prepare('SELECT count(*) AS n FROM attendance').get()),
    );

    // The venue host listens where the standby said, with the certificate it announced.
    const fingerprint = await standby.venue.fingerprintFor(h.uid);
    expect(standby.venue.state()).toMatchObject({ open: true, address: '127.0.0.1', port: promotedPort, fingerprint });
    expect(standby.promotedTo).toEqual([{ address: '127.0.0.1', port: promotedPort, fingerprint }]);
    expect(standby.events.map((e) => e.topic)).toContain('lan');
    // Open Recent finds it after a restart of this laptop.
    const info = await standby.invoke('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { recentFiles: [{ path: open.path }], open: { path: open.path } } });

    // A desk's credential from the copy is accepted at once, pinned to the certificate the host gave it.
    const peer = { address: '127.0.0.1', port: promotedPort, fingerprint };
    const beat = await postJson(pinnedTo(peer, h.deskStation.credential), '/lan/beat', {
      queued: 0,
      unsafe: 0,
      pending: [],
      operator: null,
    });
    expect(beat.status).toBe(200);
    const answer = beatAnswer.parse(beat.json) as BeatAnswer;
    expect(answer.headSeq).toBe(lastSeq(open.path));
    // A credential the copy does not know is not.
    const stranger = await postJson(
      pinnedTo(peer, `Station ${h.deskStation.stationId}.${'x'.repeat(43)}`),
      '/lan/beat',
      {
        queued: 0,
        unsafe: 0,
        pending: [],
        operator: null,
      },
    );
    expect(stranger.status).toBe(401);
  });

  it('admits, without a sign-in, the replay of a write the old host acknowledged after the copy, by its receipt, once', async () => {
    const { h, standby, loop, promotedPort } = await scene();
    const invoke = (request: ReturnType<typeof pinnedTo>, channel: string, input: unknown, ctx: unknown) =>
      postJson(request, '/lan/invoke', { channel, input, ctx }).then((a) => a.json as LanAnswer);
    // The desk signs in on the host and checks a delegate in; the host answers with its receipt.
    const toHost = pinnedTo(h.hostPeer, h.deskStation.credential);
    const desk = { operator: '', station: '签到台 2' };
    const signIn = await invoke(
      toHost,
      'station.signIn',
      { operatorId: h.ids.clerk, pin: PINS.clerk },
      { ...desk, callKey: randomUUID() },
    );
    const token = (signIn.result as { ok: true; value: { token: string } }).value.token;
    const callKey = randomUUID();
    const input = { meetingId: h.tb.meetingId, badge: '010' };
    const acknowledged = await invoke(toHost, 'attendance.checkInByBadge', input, { ...desk, session: token, callKey });
    expect(acknowledged.result).toMatchObject({ ok: true });
    expect(acknowledged.receipt).toMatch(/^r1\./);
    // The host dies before the standby's next copy: the check-in is not in it.
    expect(loop.copy()!.seq).toBeLessThan(acknowledged.seq!);
    await h.tb.backend.close();

    const promoted = await standby.promote(h.ids.chief_scrutineer, PINS.chief_scrutineer);
    expect(promoted.ok, JSON.stringify(promoted)).toBe(true);
    const peer = { address: '127.0.0.1', port: promotedPort, fingerprint: await standby.venue.fingerprintFor(h.uid) };
    const toPromoted = pinnedTo(peer, h.deskStation.credential);
    const replay = { ...desk, callKey, receipt: acknowledged.receipt! };
    const replayed = await invoke(toPromoted, 'attendance.checkInByBadge', input, replay);
    expect(replayed.result).toMatchObject({ ok: true });
    const again = await invoke(toPromoted, 'attendance.checkInByBadge', input, replay);
    expect(again.result).toEqual(replayed.result);
    expect(again.seq).toBe(replayed.seq);
    const db = standby.session.open!.db;
    const rows = db
      .prepare("SELECT operator, station FROM audit_log WHERE action = 'attendance.checkInByBadge' AND id > ?")
      .all(loop.copy()?.seq ?? 0) as { operator: string; station: string }[];
    expect(rows).toEqual([{ operator: NAMES.clerk, station: '签到台 2' }]);
    // The same receipt for another delegate admits nothing.
    const forged = await invoke(
      toPromoted,
      'attendance.checkInByBadge',
      { ...input, badge: '011' },
      {
        ...replay,
        callKey: randomUUID(),
      },
    );
    expect(forged.result).toMatchObject({ ok: false, error: { reason: 'lan.bad_receipt' } });
  });
});
