/** Shared set-up for the contest, round, ballot and stack tests: a congress with voters and one contest. */
import { candidateFromDelegate, electionContest, namedCandidate } from '../../core/candidates.js';
import type { Input } from '../../core/contract.js';
import type { PaperMark } from '../../core/election-types.js';
import type { Candidate } from '../../core/model/index.js';
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

/** A candidate typed by name, on no roster row (no facts known). */
export const typedCandidate = (contestId: number, name: string): Input<'candidates.add'> => ({
  contestId,
  ...namedCandidate(name),
});

/** The input of a contest of a meeting: an election, single entry, on its own paper, unless told otherwise. */
export const contestInput = electionContest;

export const badgeOf = (i: number) => String(i).padStart(3, '0');

/**
 * A congress of `voters` voting delegates 代表1… (badges 001…) and one 列席 (L01), the first
 * `present` of them checked in at its meeting; its contests take their candidates from the roster
 * by name, and `vote` distributes, collects, enters the papers and closes a round.
 */
export async function rosterCongress(options: { voters?: number; present?: number } = {}) {
  const voters = options.voters ?? 10;
  const delegates = Array.from({ length: voters }, (_, i) => delegateFields(badgeOf(i + 1), { name: `代表${i + 1}` }));
  delegates.push(delegateFields('L01', { name: '列席甲', category: 'nonvoting' }));
  const c = await congressWith(delegates);
  for (let i = 1; i <= (options.present ?? voters); i++) {
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: badgeOf(i) });
  }
  const roster = await c.call('delegates.list', {});
  const byName = (name: string) => {
    const found = roster.find((d) => d.name === name);
    if (!found) throw new Error(`no delegate ${name}`);
    return found;
  };

  /** A contest whose candidates are the named delegates, their order approved. */
  const contest = async (meetingId: number, title: string, seats: number, margin: number, names: string[]) => {
    const created = await c.call('contests.create', contestInput(meetingId, title, seats, { marginPercent: margin }));
    const ids: number[] = [];
    for (const name of names) {
      ids.push((await c.call('candidates.add', { contestId: created.id, ...candidateFromDelegate(byName(name)) })).id);
    }
    await c.call('candidates.approveOrder', { contestId: created.id, candidateIds: ids });
    const { rounds } = await c.call('contests.get', { contestId: created.id });
    return { contest: created, roundId: rounds[0]!.id };
  };

  /** Issues `issued` papers (two more printed, voided as spare), collects and enters `papers`, closes. */
  const vote = async (roundId: number, papers: string[], issued = papers.length) => {
    await c.call('rounds.distribute', { roundId, ballotsPrinted: issued + 2, issued, spareVoided: 2 });
    await c.call('rounds.collect', { roundId, collected: papers.length });
    for (const marks of papers) {
      await c.call('ballots.enter', {
        roundId,
        marks: paper(marks),
        writeIns: [],
        setAside: false,
        stack: null,
        entry: null,
      });
    }
    return c.call('rounds.close', { roundId });
  };

  /** A plenary whose electorate is the members elected in `contestId`. */
  const membersMeeting = (name: string, contestId: number) =>
    c.call('meetings.create', { name, date: '2026-03-20', electorate: 'members', electorateContestId: contestId });

  const checkIn = async (meetingId: number, badges: string[]) => {
    for (const badge of badges) await c.call('attendance.checkInByBadge', { meetingId, badge });
  };

  return { ...c, byName, contest, vote, membersMeeting, checkIn };
}

/** The input appointing a delegate an official of a contest, approved by the congress's vote unless told. */
export const appointment = (
  contestId: number,
  role: Input<'officials.appoint'>['role'],
  delegateId: number | null,
  approval: string | null = '经大会表决通过',
): Input<'officials.appoint'> => ({ contestId, role, delegateId, approval });
