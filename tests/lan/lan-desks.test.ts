/**
 * Issue 14, the check-in desks at the door: laptops in network namespaces (tests/lan/netns.ts),
 * a host with the congress and desk stations paired with it over the simulated venue network,
 * everything through the contract as the desks' windows call it.
 *
 * - Two desks check in the same delegate within the same second: counted once; one desk hears
 *   「签到成功」, the other 「已签到」 naming who checked in first.
 * - A desk cut off keeps checking in (each answered `queued`, 「离线:已暂存 N 条」), reads its
 *   figures from what it last heard, and replays when the cable is back: none lost, none doubled,
 *   even those another desk checked in meanwhile.
 * - The figures are live at every desk: a check-in at one arrives as a change at the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMakeNamespaces, sayWhySkipped } from './netns.js';
import {
  auditRows,
  type HostCongress,
  hostCongress,
  pairedStation,
  type Station,
  until,
  type Venue,
  venueOf,
} from './scene.js';

const { ok } = canMakeNamespaces();
sayWhySkipped('the venue network scenarios (tests/lan/lan-desks.test.ts)');

describe.skipIf(!ok)('check-in desks on the venue network', { timeout: 180_000 }, () => {
  let venue: Venue;
  let c: HostCongress;
  let desk1: Station;
  let desk2: Station;

  beforeAll(async () => {
    venue = venueOf(3, 'lan-desks');
    const host = await venue.start(0, 'host');
    c = await hostCongress(host, { delegates: 60, extra: { clerk1: 'clerk', clerk2: 'clerk' } });
    const [l1, l2] = await Promise.all([venue.start(1, 'desk 1'), venue.start(2, 'desk 2')]);
    desk1 = await pairedStation(c, l1, 'desk', '签到台1', c.operators.clerk1!);
    desk2 = await pairedStation(c, l2, 'desk', '签到台2', c.operators.clerk2!);
  }, 180_000);
  afterAll(async () => {
    await venue?.close();
  });

  const checkIn = (s: Station, delegateId: number) =>
    s.laptop.invoke('attendance.checkIn', { meetingId: c.meetingId, delegateId }, s.ctx);
  const hostPresent = async () => (await c.host.call('attendance.summary', { meetingId: c.meetingId }, c.ctx)).present;
  /** The check-ins the host committed, per delegate (its audit rows of attendance.checkIn that changed something). */
  const committedCheckIns = async () => {
    const counts = new Map<number, number>();
    for (const row of await auditRows(c.host, c.ctx)) {
      if (row.action !== 'attendance.checkIn') continue;
      const id = (JSON.parse(row.payload) as { delegateId?: number }).delegateId;
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };

  it('two desks check in the same delegate in the same second: counted once, and both told', async () => {
    const before = await hostPresent();
    // Ten delegates, each presented at both desks at once (a delegate who queued twice).
    const twice = c.voters.slice(0, 10);
    for (const v of twice) {
      const [a, b] = await Promise.all([checkIn(desk1, v.id), checkIn(desk2, v.id)]);
      if (!a.ok || !b.ok) expect.fail(`a desk was refused: ${JSON.stringify([a, b])}`);
      const outcomes = [a.value.outcome, b.value.outcome].sort();
      expect(outcomes).toEqual(['already_present', 'checked_in']);
      // The desk that came second is told who checked the delegate in: the other desk's clerk.
      const [first, second] = a.value.outcome === 'checked_in' ? [a.value, b.value] : [b.value, a.value];
      expect(second.record.operator).toBe(first.record.operator);
      expect([c.operators.clerk1!.name, c.operators.clerk2!.name]).toContain(first.record.operator);
      expect(second.delegate.id).toBe(v.id);
    }
    expect(await hostPresent()).toBe(before + twice.length);
    const committed = await committedCheckIns();
    for (const v of twice) expect(committed.get(v.id)).toBe(1);
  });

  it('a check-in at one desk shows at the other desk at once (the hall figures are live everywhere)', async () => {
    await desk2.laptop.streamEvents();
    const from = desk2.laptop.events.length;
    const v = c.voters[20]!;
    const r = await checkIn(desk1, v.id);
    expect(r.ok && r.value.outcome).toBe('checked_in');
    await desk2.laptop.waitForEvent((e) => e.event.topic === 'attendance' && e.event.meetingId === c.meetingId, {
      from,
      timeoutMs: 10_000,
    });
    const seen = await desk2.laptop.call('attendance.summary', { meetingId: c.meetingId }, desk2.ctx);
    expect(seen.present).toBe(await hostPresent());
  });

  it('a desk cut off keeps checking in (queued), and replays when mended: none lost, none doubled', async () => {
    const summaryBefore = await desk1.laptop.call('attendance.summary', { meetingId: c.meetingId }, desk1.ctx);
    const presentBefore = await hostPresent();
    const queue = c.voters.slice(30, 42);
    venue.net.cut(1);
    const cutAt = Date.now();
    const answers = [];
    for (const v of queue) answers.push(await checkIn(desk1, v.id));
    // Each is kept in the desk's outbox, and the desk says so and goes on to the next delegate.
    for (const [i, a] of answers.entries()) {
      expect(a.ok).toBe(false);
      if (!a.ok) {
        expect(a.error.code).toBe('queued');
        expect(a.error.reason).toBe('lan.queued');
        expect(a.error.params?.queued).toBe(i + 1);
      }
    }
    const link = await desk1.laptop.call('lan.link', {}, desk1.ctx);
    expect(link).toMatchObject({ mode: 'station', online: false, queued: queue.length });
    // Cut off, the desk's figures are those it last heard.
    expect(await desk1.laptop.call('attendance.summary', { meetingId: c.meetingId }, desk1.ctx)).toEqual(summaryBefore);
    // Meanwhile the other desk, still on the network, checks in two of the same delegates.
    for (const v of queue.slice(0, 2)) expect((await checkIn(desk2, v.id)).ok).toBe(true);
    expect(await hostPresent()).toBe(presentBefore + 2);

    // The cable stays out five seconds (the minute, shortened: the link behaves the same).
    await new Promise((r) => setTimeout(r, Math.max(0, 5_000 - (Date.now() - cutAt))));
    venue.net.mend(1);
    const replayed = await until(
      'the desk replays its outbox',
      async () => {
        const l = await desk1.laptop.call('lan.link', {}, desk1.ctx);
        return l.online && l.queued === 0 ? l : null;
      },
      { timeoutMs: 30_000 },
    );
    // Nothing of the queue was refused. The two the other desk took first answer 「已签到」 on replay:
    // not a refusal, so the desk may or may not list them among what it is told, but nothing else.
    expect(replayed.told.length).toBeLessThanOrEqual(2);
    for (const t of replayed.told) expect(t.channel).toBe('attendance.checkIn');
    // None lost: every delegate of the queue is present; none doubled: each committed once.
    expect(await hostPresent()).toBe(presentBefore + queue.length);
    const list = await c.host.call('attendance.list', { meetingId: c.meetingId }, c.ctx);
    for (const v of queue) expect(list.filter((r) => r.delegateId === v.id && r.status === 'present')).toHaveLength(1);
    const committed = await committedCheckIns();
    for (const v of queue) expect(committed.get(v.id)).toBe(1);
    // The two the other desk took first are its clerk's; the rest the cut-off desk's.
    for (const v of queue) {
      const record = list.find((r) => r.delegateId === v.id)!;
      const expected = queue.indexOf(v) < 2 ? c.operators.clerk2!.name : c.operators.clerk1!.name;
      expect(record.operator).toBe(expected);
    }
    // And the desk's figures agree with the host's again.
    const after = await desk1.laptop.call('attendance.summary', { meetingId: c.meetingId }, desk1.ctx);
    expect(after.present).toBe(presentBefore + queue.length);
  });
});
