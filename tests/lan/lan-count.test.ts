/**
 * Issue 14, the counting room on the venue network: counting stations in network namespaces
 * (tests/lan/netns.ts) paired with the host, keying through the contract as the count screen does.
 *
 * - Two stations count the two contests of one paper (党委委员 and 纪委委员 voted together) at the
 *   same time: each contest's tally is exactly its station's papers.
 * - Double entry across laptops: the two keyings of a stack at two stations, settled on the host;
 *   the comparison shows where they differ.
 * - A counting station cut off keeps keying up to the papers collected, and past that is refused
 *   as the host would refuse it; while it holds papers the host hears of, the round cannot close.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMakeNamespaces, sayWhySkipped } from './netns.js';
import {
  asChief,
  type CountedContest,
  checkInAtHost,
  contestAtHost,
  cycle,
  type HostCongress,
  hostCongress,
  issueAndCollect,
  pairedStation,
  paper,
  type Station,
  signIn,
  until,
  type Venue,
  venueOf,
} from './scene.js';

const { ok } = canMakeNamespaces();
sayWhySkipped('the venue network scenarios (tests/lan/lan-count.test.ts)');

/** The tally rule 4 gives: a paper choosing more than the seats counts for nobody. */
function expectedTally(papers: string[], seats: number) {
  const n = papers[0]!.length;
  const candidates = Array.from({ length: n }, () => ({ for: 0, against: 0, abstain: 0 }));
  let valid = 0;
  let invalid = 0;
  for (const p of papers) {
    if ([...p].filter((m) => m === 'o').length > seats) {
      invalid++;
      continue;
    }
    valid++;
    [...p].forEach((m, i) => {
      const t = candidates[i]!;
      if (m === 'o') t.for++;
      else if (m === 'x') t.against++;
      else t.abstain++;
    });
  }
  return { counted: papers.length, valid, invalid, candidates };
}

