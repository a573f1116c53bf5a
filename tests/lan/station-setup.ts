/**
 * The scenes of the station-link tests: a real host in this process (a congress file, operators
 * with PINs, the venue opened on a loopback address by `lan.openVenue`) and station links made
 * over their own data folders, with the wire's timings shortened (the behaviour, not the clock,
 * is tested). Everything on 127.0.0.1.
 */
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect } from 'vitest';
import type { Input } from '../../core/contract.js';
import type { ChangeEvent } from '../../core/domain.js';
import type { StationKind } from '../../core/lan/protocol.js';
import type { Result } from '../../core/result.js';
import type { Role } from '../../core/roles.js';
import { createStationLink, type StationLinkOptions } from '../../db/lan/station/link.js';
import type { StationLink } from '../../db/lan/types.js';
import { congressWith, delegateFields, makeBackend, type TestBackend, tempDir } from '../db/helpers.js';
import { NAMES, PINS, signedIn, withOperators } from '../db/operators-setup.js';

export const BEAT_MS = 100;
// The wire's own: this machine is shared, and a call missing a shorter timeout reads as a cut.
export const CALL_TIMEOUT_MS = 2_500;

const links: StationLink[] = [];
afterEach(async () => {
  await Promise.all(links.splice(0).map((l) => l.close()));
});

/** A free port on 127.0.0.1 (asked of the system, then let go). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Host {
  tb: TestBackend & { path: string };
  ids: Record<Role, number>;
  meetingId: number;
  /** Delegate ids by badge. */
  delegates: Map<string, number>;
  /** The secretariat signed in at the host. */
  ctx: { operator: string; station: string; session: string };
  port: number;
  fingerprint: string;
  /** A code for a station of `kind`, shown at the host. */
  code(kind?: StationKind): Promise<string>;
  /** Reopens the venue on the same port (after `closeVenue`): the host back on the network. */
  reopen(): Promise<void>;
  closeVenue(): Promise<void>;
  auditCount(action: string): number;
}

/** A congress of `n` voting delegates with one operator per role, opened to the venue on 127.0.0.1. */
export async function host(n = 20, tb: TestBackend = makeBackend()): Promise<Host> {
  const c = await congressWith(
    Array.from({ length: n }, (_, i) => delegateFields(String(i + 1).padStart(3, '0'))),
    tb,
  );
  const ids = await withOperators(c);
  return venueOn(c, ids);
}

/** The congress open on `c` (with operators `ids`) opened to the venue on 127.0.0.1. */
export async function venueOn(
  c: TestBackend & { path: string; meetingId: number; ids: Map<string, number> },
  ids: Record<Role, number>,
): Promise<Host> {
  const ctx = (await signedIn(c, ids, 'secretariat', '秘书处')) as Host['ctx'];
  const port = await freePort();
  const venue = await c.call('lan.openVenue', { address: '127.0.0.1', port }, ctx);
  return {
    tb: c,
    ids,
    meetingId: c.meetingId,
    delegates: c.ids,
    ctx,
    port,
    fingerprint: venue.fingerprint!,
    async code(kind = 'desk') {
      return (await c.call('lan.newCode', { kind }, ctx)).code;
    },
    async reopen() {
      await c.call('lan.openVenue', { address: '127.0.0.1', port }, ctx);
    },
    async closeVenue() {
      await c.call('lan.closeVenue', {}, ctx);
    },
    auditCount: (action) => auditRows(c.path, action),
  };
}

/** The congress file itself, read past the store: how many audit rows of `action` it holds. */
function auditRows(file: string, action: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM audit_log WHERE action = ?').pluck().get(action) as number;
  } finally {
    db.close();
  }
}

/** A station's link over its own data folder, with the test's short timings. */
export function stationLink(dataDir = path.join(tempDir(), 'station'), extra: Partial<StationLinkOptions> = {}) {
  const link = createStationLink({ dataDir, beatMs: BEAT_MS, callTimeoutMs: CALL_TIMEOUT_MS, ...extra });
  links.push(link);
  const events: ChangeEvent[] = [];
  link.onChange((e) => events.push(e));
  return { link, dataDir, events };
}

/** Pairs `link` with `h` as a station of `kind` named `name`; expects success. */
export async function join(h: Host, link: StationLink, kind: StationKind = 'desk', name = '签到台 2') {
  const code = await h.code(kind);
  const joined = await link.join({ address: '127.0.0.1', port: h.port, code, name, kind });
  if (!joined.ok) expect.fail(`join failed: ${JSON.stringify(joined.error)}`);
  return joined.value;
}

/** Signs the operator of `role` in at the station through its link: the window's context from then on. */
export async function signInAt(h: Host, link: StationLink, role: Role, station = '签到台 2') {
  const signIn = () =>
    link.invoke('station.signIn', { operatorId: h.ids[role], pin: PINS[role] }, { operator: '', station });
  let r = await signIn();
  // A loaded machine may make a beat miss its timeout: the operator tries again once the link is back.
  for (let i = 0; i < 3 && !r.ok && r.error.code === 'offline'; i++) {
    await until(() => link.status().online, 15_000, 'the link back');
    r = await signIn();
  }
  if (!r.ok) expect.fail(`sign-in failed: ${JSON.stringify(r.error)}`);
  return { operator: '', station, session: (r.value as { token: string }).token };
}

export const checkIn = (link: StationLink, h: Host, badge: string, ctx: unknown) =>
  link.invoke(
    'attendance.checkIn',
    { meetingId: h.meetingId, delegateId: h.delegates.get(badge)! } satisfies Input<'attendance.checkIn'>,
    ctx,
  );

/** Waits until `check` holds (each look a few milliseconds apart); fails after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms = 15_000,
  what = 'the condition',
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect.fail(`timed out waiting for ${what}`);
}

export const value = <T>(r: Result<T>): T => {
  if (!r.ok) expect.fail(`expected success, got ${JSON.stringify(r.error)}`);
  return r.value;
};

export { NAMES, PINS };
