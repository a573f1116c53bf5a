/**
 * The demo congress counted to the end: the voting delegates checked in to the 选举大会, its
 * oath and pledges, two contests on separate papers (党委委员 7 of 9, 纪委委员 3 of 4), every
 * paper keyed, both rounds closed. Written through the handlers themselves, each call one
 * transaction with its audit row, exactly as the app would have written it. Deterministic.
 */

import { suggestBallotOrder } from '../../core/ballot-order.js';
import { candidateFromDelegate, electionContest } from '../../core/candidates.js';
import { type Channel, contract, type Input, type Output } from '../../core/contract.js';
import type { PaperMark, WriteIn } from '../../core/election-types.js';
import { ok, type Result } from '../../core/result.js';
import type { QueryCall } from '../handler-types.js';
import type { InstallationKey } from '../results/installation-key.js';
import { Session } from '../session.js';
import { builderCall, builderWrite, createDemoCongress, type DemoCongressOptions, prng } from './demo.js';
import { listDelegates, readCongress } from './records.js';

/** A tiny 1×1 PNG: the demo's stand-in for a delegate's drawn signature. */
const DOT_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A builder's write with its input parsed as the contract would (defaults applied). */
function write<C extends Channel>(call: QueryCall, channel: C, raw: Input<C>, prepared?: unknown): Result<Output<C>> {
  return builderWrite(call, channel, contract[channel].input.parse(raw) as never, prepared);
}

interface DemoContest {
  title: string;
  seats: number;
  candidates: number;
  paperGroup: string;
}

const CONTESTS: DemoContest[] = [
  { title: '党委委员', seats: 7, candidates: 9, paperGroup: '第一次全体会议' },
  { title: '纪委委员', seats: 3, candidates: 4, paperGroup: '第一次全体会议' },
];

/**
 * One paper: ○ for up to `seats` names, chosen with a preference that falls along the list
 * (so the result is clear, no tie at the cut), × for the rest, now and then a blank, an
 * over-marked (invalid) paper, or a name written in after a ×.
 */
function paper(rand: () => number, candidates: number, seats: number): { marks: PaperMark[]; writeIns: WriteIn[] } {
  const r = rand();
  if (r < 0.02) return { marks: Array(candidates).fill('none'), writeIns: [] };
  if (r < 0.04) return { marks: Array(candidates).fill('circle'), writeIns: [] };
  const marks: PaperMark[] = Array(candidates).fill('cross');
  let chosen = 0;
  for (let i = 0; i < candidates && chosen < seats; i++) {
    if (rand() < 0.97 - (0.55 * i) / candidates) {
      marks[i] = 'circle';
      chosen++;
    }
  }
  const writeIns: WriteIn[] = chosen < seats && rand() < 0.1 ? [{ name: '王建国', mark: 'circle' }] : [];
  return { marks, writeIns };
}

/** The demo congress (db/demo.ts), then its election counted to the end (see above). */
export function createCountedDemoCongress(
  filePath: string,
  options: DemoCongressOptions = {},
): Result<{ delegates: number; ballots: number }> {
  const built = createDemoCongress(filePath, options);
  if (!built.ok) return built;
  const session = new Session(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {});
  const opened = session.openFile(filePath);
  if (!opened.ok) return opened;
  try {
    const call = builderCall(
      {
        operator: options.operator || '演示数据',
        station: options.station ?? '',
        now: (options.now ?? new Date()).toISOString(),
      },
      opened.value,
    );
    const meetingId = readCongress(call.db).currentMeetingId!;
    if (!options.key) throw new Error('the counted demo closes rounds: each close is signed (options.key)');
    const counted = countDemoElection(call, meetingId, options.key);
    return counted.ok ? ok({ delegates: built.value.delegates, ballots: counted.value.ballots }) : counted;
  } finally {
    session.close();
  }
}

export function countDemoElection(
  call: QueryCall,
  meetingId: number,
  key: InstallationKey,
): Result<{ ballots: number }> {
  const rand = prng(2026);
  const delegates = listDelegates(call.db);
  const voting = delegates.filter((d) => d.category === 'voting');
  // Three voting delegates on leave; everyone else present, 列席 and 候补 included.
  for (const d of voting.slice(-3)) {
    const r = write(call, 'attendance.mark', { meetingId, delegateId: d.id, status: 'leave', reason: '因病请假' });
    if (!r.ok) return r;
  }
  for (const d of delegates.filter((x) => !voting.slice(-3).includes(x))) {
    const r = write(call, 'attendance.checkIn', { meetingId, delegateId: d.id });
    if (!r.ok) return r;
  }
  const oath = write(call, 'oath.start', { meetingId, leader: '镇党委书记' });
  if (!oath.ok) return oath;
  const finished = write(call, 'oath.finish', { oathId: oath.value.id, leader: null });
  if (!finished.ok) return finished;
  const pledgeText = call.db
    .prepare("SELECT id FROM discipline_texts WHERE kind = 'pledge' ORDER BY version DESC LIMIT 1")
    .pluck()
    .get() as number;
  for (const d of delegates.filter((x) => x.category !== 'nonvoting' && !voting.slice(-3).includes(x))) {
    const r = write(call, 'pledges.sign', {
      delegateId: d.id,
      meetingId,
      textId: pledgeText,
      signaturePngBase64: DOT_PNG,
    });
    if (!r.ok) return r;
  }

  let ballots = 0;
  let next = 0;
  for (const spec of CONTESTS) {
    const contest = write(
      call,
      'contests.create',
      electionContest(meetingId, spec.title, spec.seats, { paperGroup: spec.paperGroup }),
    );
    if (!contest.ok) return contest;
    const people = voting.slice(next, next + spec.candidates);
    next += spec.candidates;
    const ids: number[] = [];
    for (const d of suggestBallotOrder(people)) {
      const c = write(call, 'candidates.add', { contestId: contest.value.id, ...candidateFromDelegate(d) });
      if (!c.ok) return c;
      ids.push(c.value.id);
    }
    const approved = write(call, 'candidates.approveOrder', { contestId: contest.value.id, candidateIds: ids });
    if (!approved.ok) return approved;
    const round = {
      id: call.db.prepare('SELECT id FROM rounds WHERE contest_id = ?').pluck().get(contest.value.id) as number,
    };
    const present = voting.length - 3;
    const distributed = write(call, 'rounds.distribute', {
      roundId: round.id,
      ballotsPrinted: present + 10,
      issued: present,
      spareVoided: 10,
    });
    if (!distributed.ok) return distributed;
    // Two papers not returned.
    const collected = present - 2;
    const c = write(call, 'rounds.collect', { roundId: round.id, collected });
    if (!c.ok) return c;
    for (let i = 0; i < collected; i++) {
      const p = paper(rand, spec.candidates, spec.seats);
      const b = write(call, 'ballots.enter', {
        roundId: round.id,
        marks: p.marks,
        writeIns: p.writeIns,
        setAside: false,
        stack: null,
        entry: null,
      });
      if (!b.ok) return b;
      ballots++;
    }
    // The close's prepared value: the key that signs its checkpoint (db/count/rounds.ts).
    const closed = write(call, 'rounds.close', { roundId: round.id }, key);
    if (!closed.ok) return closed;
    if (closed.value.next !== null) throw new Error(`demo election: ${spec.title} did not close in one round`);
  }
  return ok({ ballots });
}
