/**
 * `npm run bench -- lan` (issue 14): the venue network's figures, on laptops simulated in network
 * namespaces (tests/lan/netns.ts), each laptop its own process with its own store, over TLS with
 * the host's certificate pinned, everything through the contract (tests/lan/scene.ts):
 *
 * - lan.checkin.p99: 4 desks check in 400 delegates at once; ms per check-in as the desk's store
 *   measures it (outbox, TLS, the host's transaction, the answer).
 * - lan.board.p99: a check-in asked at one desk → the change event at the hall's board laptop.
 * - lan.replay: 100 check-ins queued during a 60-second cut (LAN_BENCH_CUT_MS to shorten it when
 *   trying) → ms from the cable back (carrier up) until all 100 are answered; none lost, none doubled.
 * - lan.failover: the host SIGKILLed mid-count with a standby → ms until both counting stations'
 *   next papers are answered by the promoted standby (promoted by the bench as the secretariat
 *   would, as soon as the standby agrees the host is gone); every acknowledged paper checked.
 *
 * Needs root and iproute2; elsewhere it says why and reports nothing.
 */
import { canMakeNamespaces } from '../tests/lan/netns.js';
import {
  auditRows,
  failoverScene,
  hostCongress,
  pairedStation,
  paper,
  promote,
  type Station,
  signIn,
  until,
  venueOf,
} from '../tests/lan/scene.js';
import { percentile, type Reporter } from './report.js';

const clock = () => performance.timeOrigin + performance.now();

export async function benchLan(report: Reporter): Promise<void> {
  // The laptops run as shipped: the contract's output check is the tests' (tests/lan/proc/laptop.ts).
  process.env.CONGRESS_DESK_VALIDATE_OUTPUT ??= '0';
  const probe = canMakeNamespaces();
  if (!probe.ok) {
    console.warn(`bench lan skipped: ${probe.why}`);
    return;
  }
  await checkInAndBoard(report);
  await replay(report);
  await failover(report);
}

/** 4 desks and a board: 400 check-ins at once, then 100 one by one watched at the board. */
async function checkInAndBoard(report: Reporter): Promise<void> {
  const venue = venueOf(6, 'bench-lan');
  try {
    const host = await venue.start(0, 'host');
    const extra = { clerk1: 'clerk', clerk2: 'clerk', clerk3: 'clerk', clerk4: 'clerk' } as const;
    const c = await hostCongress(host, { delegates: 560, extra });
    const desks: Station[] = [];
    const laptops = await Promise.all([1, 2, 3, 4, 5].map((i) => venue.start(i, i === 5 ? 'board' : `desk ${i}`)));
    for (let i = 0; i < 4; i++) {
      desks.push(await pairedStation(c, laptops[i]!, 'desk', `签到台${i + 1}`, c.operators[`clerk${i + 1}`]!));
    }
    const board = await pairedStation(c, laptops[4]!, 'board', '大屏', null);
    const voters = c.voters;
    if (voters.length < 500) throw new Error(`only ${voters.length} voting delegates`);

    // 400 delegates, a quarter at each desk, all desks at once.
    const samples: number[] = [];
    await Promise.all(
      desks.map(async (desk, d) => {
        for (const v of voters.slice(d * 100, d * 100 + 100)) {
          const r = await desk.laptop.timed(
            'attendance.checkIn',
            { meetingId: c.meetingId, delegateId: v.id },
            desk.ctx,
          );
          if (!r.result.ok || r.result.value.outcome !== 'checked_in') {
            throw new Error(`${desk.name}: ${JSON.stringify(r.result)}`);
          }
          samples.push(r.t1 - r.t0);
        }
      }),
    );
    const present = (await host.call('attendance.summary', { meetingId: c.meetingId }, c.ctx)).present;
    if (present !== 400) throw new Error(`${present} present after 400 check-ins`);
    const note = '4 desks × 100 at once over TLS in namespaces, at the desk (outbox, host commit, answer)';
    report.add({ bench: 'lan.checkin.p50', value: percentile(samples, 50), unit: 'ms', budget: 15, note });
    report.add({ bench: 'lan.checkin.p99', value: percentile(samples, 99), unit: 'ms', budget: 15, note });

    // One check-in at a time, at each desk in turn: from the desk's ask to the board's event.
    await board.laptop.streamEvents();
    const delays: number[] = [];
    for (const [i, v] of voters.slice(400, 500).entries()) {
      const desk = desks[i % desks.length]!;
      const from = board.laptop.events.length;
      const r = await desk.laptop.timed('attendance.checkIn', { meetingId: c.meetingId, delegateId: v.id }, desk.ctx);
      if (!r.result.ok) throw new Error(`${desk.name}: ${JSON.stringify(r.result)}`);
      const seen = await board.laptop.waitForEvent(
        (e) => e.event.topic === 'attendance' && e.event.meetingId === c.meetingId,
        { from, timeoutMs: 5_000 },
      );
      delays.push(seen.at - r.t0);
    }
    report.add({
      bench: 'lan.board.p99',
      value: percentile(delays, 99),
      unit: 'ms',
      budget: 100,
      note: '100 check-ins, from the ask at a desk to the change event at the board laptop',
    });
  } finally {
    await venue.close();
  }
}

