/**
 * The standby's copy loop (db/lan/standby/copy.ts) against a host's real congress served over
 * TLS on loopback: a copy is taken whole, checked and reported; a spoiled copy never takes the
 * place of the good one; a copy follows the host's changes, at once for a round close.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LAN_DEFAULT_PORT } from '../../core/lan/protocol.js';
import { verifyAuditChain } from '../../db/audit/log.js';
import { copyPath, heldCopy, runningCopy, type StandbyCopy, startCopy } from '../../db/lan/standby/copy.js';
import { tempDir } from '../db/helpers.js';
import { hostCongress, lastSeq, pinnedTo, read, type SnapshotHost, snapshotHost } from './standby-setup.js';

const STANDBY_FINGERPRINT = 'ab'.repeat(32);
const open: { loops: StandbyCopy[]; hosts: SnapshotHost[] } = { loops: [], hosts: [] };

afterEach(async () => {
  for (const loop of open.loops.splice(0)) loop.close();
  for (const host of open.hosts.splice(0)) await host.close();
});

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function scene(options: { intervalMs?: number } = {}) {
  const host = await hostCongress();
  const server = await snapshotHost(host.path);
  open.hosts.push(server);
  const dataDir = path.join(tempDir(), 'standby-data');
  const held: number[] = [];
  const start = () => {
    const loop = startCopy({
      dataDir,
      congressUid: host.uid,
      request: pinnedTo(server),
      address: '::ffff:127.0.0.1',
      fingerprintFor: async () => STANDBY_FINGERPRINT,
      // Long unless a test wants the loop's own ticks: the tests drive it.
      intervalMs: options.intervalMs ?? 3_600_000,
      onHeld: (copy) => held.push(copy.seq),
    });
    open.loops.push(loop);
    return loop;
  };
  return { host, server, dataDir, held, start, final: copyPath(dataDir, host.uid) };
}

describe('the standby copy', () => {
  it('takes a whole copy of the host, checks it, keeps it in place and reports it held with its own peer', async () => {
    const s = await scene();
    const loop = s.start();
    const taken = await loop.takeNow();
    expect(taken.ok, JSON.stringify(taken)).toBe(true);
    const seq = lastSeq(s.host.path);
    expect(loop.copy()).toEqual({ file: s.final, seq });
    // The copy is the host's congress, every audit row of it, its chain verifying.
    read(s.final, (db) => {
      expect(verifyAuditChain(db).ok).toBe(true);
      expect((db.prepare('SELECT uid FROM congress').get() as { uid: string }).uid).toBe(s.host.uid);
      expect(db.prepare('SELECT count(*) AS n FROM attendance').get()).toEqual(
        read(s.host.path, (h) => h.prepare('SELECT count(*) AS n FROM attendance').get()),
      );
    });
    // Reported only once it is in place: the seq and the hash of the bytes on this disk.
    const last = s.server.helds.at(-1)!;
    expect(last.seq).toBe(seq);
    expect(last.sha256).toBe(sha256(s.final));
    // The plain IPv4 form of the socket's local address, the default port, this laptop's certificate.
    expect(last.standby).toEqual({ address: '127.0.0.1', port: LAN_DEFAULT_PORT, fingerprint: STANDBY_FINGERPRINT });
    expect(loop.held()?.reported).toBe(true);
    expect(s.held).toContain(seq);
    expect(s.server.unauthorised).toBe(0);
    expect(fs.existsSync(`${s.final}.part`)).toBe(false);
    // What promotion reads back from the disk, with the peer.
    expect(heldCopy(s.dataDir, s.host.uid)).toMatchObject({ seq, self: last.standby });
  });

  it.each([
    ['truncated', 'half of the file'],
    ['garbage', 'not a SQLite file'],
    ['refused', 'the host refuses'],
  ] as const)('never replaces the good copy with a %s snapshot (%s), nor reports it', async (spoil, _why) => {
    const s = await scene();
    const loop = s.start();
    expect((await loop.takeNow()).ok).toBe(true);
    const good = sha256(s.final);
    const goodSeq = loop.copy()!.seq;
    const helds = s.server.helds.length;

    await s.host.checkIn(5);
    s.server.spoil = spoil;
    const spoiled = await loop.takeNow();
    expect(spoiled.ok).toBe(false);
    if (!spoiled.ok) expect(spoiled.error.reason).toBe('lan.copy_failed');
    expect(loop.lastFailure()).not.toBeNull();
    expect(sha256(s.final)).toBe(good);
    expect(loop.copy()).toEqual({ file: s.final, seq: goodSeq });
    expect(s.server.helds.length).toBe(helds);
    expect(fs.readdirSync(path.dirname(s.final)).filter((f) => f.endsWith('.part'))).toEqual([]);

    // The host's next good copy takes its place, the check-in in it.
    s.server.spoil = 'none';
    expect((await loop.takeNow()).ok).toBe(true);
    expect(loop.copy()!.seq).toBe(lastSeq(s.host.path));
    expect(loop.copy()!.seq).toBeGreaterThan(goodSeq);
    expect(loop.lastFailure()).toBeNull();
  });

  it("refuses another congress's copy, one whose audit chain is broken, and one behind the copy held (the host counted that one safe)", async () => {
    const s = await scene();
    const loop = s.start();
    // An older copy of this congress, kept before a check-in.
    const older = path.join(tempDir(), 'older.congress');
    const source = new Database(s.host.path, { readonly: true });
    await source.backup(older);
    source.close();
    await s.host.checkIn(6);
    expect((await loop.takeNow()).ok).toBe(true);
    const good = sha256(s.final);

    s.server.serveFile = older;
    const behind = await loop.takeNow();
    expect(behind.ok).toBe(false);
    expect(loop.lastFailure()).toMatch(/behind/);
    expect(sha256(s.final)).toBe(good);

    // A copy whose audit log was edited: every table whole, the chain broken at that row.
    const tampered = path.join(tempDir(), 'tampered.congress');
    const copying = new Database(s.host.path, { readonly: true });
    await copying.backup(tampered);
    copying.close();
    const edit = new Database(tampered);
    for (const { name } of edit
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .all() as { name: string }[])
      edit.exec(`DROP TRIGGER "${name}"`);
    edit.prepare("UPDATE audit_log SET operator = 'someone else' WHERE id = 2").run();
    edit.close();
    s.server.serveFile = tampered;
    const edited = await loop.takeNow();
    expect(edited.ok).toBe(false);
    expect(loop.lastFailure()).toMatch(/audit chain broken at row 2/);
    expect(sha256(s.final)).toBe(good);

    const other = await hostCongress(0);
    s.server.serveFile = other.path;
    const foreign = await loop.takeNow();
    expect(foreign.ok).toBe(false);
    expect(loop.lastFailure()).toMatch(/another congress/);
    expect(sha256(s.final)).toBe(good);
  });

  it('follows the host: a copy while its head moves past the copy, none while it stands still', async () => {
    const s = await scene({ intervalMs: 20 });
    const loop = s.start();
    // At pairing: a copy at once, without being asked.
    await vi.waitFor(() => expect(loop.held()?.reported).toBe(true), { timeout: 10_000 });
    const first = loop.copy()!.seq;
    await vi.waitFor(() => expect(s.server.snapshots).toBeGreaterThanOrEqual(1));
    const taken = s.server.snapshots;
    // The head as the copy's: the loop's ticks go by and ask for nothing.
    loop.headSeq(first);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.server.snapshots).toBe(taken);

    await s.host.checkIn(7);
    loop.headSeq(lastSeq(s.host.path));
    await vi.waitFor(() => expect(loop.copy()!.seq).toBe(lastSeq(s.host.path)), { timeout: 10_000 });
    expect(loop.copy()!.seq).toBeGreaterThan(first);
  });

  it('takes a copy at once when a round closes (a contests change), without waiting for its tick', async () => {
    const s = await scene();
    const loop = s.start();
    await vi.waitFor(() => expect(loop.held()?.reported).toBe(true), { timeout: 10_000 });
    const before = loop.copy()!.seq;
    await s.host.checkIn(8);
    loop.changed({ topic: 'contests', contestId: 1 });
    await vi.waitFor(() => expect(loop.copy()!.seq).toBeGreaterThan(before), { timeout: 10_000 });
    // A ballot or a check-in waits for the tick (an hour here).
    const snapshots = s.server.snapshots;
    await s.host.checkIn(9);
    loop.changed({ topic: 'attendance' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(s.server.snapshots).toBe(snapshots);
  });

  it('after a restart holds the copy it had before taking the next; a closed loop replaces nothing', async () => {
    const s = await scene();
    const first = s.start();
    expect((await first.takeNow()).ok).toBe(true);
    const seq = first.copy()!.seq;
    first.close();
    expect(runningCopy(s.dataDir, s.host.uid)).toBeNull();

    s.server.spoil = 'refused';
    const again = s.start();
    expect(again.copy()).toEqual({ file: s.final, seq });
    expect(runningCopy(s.dataDir, s.host.uid)).toBe(again);

    // A copy on the disk that is not what was recorded beside it (damaged since) is not held.
    again.close();
    fs.appendFileSync(s.final, Buffer.from('x'));
    const third = s.start();
    expect(third.copy()).toBeNull();
    third.close();
    const closed = await third.takeNow();
    expect(closed.ok).toBe(false);
  });
});
