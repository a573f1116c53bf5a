/**
 * The simulated venue itself (tests/lan/netns.ts, tests/lan/proc/): laptops in namespaces reach
 * each other and nothing else, a pulled cable stops the traffic and a mended one lets it through
 * again, and nothing is left behind. Every other lan-*.test.ts stands on this.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { canMakeNamespaces, makeVenue, sayWhySkipped, type VenueNet } from './netns.js';
import { Laptop } from './proc/control.js';

const { ok } = canMakeNamespaces();
sayWhySkipped('the venue network tests (tests/lan/lan-*.test.ts)');

const ECHO = path.join(import.meta.dirname, 'proc', 'echo.ts');
const ip = (...args: string[]) => execFileSync('ip', args).toString();

/** Runs echo.ts in laptop i's namespace; resolves with its first line of output. */
function echo(venue: VenueNet, i: number, args: string[]) {
  const child = venue.exec(i, process.execPath, ['--import', 'tsx', ECHO, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const first = new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`echo exited ${code}`)));
  });
  return { child, first };
}

describe.skipIf(!ok)('the simulated venue network', () => {
  const venues: VenueNet[] = [];
  const laptops: Laptop[] = [];
  afterAll(async () => {
    for (const l of laptops) await l.kill();
    for (const v of venues) v.destroy();
  });

  it('puts each laptop in its own namespace on one switch, and adds nothing to the root namespace', () => {
    const rootLinks = ip('-o', 'link', 'show');
    const rootAddresses = ip('-o', 'addr', 'show');
    const venue = makeVenue(3);
    venues.push(venue);
    const names = ip('netns', 'list');
    for (const l of venue.laptops) {
      expect(names).toContain(l.ns);
      const inside = ip('-n', l.ns, '-o', 'addr', 'show');
      expect(inside).toContain(`${l.address}/24`);
      // No IPv6, so no link-local address and no neighbour discovery or MLD multicast.
      expect(inside).not.toContain('inet6 fe80');
      // No route out of the venue: the laptop reaches its /24 and nothing else.
      expect(ip('-n', l.ns, 'route', 'show').trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^10\\.231\\.\\d+\\.0/24 dev eth0 proto kernel scope link src ${l.address.replace(/\./g, '\\.')}`),
        ),
      ]);
    }
    expect(ip('-n', venue.switchNs, '-o', 'link', 'show')).toContain(venue.bridge);
    expect(ip('-o', 'link', 'show')).toBe(rootLinks);
    expect(ip('-o', 'addr', 'show')).toBe(rootAddresses);
  });

  it('carries TCP between laptops, stops it when a cable is cut, and carries it again when mended', async () => {
    const venue = makeVenue(2);
    venues.push(venue);
    const server = echo(venue, 0, ['--listen', venue.laptops[0]!.address, '7007']);
    try {
      expect(await server.first).toBe('listening');
      const to = [venue.laptops[0]!.address, '7007'];
      expect(await echo(venue, 1, ['--connect', ...to, '3000']).first).toBe('echo');
      venue.cut(1);
      expect(venue.plugged(1)).toBe(false);
      // A pulled cable: the packets go nowhere (a time-out, or the host unreachable once the
      // laptop's kernel gives up asking for its neighbour's address, as on real hardware).
      expect(await echo(venue, 1, ['--connect', ...to, '1500']).first).toMatch(/^(cut|error connect EHOSTUNREACH)/);
      venue.mend(1);
      expect(venue.plugged(1)).toBe(true);
      expect(await echo(venue, 1, ['--connect', ...to, '3000']).first).toBe('echo');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it("runs a laptop's store in a namespace, driven through the contract", async () => {
    const venue = makeVenue(1);
    venues.push(venue);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congress-desk-lan-'));
    const laptop = await Laptop.start({ dir, name: 'host', venue, index: 0 });
    laptops.push(laptop);
    await laptop.streamEvents();
    const ctx = { operator: '王敏', station: '秘书处' };
    await laptop.call(
      'congress.create',
      {
        name: '中国共产党测试镇第十五次代表大会',
        date: '2026-03-20',
        venue: '礼堂',
        path: path.join(dir, 'a.congress'),
      },
      ctx,
    );
    const meeting = await laptop.call('meetings.create', { name: '选举大会', date: '2026-03-20' }, ctx);
    const delegate = await laptop.call(
      'delegates.add',
      {
        badge: '001',
        name: '张三',
        gender: 'male',
        ethnicity: '汉族',
        birthDate: '1980-01',
        education: '大学',
        delegation: '机关代表团',
        unit: '青山镇党委',
        category: 'voting',
      },
      ctx,
    );
    const first = await laptop.timed('attendance.checkIn', { meetingId: meeting.id, delegateId: delegate.id }, ctx);
    expect(first.result.ok && first.result.value.outcome).toBe('checked_in');
    expect(first.t1).toBeGreaterThanOrEqual(first.t0);
    const again = await laptop.call('attendance.checkIn', { meetingId: meeting.id, delegateId: delegate.id }, ctx);
    expect(again.outcome).toBe('already_present');
    await laptop.waitForEvent((e) => e.event.topic === 'attendance');
    // Its processes die with the venue: SIGKILL as a laptop whose battery ran out.
    await laptop.kill();
    expect(laptop.ended?.signal).toBe('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('removes every namespace, and whatever still ran in them, on destroy', async () => {
    const venue = makeVenue(2);
    const server = echo(venue, 0, ['--listen', venue.laptops[0]!.address, '7008']);
    expect(await server.first).toBe('listening');
    const gone = new Promise((resolve) => server.child.once('exit', resolve));
    venue.destroy();
    await gone;
    const names = ip('netns', 'list');
    expect(names).not.toContain(venue.switchNs);
    for (const l of venue.laptops) expect(names).not.toContain(l.ns);
    venue.destroy();
  });
});
