/**
 * The scenes of the venue-network scenarios and bench (issue 14), set through the contract only,
 * as the secretariat and the stations' people would: a host laptop with a congress (a roster, a
 * meeting, one operator per job, each with a PIN), opened to the venue network; stations paired
 * with a code the host shows, an operator signed in at each. No vitest here: bench/lan.ts uses it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { candidateFromDelegate, electionContest } from '../../core/candidates.js';
import type { Channel, Input, Output } from '../../core/contract.js';
import { reasons } from '../../core/reasons.js';
import type { Result } from '../../core/result.js';
import type { Role } from '../../core/roles.js';
import { syntheticRoster, syntheticXlsx } from '../fixtures/synthetic-roster.js';
import { makeVenue, type VenueNet } from './netns.js';
import { Laptop } from './proc/control.js';

/** The port the hosts of the scenarios listen on (any free port works: each laptop has its own namespace). */
export const PORT = 47310;

export interface Operator {
  id: number;
  name: string;
  role: Role;
  pin: string;
}

/** What a window of a laptop puts in every call once its operator signed in. */
export interface Ctx {
  operator: string;
  station: string;
  session?: string;
  acknowledge?: string[];
  confirm?: { operatorId: number; pin: string; nonce: string };
}

export interface Venue {
  net: VenueNet;
  /** The laptops started, by index in the venue (0 is the host). */
  laptops: Laptop[];
  /** The folder every laptop's folder is in. */
  dir: string;
  /** Starts laptop `index`'s process, its folder `folder` (another folder: another laptop on the same address). */
  start(index: number, name: string, folder?: string): Promise<Laptop>;
  close(): Promise<void>;
}