/** A desk cut for a minute checks in 100 delegates; the cable back, how long until all are on the host. */
async function replay(report: Reporter): Promise<void> {
  const cutMs = Number(process.env.LAN_BENCH_CUT_MS ?? 60_000);
  const venue = venueOf(2, 'bench-lan-replay');
  try {
    const host = await venue.start(0, 'host');
    const c = await hostCongress(host, { delegates: 130, extra: { clerk: 'clerk' } });
    const desk = await pairedStation(c, await venue.start(1, 'desk'), 'desk', '签到台1', c.operators.clerk!);
    const queue = c.voters.slice(0, 100);
    venue.net.cut(1);
    const cutAt = Date.now();
    for (const v of queue) {
      const r = await desk.laptop.invoke('attendance.checkIn', { meetingId: c.meetingId, delegateId: v.id }, desk.ctx);
      if (r.ok || r.error.code !== 'queued') throw new Error(`not queued while cut: ${JSON.stringify(r)}`);
    }
    // The counter's sign-in must outlast the cut, as the idle lock allows while the desk works.
    await new Promise((r) => setTimeout(r, Math.max(0, cutMs - (Date.now() - cutAt))));
    venue.net.mend(1);
    const back = clock();
    await until(
      'the desk replays its 100 check-ins',
      async () => {
        const l = await desk.laptop.call('lan.link', {}, desk.ctx);
        return l.online && l.queued === 0;
      },
      { timeoutMs: 120_000, everyMs: 10 },
    );
    const ms = clock() - back;
    const present = (await host.call('attendance.summary', { meetingId: c.meetingId }, c.ctx)).present;
    const committed = (await auditRows(host, c.ctx)).filter((r) => r.action === 'attendance.checkIn').length;
    if (present !== 100 || committed !== 100)
      throw new Error(`after replay: ${present} present, ${committed} committed`);
    report.add({
      bench: 'lan.replay',
      value: ms,
      unit: 'ms',
      budget: 2000,
      note: `100 check-ins queued during a ${Math.round(cutMs / 1000)} s cut; 100 present, 100 committed (none lost, none doubled)`,
    });
  } finally {
    await venue.close();
  }
}

/** Two counting stations key; the host dies; the standby is promoted; their next papers are answered. */
async function failover(report: Reporter): Promise<void> {
  const venue = venueOf(4, 'bench-lan-failover');
  try {
    const { c, standby, stations, rounds } = await failoverScene(venue, 120);
    const host = c.host;
    const counters = [c.operators.counter1!, c.operators.counter2!];
    for (const [i, s] of stations.entries()) {
      await s.laptop.call('contests.get', { contestId: rounds[i]!.contestId }, s.ctx);
    }
    const marks = ['oo-', 'o-'];
    const acknowledged = [0, 0];
    let killedAt = 0;
    // Each team keys at its pace until the host is gone, then a paper or two more (queued).
    const keying = stations.map(async (s, i) => {
      for (let n = 0; n < 30; n++) {
        const r = await s.laptop.invoke('ballots.enter', paper(rounds[i]!.roundId, marks[i]!), s.ctx);
        if (r.ok) acknowledged[i]!++;
        else if (r.error.code !== 'queued') throw new Error(`${s.name}: ${JSON.stringify(r.error)}`);
        if (killedAt && !r.ok) break;
      }
    });
    await until('papers are in', async () => acknowledged[0]! >= 10 && acknowledged[1]! >= 10, { everyMs: 10 });
    await host.kill('SIGKILL');
    killedAt = clock();
    await Promise.all(keying);
    const promoted = await promote(standby, c.operators.chief!);
    const self = promoted.host!;
    // Each station: its next paper answered by the promoted standby (its counter signs in there if asked).
    const resumed = await Promise.all(
      stations.map(async (s, i) => {
        await until(
          `${s.name} turns to the standby`,
          async () => {
            const l = await s.laptop.call('lan.link', {}, s.ctx);
            return l.online && l.host?.address === self.address;
          },
          { timeoutMs: 60_000, everyMs: 20 },
        );
        const l = await s.laptop.call('lan.link', {}, s.ctx);
        if (l.problem === 'sign_in' || l.queued > 0) s.ctx = await signIn(s.laptop, counters[i]!, s.name);
        for (;;) {
          const r = await s.laptop.timed('ballots.enter', paper(rounds[i]!.roundId, marks[i]!), s.ctx);
          if (r.result.ok) return r.t1;
          if (r.result.error.code !== 'queued') throw new Error(`${s.name}: ${JSON.stringify(r.result.error)}`);
          await new Promise((w) => setTimeout(w, 20));
        }
      }),
    );
    const ms = Math.max(...resumed) - killedAt;
    // Every paper a station was told is saved, and every queued one, is at the promoted standby, once.
    for (const s of stations) {
      await until('outbox empty', async () => (await s.laptop.call('lan.link', {}, s.ctx)).queued === 0, {
        timeoutMs: 60_000,
      });
    }
    const ctx = await signIn(standby, c.operators.secretariat!, '秘书处');
    let checked = 0;
    for (const [i, r] of rounds.entries()) {
      const ballots = (await standby.call('ballots.list', { roundId: r.roundId }, ctx)).filter(
        (b) => b.state === 'counted',
      );
      const nos = ballots.map((b) => b.no);
      if (new Set(nos).size !== nos.length) throw new Error(`a paper doubled in round ${r.roundId}`);
      if (ballots.length < acknowledged[i]! + 1)
        throw new Error(`round ${r.roundId}: ${ballots.length} of ${acknowledged[i]! + 1}`);
      checked += acknowledged[i]!;
    }
    report.add({
      bench: 'lan.failover',
      value: ms,
      unit: 'ms',
      budget: 30000,
      note: `SIGKILL → both stations' next papers answered by the promoted standby; ${checked} acknowledged writes checked, 0 lost`,
    });
  } finally {
    await venue.close();
  }
}
