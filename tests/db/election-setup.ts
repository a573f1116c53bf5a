/** Shared set-up for the contest, round, ballot and stack tests: a congress with voters and one contest. */
import type { Input, Output } from '../../core/contract.js';
import type { PaperMark } from '../../core/election-types.js';
import { congressWith, delegateFields, makeBackend, type TestBackend } from './helpers.js';

export interface ElectionOptions {
  /** Voting delegates on the roster (应到). */
  voters?: number;
  /** Of those, checked in (实到). */
  present?: number;
  seats?: number;
  candidates?: string[];
  doubleEntry?: boolean;
  kind?: 'election' | 'prevote';
  /** Approve the candidates' order as given (default true). */
  approve?: boolean;
}

export type Candidate = Output<'candidates.add'>;

/** Facts for the structure figures: the first candidate is a young minority woman. */
const factsFor = (i: number) =>
  i === 0
    ? { gender: 'female' as const, birthDate: '1995-06', ethnicity: '回族', education: '研究生' }
    : { gender: 'male' as const, birthDate: '1970-01', ethnicity: '汉族', education: '大学' };

export async function election(options: ElectionOptions = {}, tb: TestBackend = makeBackend()) {
  const voters = options.voters ?? 10;
  const present = options.present ?? voters;
  const names = options.candidates ?? ['田富', '田大利', '王芳', '李强'];
  const delegates = Array.from({ length: voters }, (_, i) =>
    delegateFields(String(i + 1).padStart(3, '0'), { name: `代表${i + 1}` }),
  );
  // Never counted, never given a ballot (rule 1).
  delegates.push(delegateFields('L01', { name: '列席甲', category: 'nonvoting' }));
  delegates.push(delegateFields('H01', { name: '候补乙', category: 'alternate' }));
  const c = await congressWith(delegates, tb);
  for (const badge of ['L01', 'H01']) await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge });
  for (let i = 0; i < present; i++) {
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: String(i + 1).padStart(3, '0') });
  }
  const contest = await c.call('contests.create', {
    meetingId: c.meetingId,
    title: '党委委员',
    kind: options.kind ?? 'election',
    seats: options.seats ?? 2,
    marginPercent: 20,
    doubleEntry: options.doubleEntry ?? false,
    paperGroup: null,
  });
  const candidates: Candidate[] = [];
  for (const [i, name] of names.entries()) {
    candidates.push(
      await c.call('candidates.add', {
        contestId: contest.id,
        delegateId: null,
        name,
        ...factsFor(i),
        unit: '青山镇',
      }),
    );
  }
  if (options.approve ?? true) {
    await c.call('candidates.approveOrder', { contestId: contest.id, candidateIds: candidates.map((x) => x.id) });
  }
  const { rounds } = await c.call('contests.get', { contestId: contest.id });
  const roundId = rounds[0]!.id;
  c.events.length = 0;

  const distribute = (issued = present, id = roundId) =>
    c.call('rounds.distribute', { roundId: id, ballotsPrinted: issued + 5, issued, spareVoided: 5 });
  const collect = (collected: number, id = roundId) => c.call('rounds.collect', { roundId: id, collected });
  const enterInput = (
    marks: string,
    extra: Partial<Input<'ballots.enter'>> = {},
    id = roundId,
  ): Input<'ballots.enter'> => ({
    roundId: id,
    marks: paper(marks),
    writeIns: [],
    setAside: false,
    stack: null,
    entry: null,
    ...extra,
  });
  const enter = (marks: string, extra: Partial<Input<'ballots.enter'>> = {}, id = roundId) =>
    c.call('ballots.enter', enterInput(marks, extra, id));
  /** Distribute to everyone present and collect them all. */
  const open = async (id = roundId) => {
    await distribute(present, id);
    await collect(present, id);
  };
  return { ...c, contest, candidates, roundId, distribute, collect, enter, enterInput, open };
}

/** "oox-" → ○ ○ × (no mark): one character per candidate in paper order. */
export function paper(marks: string): PaperMark[] {
  return [...marks].map((ch) => {
    if (ch === 'o') return 'circle';
    if (ch === 'x') return 'cross';
    if (ch === '-') return 'none';
    throw new Error(`mark ${ch}`);
  });
}