/** A venue of `n` laptops' namespaces; the laptops' processes start as asked. */
export function venueOf(n: number, label = 'lan'): Venue {
  const net = makeVenue(n);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `congress-desk-${label}-`));
  const laptops: Laptop[] = [];
  const others: Laptop[] = [];
  return {
    net,
    laptops,
    dir,
    async start(index, name, folder = `laptop${index}`) {
      const laptop = await Laptop.start({
        dir: path.join(dir, folder),
        name,
        venue: net,
        index,
        verbose: process.env.LAN_VERBOSE === '1',
      });
      if (laptops[index]?.alive) others.push(laptops[index]!);
      laptops[index] = laptop;
      return laptop;
    },
    async close() {
      await Promise.all([...laptops, ...others].filter(Boolean).map((l) => l.close(3_000).catch(() => l.kill())));
      net.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface HostCongress {
  host: Laptop;
  path: string;
  uid: string;
  meetingId: number;
  /** The voting delegates (ids in roster order), then the others. */
  voters: { id: number; badge: string; name: string }[];
  operators: Record<string, Operator>;
  /** The secretariat signed in at the host. */
  ctx: Ctx;
  fingerprint: string;
  address: string;
  port: number;
}

export const HOST_STATION = '秘书处';

/**
 * A congress of `delegates` (synthetic roster) on `host`, its operators (`extra` adds more:
 * name → role), the secretariat signed in there, and the congress opened to the venue on the
 * host's own address.
 */
export async function hostCongress(
  host: Laptop,
  options: { delegates: number; extra?: Record<string, Role>; open?: boolean },
): Promise<HostCongress> {
  const file = path.join(host.dir, 'congress.congress');
  const first = { operator: '秘书 王敏', station: HOST_STATION };
  const created = await host.call(
    'congress.create',
    { name: '中国共产党青山镇第十五次代表大会', date: '2026-03-20', venue: '青山镇人民政府大礼堂', path: file },
    first,
  );
  const bytes = await syntheticXlsx(syntheticRoster(options.delegates));
  await host.call(
    'roster.import',
    { fileName: 'roster.xlsx', contentBase64: Buffer.from(bytes).toString('base64') },
    { ...first, acknowledge: ALL_ROSTER_WARNINGS },
  );
  const meeting = await host.call('meetings.create', { name: '选举大会', date: '2026-03-20' }, first);
  const roster = await host.call('delegates.list', {}, first);
  const voters = roster.filter((d) => d.category === 'voting').map((d) => ({ id: d.id, badge: d.badge, name: d.name }));

  const wanted: Record<string, Role> = {
    secretariat: 'secretariat',
    chief: 'chief_scrutineer',
    scrutineer: 'scrutineer',
    ...options.extra,
  };
  const operators: Record<string, Operator> = {};
  let ctx: Ctx = first;
  let n = 0;
  for (const [key, role] of Object.entries(wanted)) {
    n++;
    const pin = String(100000 + n * 111).padStart(6, '0');
    const name = `${ROLE_NAME[role]} ${key}`;
    const op = await host.call('operators.add', { name, role, pin }, ctx);
    operators[key] = { id: op.id, name, role, pin };
    // Before the first operator the name typed at the station is the operator; from then on a sign-in.
    if (key === 'secretariat') ctx = await signIn(host, operators[key]!, HOST_STATION);
  }
  const opened =
    options.open === false ? null : await host.call('lan.openVenue', { address: host.address, port: PORT }, ctx);
  const got = await host.call('congress.get', {}, ctx);
  return {
    host,
    path: created.path,
    uid: got.congress.uid,
    meetingId: meeting.id,
    voters,
    operators,
    ctx,
    fingerprint: opened?.fingerprint ?? '',
    address: host.address,
    port: PORT,
  };
}

/** The warnings a roster import may raise (a synthetic roster has 列席 and 候补): the secretariat saw them. */
const ALL_ROSTER_WARNINGS = Object.keys(reasons)
  .filter((key) => key.startsWith('warning.'))
  .slice(0, 32);

const ROLE_NAME: Record<Role, string> = {
  secretariat: '秘书',
  clerk: '报到员',
  counter: '计票人',
  scrutineer: '监票人',
  chief_scrutineer: '总监票人',
};

/** The context of a laptop's window before it is a station of anything: whoever sets it up types a name. */
export const SETUP_CTX = (station: string): Ctx => ({ operator: '技术员 小刘', station });

/** Signs `operator` in at `laptop` (a station's sign-in goes to its host): the window's context from then on. */
export async function signIn(laptop: Laptop, operator: Operator, station: string): Promise<Ctx> {
  const r = await laptop.call(
    'station.signIn',
    { operatorId: operator.id, pin: operator.pin },
    { operator: '', station },
  );
  return { operator: '', station, session: r.token };
}

/** Pairs `station` with the host: a code shown at the host for `kind`, typed in at the station. */
export async function pair(
  c: HostCongress,
  station: Laptop,
  kind: Input<'lan.newCode'>['kind'],
  name: string,
): Promise<Output<'lan.join'>> {
  const code = await c.host.call('lan.newCode', { kind }, c.ctx);
  return station.call(
    'lan.join',
    { address: c.address, port: c.port, code: code.code, name, kind },
    // A laptop with no congress open: the name typed at it is who did it (as before any operator exists).
    SETUP_CTX(name),
  );
}

/** A station paired and its operator signed in: the laptop and the context of its window. */
export interface Station {
  laptop: Laptop;
  name: string;
  ctx: Ctx;
}

export async function pairedStation(
  c: HostCongress,
  laptop: Laptop,
  kind: Input<'lan.newCode'>['kind'],
  name: string,
  operator: Operator | null,
): Promise<Station> {
  await pair(c, laptop, kind, name);
  const ctx = operator ? await signIn(laptop, operator, name) : { operator: '', station: name };
  return { laptop, name, ctx };
}

/** Checks in the first `count` voters at the host (the quorum for a round needs more than 4/5). */
export async function checkInAtHost(c: HostCongress, count = c.voters.length): Promise<void> {
  for (const v of c.voters.slice(0, count)) {
    await c.host.call('attendance.checkIn', { meetingId: c.meetingId, delegateId: v.id }, c.ctx);
  }
}

export interface CountedContest {
  contestId: number;
  roundId: number;
  /** Candidates in paper order. */
  candidates: number;
  seats: number;
}

/**
 * A contest on paper group `paperGroup` whose candidates are the voters from `from` on, its order
 * approved, its papers issued to all present and `collected` of them collected.
 */
export async function contestAtHost(
  c: HostCongress,
  options: {
    title: string;
    seats: number;
    candidates: number;
    from: number;
    paperGroup: string | null;
    doubleEntry?: boolean;
  },
): Promise<Omit<CountedContest, never>> {
  const contest = await c.host.call(
    'contests.create',
    electionContest(c.meetingId, options.title, options.seats, {
      paperGroup: options.paperGroup,
      doubleEntry: options.doubleEntry ?? false,
    }),
    c.ctx,
  );
  const roster = await c.host.call('delegates.list', {}, c.ctx);
  const ids: number[] = [];
  for (const v of c.voters.slice(options.from, options.from + options.candidates)) {
    const d = roster.find((r) => r.id === v.id)!;
    ids.push((await c.host.call('candidates.add', { contestId: contest.id, ...candidateFromDelegate(d) }, c.ctx)).id);
  }
  await c.host.call('candidates.approveOrder', { contestId: contest.id, candidateIds: ids }, c.ctx);
  const { rounds } = await c.host.call('contests.get', { contestId: contest.id }, c.ctx);
  return { contestId: contest.id, roundId: rounds[0]!.id, candidates: ids.length, seats: options.seats };
}

/** Issues the round's papers to every voter present (two spare, voided) and collects `collected`. */
export async function issueAndCollect(c: HostCongress, roundId: number, collected: number): Promise<void> {
  const summary = await c.host.call('attendance.summary', { meetingId: c.meetingId }, c.ctx);
  await c.host.call(
    'rounds.distribute',
    { roundId, ballotsPrinted: summary.present + 2, issued: summary.present, spareVoided: 2 },
    c.ctx,
  );
  await c.host.call('rounds.collect', { roundId, collected }, c.ctx);
}

/** A paper's marks: "oo-x" → ○ ○ (none) ×, one character per candidate in paper order. */
export function marks(text: string): Input<'ballots.enter'>['marks'] {
  return [...text].map((ch) => (ch === 'o' ? 'circle' : ch === 'x' ? 'cross' : 'none'));
}

/** A keyed paper of `roundId` (no write-in, not set aside, single entry unless `stack` and `entry`). */
export function paper(
  roundId: number,
  text: string,
  stack: { stack: number; entry: 1 | 2 } | null = null,
): Input<'ballots.enter'> {
  return {
    roundId,
    marks: marks(text),
    writeIns: [],
    setAside: false,
    stack: stack?.stack ?? null,
    entry: stack?.entry ?? null,
  };
}

/** Waits until `check` holds (polled every `everyMs`), or throws `what` after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  { timeoutMs = 20_000, everyMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every audit row of the congress open at `laptop`, oldest first. */
export async function auditRows(laptop: Laptop, ctx: Ctx): Promise<Output<'audit.list'>> {
  const rows: Output<'audit.list'> = [];
  let beforeId: number | null = null;
  for (;;) {
    const page: Output<'audit.list'> = await laptop.call('audit.list', { limit: 1000, beforeId }, ctx);
    rows.push(...page);
    if (page.length < 1000) break;
    beforeId = page.at(-1)!.id;
  }
  return rows.reverse();
}

/**
 * A call that needs the chief scrutineer's PIN, made at `laptop` as its window does: asked, the
 * `chief_required` refusal's nonce taken, asked again with the chief's confirmation.
 */
export async function asChief<C extends Channel>(
  laptop: Laptop,
  channel: C,
  input: Input<C>,
  ctx: Ctx,
  chief: Operator,
): Promise<Result<Output<C>>> {
  const first = await laptop.invoke(channel, input, ctx);
  if (first.ok || first.error.code !== 'chief_required') return first;
  const nonce = String(first.error.params?.nonce ?? '');
  return laptop.invoke(channel, input, { ...ctx, confirm: { operatorId: chief.id, pin: chief.pin, nonce } });
}

/**
 * The secretariat promotes the standby with the chief scrutineer's PIN; while the standby still
 * hears the old host (`lan.host_reachable`: a congress has one host) they try again a moment later.
 */
export async function promote(standby: Laptop, chief: Operator, timeoutMs = 30_000): Promise<Output<'lan.promote'>> {
  let last: unknown = null;
  const promoted = await until(
    'the standby agrees to take over',
    async () => {
      const r = await standby.invoke('lan.promote', { operatorId: chief.id, pin: chief.pin }, SETUP_CTX('备用机'));
      if (r.ok) return r.value;
      last = r.error;
      if (r.error.reason !== 'lan.host_reachable') throw new Error(`lan.promote refused: ${JSON.stringify(r.error)}`);
      return null;
    },
    { timeoutMs, everyMs: 250 },
  ).catch((e: Error) => {
    throw new Error(`${e.message} (last: ${JSON.stringify(last)})`);
  });
  return promoted;
}

/** `count` items cycling through `patterns`: a stack of papers marked a few ways. */
export const cycle = <T>(patterns: readonly T[], count: number): T[] =>
  Array.from({ length: count }, (_, i) => patterns[i % patterns.length]!);

export interface FailoverScene {
  c: HostCongress;
  standby: Laptop;
  /** 计票台1 counts `rounds[0]` (党委委员), 计票台2 `rounds[1]` (纪委委员): two contests of one paper. */
  stations: [Station, Station];
  rounds: [CountedContest, CountedContest];
}

/**
 * The count the host dies in (tests/lan/lan-failover.test.ts, `npm run bench -- lan`): laptop 0 the
 * host with every voter present, two contests on one paper issued and collected, laptop 1 the
 * standby with its first copy, laptops 2 and 3 counting stations, and the standby's copy holding
 * both pairings (a station paired after the last copy would be a stranger to it once promoted).
 */
export async function failoverScene(venue: Venue, delegates: number): Promise<FailoverScene> {
  const host = await venue.start(0, 'host');
  const c = await hostCongress(host, { delegates, extra: { counter1: 'counter', counter2: 'counter' } });
  await checkInAtHost(c);
  const group = '第一张选票';
  const rounds: [CountedContest, CountedContest] = [
    await contestAtHost(c, { title: '党委委员', seats: 2, candidates: 3, from: 0, paperGroup: group }),
    await contestAtHost(c, { title: '纪委委员', seats: 1, candidates: 2, from: 3, paperGroup: group }),
  ];
  for (const r of rounds) await issueAndCollect(c, r.roundId, c.voters.length);
  const [standby, l1, l2] = await Promise.all([
    venue.start(1, 'standby'),
    venue.start(2, 'count 1'),
    venue.start(3, 'count 2'),
  ]);
  // The standby first, so that every station pairs knowing it (its certificate comes in the beats too).
  await pair(c, standby, 'standby', '备用机');
  const held = async () => (await host.call('lan.venue', {}, c.ctx)).standby?.heldSeq ?? 0;
  await until('the standby holds its first copy', async () => (await held()) > 0, { timeoutMs: 30_000 });
  const stations: [Station, Station] = [
    await pairedStation(c, l1, 'count', '计票台1', c.operators.counter1!),
    await pairedStation(c, l2, 'count', '计票台2', c.operators.counter2!),
  ];
  const { headSeq } = await host.call('lan.venue', {}, c.ctx);
  await until("the standby's copy holds both pairings", async () => (await held()) >= headSeq, { timeoutMs: 30_000 });
  return { c, standby, stations, rounds };
}