describe.skipIf(!ok)('counting stations on the venue network', { timeout: 240_000 }, () => {
  let venue: Venue;
  let c: HostCongress;
  let count1: Station;
  let count2: Station;
  let present: number;

  beforeAll(async () => {
    venue = venueOf(3, 'lan-count');
    const host = await venue.start(0, 'host');
    c = await hostCongress(host, { delegates: 40, extra: { counter1: 'counter', counter2: 'counter' } });
    await checkInAtHost(c);
    present = c.voters.length;
    const [l1, l2] = await Promise.all([venue.start(1, 'count 1'), venue.start(2, 'count 2')]);
    count1 = await pairedStation(c, l1, 'count', '计票台1', c.operators.counter1!);
    count2 = await pairedStation(c, l2, 'count', '计票台2', c.operators.counter2!);
  }, 240_000);
  afterAll(async () => {
    await venue?.close();
  });

  /** Keys `papers` at `s` one after another, as a counter does; every answer must be a ballot. */
  async function key(
    s: Station,
    roundId: number,
    papers: string[],
    stack: { stack: number; entry: 1 | 2 } | null = null,
  ) {
    for (const [i, p] of papers.entries()) {
      const r = await s.laptop.invoke('ballots.enter', paper(roundId, p, stack), s.ctx);
      if (!r.ok) expect.fail(`${s.name} paper ${i + 1}: ${JSON.stringify(r.error)}`);
    }
  }

  it('two stations count the two contests of one paper group at once; each tally is its own papers', async () => {
    const group = '第一张选票';
    const committee = await contestAtHost(c, {
      title: '党委委员',
      seats: 2,
      candidates: 3,
      from: 0,
      paperGroup: group,
    });
    const discipline = await contestAtHost(c, {
      title: '纪委委员',
      seats: 1,
      candidates: 2,
      from: 3,
      paperGroup: group,
    });
    await issueAndCollect(c, committee.roundId, present);
    await issueAndCollect(c, discipline.roundId, present);
    const committeePapers = cycle(['oo-', 'o-o', '-oo', 'ox-', 'ooo', 'x--'], present);
    const disciplinePapers = cycle(['o-', '-o', 'ox', 'oo', '--'], present);
    // The count screen reads its contest first (so the station knows the papers collected).
    await count1.laptop.call('contests.get', { contestId: committee.contestId }, count1.ctx);
    await count2.laptop.call('contests.get', { contestId: discipline.contestId }, count2.ctx);
    await Promise.all([
      key(count1, committee.roundId, committeePapers),
      key(count2, discipline.roundId, disciplinePapers),
    ]);
    for (const [contest, papers] of [
      [committee, committeePapers],
      [discipline, disciplinePapers],
    ] as [CountedContest, string[]][]) {
      const result = await c.host.call('rounds.result', { roundId: contest.roundId }, c.ctx);
      expect(result.tally).toMatchObject(expectedTally(papers, contest.seats));
      // Every station reads the same figures from the host (the board in the hall does too).
      const atOther = await count2.laptop.call('rounds.result', { roundId: contest.roundId }, count2.ctx);
      expect(atOther.tally).toEqual(result.tally);
    }
    const ballots = await c.host.call('ballots.list', { roundId: committee.roundId }, c.ctx);
    expect(ballots.map((b) => b.no)).toEqual(Array.from({ length: present }, (_, i) => i + 1));
  });

  it('two stations key the two entries of a stack; the host compares them and the scrutineer settles', async () => {
    const contest = await contestAtHost(c, {
      title: '出席区党代会代表',
      seats: 2,
      candidates: 3,
      from: 6,
      paperGroup: null,
      doubleEntry: true,
    });
    await issueAndCollect(c, contest.roundId, present);
    const first = cycle(['oo-', 'o-o', '-oo', 'o--', 'oxx', '-o-'], 8);
    const second = [...first];
    // Two papers read differently by the second team: positions 3 and 7.
    second[2] = 'oox';
    second[6] = 'ooo';
    await Promise.all([
      key(count1, contest.roundId, first, { stack: 1, entry: 1 }),
      key(count2, contest.roundId, second, { stack: 1, entry: 2 }),
    ]);
    const compared = await c.host.call('stacks.compare', { roundId: contest.roundId, stack: 1 }, c.ctx);
    expect(compared).toHaveLength(8);
    expect(compared.filter((p) => !p.same).map((p) => p.position)).toEqual([3, 7]);
    for (const p of compared) {
      expect(p.first?.enteredBy).toBe(c.operators.counter1!.name);
      expect(p.second?.enteredBy).toBe(c.operators.counter2!.name);
    }
    const [summary] = await c.host.call('stacks.list', { roundId: contest.roundId }, c.ctx);
    expect(summary).toMatchObject({ stack: 1, first: 8, second: 8, differences: 2, reconciled: false });

    // The scrutineers look at papers 3 and 7 and settle: the first keying was right for 3, the second for 7.
    const scrutineer = await signIn(c.host, c.operators.scrutineer!, '监票席');
    await c.host.call('stacks.settle', { roundId: contest.roundId, stack: 1, position: 3, keep: 1 }, scrutineer);
    const settled = await c.host.call(
      'stacks.settle',
      { roundId: contest.roundId, stack: 1, position: 7, keep: 2 },
      scrutineer,
    );
    expect(settled).toMatchObject({ differences: 0, reconciled: true });
    const kept = [...first];
    kept[6] = second[6]!;
    const result = await c.host.call('rounds.result', { roundId: contest.roundId }, c.ctx);
    expect(result.tally).toMatchObject(expectedTally(kept, 2));
  });

  it('cut off, a station keys up to the papers collected, then is refused as the host would; the round cannot close while it holds papers', async () => {
    const contest = await contestAtHost(c, { title: '纪委书记', seats: 1, candidates: 2, from: 10, paperGroup: null });
    const collected = 6;
    await issueAndCollect(c, contest.roundId, collected);
    await count1.laptop.call('contests.get', { contestId: contest.contestId }, count1.ctx);
    const papers = cycle(['o-', '-o', 'ox'], collected);

    venue.net.cut(1);
    for (const [i, p] of papers.entries()) {
      const r = await count1.laptop.invoke('ballots.enter', paper(contest.roundId, p), count1.ctx);
      expect(r.ok ? 'entered' : r.error.code, `paper ${i + 1}`).toBe('queued');
    }
    // One paper more than were collected: refused at once, with the host's own reason, not queued.
    const extra = await count1.laptop.invoke('ballots.enter', paper(contest.roundId, 'o-'), count1.ctx);
    expect(extra.ok).toBe(false);
    if (!extra.ok) {
      expect(extra.error.reason).toBe('ballot.all_entered');
      expect(extra.error.params).toMatchObject({ collected, entered: collected });
    }
    expect(await count1.laptop.call('lan.link', {}, count1.ctx)).toMatchObject({ online: false, queued: collected });

    // The counter's sign-in ends while the cable is out (the station locked, as the idle lock does):
    // once mended, the replay waits for the next sign-in, and the station's beats say what it holds.
    await c.host.call('station.lock', {}, count1.ctx);
    venue.net.mend(1);
    await until('the station tells its link waits for a sign-in', async () => {
      const l = await count1.laptop.call('lan.link', {}, count1.ctx);
      return l.online && l.problem === 'sign_in' && l.queued === collected;
    });
    const held = await until('the host hears what the station holds', async () => {
      const v = await c.host.call('lan.venue', {}, c.ctx);
      const row = v.stations.find((s) => s.name === '计票台1');
      // A beat sent as the cable went (holding fewer) may arrive first; the next one says all.
      return row?.pending.find((p) => p.roundId === contest.roundId && p.papers === collected) ? row : null;
    });
    expect(held.pending).toContainEqual({ roundId: contest.roundId, papers: collected });
    const refused = await asChief(c.host, 'rounds.close', { roundId: contest.roundId }, c.ctx, c.operators.chief!);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.reason).toBe('lan.papers_at_station');
      expect(refused.error.params).toMatchObject({ station: '计票台1', papers: collected });
    }
    expect((await c.host.call('rounds.result', { roundId: contest.roundId }, c.ctx)).tally.counted).toBe(0);

    // The counter signs in again: the papers go up, and the round closes with all of them.
    count1.ctx = await signIn(count1.laptop, c.operators.counter1!, count1.name);
    await until('the station replays its papers', async () => {
      const l = await count1.laptop.call('lan.link', {}, count1.ctx);
      return l.online && l.queued === 0 && !l.problem;
    });
    await until('the host hears the station holds nothing more', async () => {
      const v = await c.host.call('lan.venue', {}, c.ctx);
      return !v.stations.find((s) => s.name === '计票台1')?.pending.some((p) => p.roundId === contest.roundId);
    });
    const closed = await asChief(c.host, 'rounds.close', { roundId: contest.roundId }, c.ctx, c.operators.chief!);
    if (!closed.ok) expect.fail(`rounds.close: ${JSON.stringify(closed.error)}`);
    expect(closed.value.result.tally).toMatchObject(expectedTally(papers, 1));
    expect(closed.value.result.provisional).toEqual([]);
  });
});
