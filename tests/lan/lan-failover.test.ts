/**
 * Issue 14, the host laptop dies during the count (SIGKILL, as a battery or a power strip would
 * end it), on the simulated venue network (tests/lan/netns.ts): the standby, which kept a copy,
 * is promoted by the secretariat with the chief scrutineer's PIN; the counting stations turn to
 * it, replay what they hold, and go on keying. Every paper a station was told is saved is in the
 * promoted congress, once; the audit chain verifies; the result file exported there verifies.
 */

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMakeNamespaces, sayWhySkipped } from './netns.js';
import type { Laptop } from './proc/control.js';
import {
  asChief,
  auditRows,
  type CountedContest,
  type Ctx,
  cycle,
  failoverScene,
  HOST_STATION,
  type HostCongress,
  paper,
  promote,
  type Station,
  signIn,
  until,
  type Venue,
  venueOf,
} from './scene.js';

const { ok } = canMakeNamespaces();
sayWhySkipped('the venue network scenarios (tests/lan/lan-failover.test.ts)');

describe.skipIf(!ok)('the host dies during the count; the standby takes over', { timeout: 300_000 }, () => {
  let venue: Venue;
  let c: HostCongress;
  let standby: Laptop;
  let count1: Station;
  let count2: Station;
  let committee: CountedContest;
  let discipline: CountedContest;

  beforeAll(async () => {
    venue = venueOf(4, 'lan-failover');
    ({
      c,
      standby,
      stations: [count1, count2],
      rounds: [committee, discipline],
    } = await failoverScene(venue, 40));
  }, 300_000);
  afterAll(async () => {
    await venue?.close();
  });

  it('kill the host mid-count, promote the standby with the chief PIN: no acknowledged paper lost, none doubled; the chain and the result file verify', async () => {
    const papers = new Map<number, string[]>([
      // Clear winners (more than half of those present for each seat), so that both contests end
      // with this round and the result can be exported; an invalid paper (○ ○ ○) in each.
      [committee.roundId, cycle(['oo-', 'oo-', 'oox', 'o-o', 'ooo', 'oo-'], c.voters.length)],
      [discipline.roundId, cycle(['o-', 'o-', 'ox', '-o', 'oo'], c.voters.length)],
    ]);
    /** What each station was told is saved: the paper's marks by its number in the round. */
    const acknowledged = new Map<number, Map<number, string>>([
      [committee.roundId, new Map()],
      [discipline.roundId, new Map()],
    ]);
    let queued = 0;
    const keyed = new Map<number, number>([
      [committee.roundId, 0],
      [discipline.roundId, 0],
    ]);
    async function keyNext(s: Station, roundId: number): Promise<void> {
      const i = keyed.get(roundId)!;
      const marks = papers.get(roundId)![i]!;
      const r = await s.laptop.invoke('ballots.enter', paper(roundId, marks), s.ctx);
      keyed.set(roundId, i + 1);
      if (r.ok) {
        expect(r.value.no).toBe(i + 1);
        acknowledged.get(roundId)!.set(r.value.no!, marks);
      } else {
        // Cut off from a dead host: kept in the outbox, sent later.
        expect(r.error.code, `${s.name} paper ${i + 1}: ${JSON.stringify(r.error)}`).toBe('queued');
        queued++;
      }
    }
    for (const s of [count1, count2]) {
      await s.laptop.call('contests.get', { contestId: committee.contestId }, s.ctx);
      await s.laptop.call('contests.get', { contestId: discipline.contestId }, s.ctx);
    }
    const half = Math.floor(c.voters.length / 2);
    // Both teams key; the host dies while they are at it.
    const keying = Promise.all([
      (async () => {
        for (let i = 0; i < half; i++) await keyNext(count1, committee.roundId);
      })(),
      (async () => {
        for (let i = 0; i < half; i++) await keyNext(count2, discipline.roundId);
      })(),
    ]);
    await until(
      'a few papers are in',
      async () => keyed.get(committee.roundId)! >= 8 && keyed.get(discipline.roundId)! >= 8,
      {
        everyMs: 20,
      },
    );
    await c.host.kill('SIGKILL');
    await keying;
    const acknowledgedAtKill = [...acknowledged.values()].reduce((n, m) => n + m.size, 0);
    expect(acknowledgedAtKill).toBeGreaterThanOrEqual(16);

    // The secretariat promotes the standby: the chief scrutineer's PIN, as the copy knows it.
    const chief = c.operators.chief!;
    const promoted = await promote(standby, chief);
    expect(promoted.mode).toBe('promoted');
    const self = promoted.host!;
    expect(self.address).toBe(standby.address);

    // The stations find it by themselves. Their counters' sign-ins were the old host's: where the
    // replay waits for one (the link says so), the counter signs in again at the station.
    for (const s of [count1, count2]) {
      let seen: unknown = null;
      const l = await until(
        `${s.name} turns to the promoted standby`,
        async () => {
          const l = await s.laptop.call('lan.link', {}, s.ctx);
          seen = l;
          return l.online && l.host?.address === self.address ? l : null;
        },
        { timeoutMs: 60_000 },
      ).catch((e: Error) => {
        const pairing = fs.readFileSync(path.join(s.laptop.dir, 'data', 'lan', 'station.json'), 'utf8');
        throw new Error(
          `${e.message}; its link: ${JSON.stringify(seen)}; its pairing: ${pairing}; its log: ${s.laptop.log.slice(-3000)}`,
        );
      });
      expect(l.host?.fingerprint).toBe(self.fingerprint);
      const counter = s === count1 ? c.operators.counter1! : c.operators.counter2!;
      if (l.problem === 'sign_in' || l.queued > 0) s.ctx = await signIn(s.laptop, counter, s.name);
      await until(`${s.name} replays its outbox`, async () => {
        const now = await s.laptop.call('lan.link', {}, s.ctx);
        return now.queued === 0 && !now.problem;
      });
    }
    await Promise.all([
      (async () => {
        while (keyed.get(committee.roundId)! < c.voters.length) await keyNext(count1, committee.roundId);
      })(),
      (async () => {
        while (keyed.get(discipline.roundId)! < c.voters.length) await keyNext(count2, discipline.roundId);
      })(),
    ]);
    for (const s of [count1, count2]) {
      await until('every paper is on the promoted standby', async () => {
        const l = await s.laptop.call('lan.link', {}, s.ctx);
        return l.queued === 0;
      });
    }

    // At the promoted standby, as its secretariat sees it now.
    const ctx: Ctx = await signIn(standby, c.operators.secretariat!, HOST_STATION);
    let checked = 0;
    for (const [roundId, sent] of papers) {
      const ballots = (await standby.call('ballots.list', { roundId }, ctx)).filter((b) => b.state === 'counted');
      // None lost, none doubled: one live ballot per paper keyed, in the order keyed.
      expect(ballots.map((b) => b.no)).toEqual(sent.map((_, i) => i + 1));
      const asText = (b: (typeof ballots)[number]) =>
        b.marks.map((m) => (m === 'circle' ? 'o' : m === 'cross' ? 'x' : '-')).join('');
      expect(ballots.map(asText)).toEqual(sent);
      for (const [no, marks] of acknowledged.get(roundId)!) {
        expect(asText(ballots.find((b) => b.no === no)!)).toBe(marks);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(acknowledgedAtKill);
    console.info(
      `[failover] ${checked} acknowledged papers checked (${acknowledgedAtKill} before the kill), ${queued} queued meanwhile`,
    );

    const verdict = await standby.call('audit.verify', {}, ctx);
    expect(verdict).toMatchObject({ ok: true, firstBrokenId: null, tablesAgree: true });

    // The stations' next beats tell the new host they hold nothing more for the rounds.
    await until('no station holds papers', async () => {
      const v = await standby.call('lan.venue', {}, ctx);
      return v.stations.every((s) => s.pending.length === 0);
    });
    for (const roundId of papers.keys()) {
      const closed = await asChief(standby, 'rounds.close', { roundId }, ctx, chief);
      if (!closed.ok) expect.fail(`rounds.close: ${JSON.stringify(closed.error)}`);
    }
    const out = path.join(standby.dir, 'result.json');
    const exported = await asChief(standby, 'result.export', { path: out, csvPath: null }, ctx, chief);
    if (!exported.ok) expect.fail(`result.export: ${JSON.stringify(exported.error)}`);
    expect(fs.existsSync(out)).toBe(true);
    const report = await standby.call('result.verify', { path: out, fingerprint: exported.value.fingerprint }, ctx);
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ ok: true, verdict: 'verified', signatureValid: true });
    // The chain says the congress moved laptops: the promotion, and the standby's key taking over.
    const rows = await auditRows(standby, ctx);
    const promotedRow = rows.find((r) => r.action === 'lan.promoted');
    const keyRow = rows.find((r) => r.action === 'audit.key');
    expect(promotedRow, 'a lan.promoted row').toBeDefined();
    expect(keyRow, 'an audit.key row').toBeDefined();
    expect(JSON.parse(keyRow!.payload)).toMatchObject({ key: { fingerprint: exported.value.fingerprint } });
    expect((await standby.call('audit.verify', {}, ctx)).ok).toBe(true);
  });
});
