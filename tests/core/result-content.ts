/**
 * Hand-built version 2 result content for the verifier's tests (tests/core/result-check*.test.ts):
 * one meeting of 10, one contest of 1 seat between 甲 and 乙, each part replaceable.
 */
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { recheckResult } from '../../core/result-check.js';
import type { ResultContent, ResultContest, ResultRound } from '../../core/result-file.js';

export const facts = { gender: null, birthDate: null, ethnicity: null, education: null };
export const noStructure = (n: number) => ({
  total: n,
  women: 0,
  under35: 0,
  minority: 0,
  education: [],
  unknown: { gender: n, birthDate: n, ethnicity: n, education: n },
});

export type Choice = { name: string; votes: number; candidateId: number | null };

/** A printed candidate of no roster facts. */
export const candidate = (id: number, name: string) => ({ id, name, ...facts, unit: null, fromWriteIn: false });

/** A meeting's attendance: everyone due who is not present is absent (none on leave). */
export const attendance = (due: number, present: number) => ({
  due,
  present,
  leave: 0,
  absent: due - present,
  nonvotingPresent: 0,
  alternatePresent: 0,
});

/** 选举大会 of the delegates, 10 due and present, unless told otherwise. */
export const electionMeeting = (overrides: Partial<ResultContent['meetings'][number]> = {}) => ({
  id: 1,
  name: '选举大会',
  date: '2026-04-01',
  electorate: { kind: 'delegates' as const },
  exclusions: [],
  approvals: [],
  attendance: attendance(10, 10),
  oath: null,
  ...overrides,
});

/** The first round of one seat, closed by the chief scrutineer, every one of `present` given a paper and collected. */
export const closedRound = (present: number, closedAt: string) => ({
  number: 1,
  kind: 'first' as const,
  seats: 1,
  status: 'closed' as const,
  votersPresent: present,
  due: present,
  ballotsPrinted: present,
  issued: present,
  spareVoided: 0,
  collected: present,
  closedBy: '总监票人',
  closedAt,
});

/** A counted paper as the file lists it. */
export const paperOf = (seq: number, marks: string, writeIns: { name: string; mark: 'o' | 'x' | '-' }[] = []) => ({
  seq,
  marks,
  writeIns,
  state: 'counted' as const,
  entry: null,
  decision: null,
});

/** The figures a file states for a round, `candidates` as [for, against, abstain], no write-in counted. */
export const statedTally = (valid: number, invalid: number, candidates: [number, number, number][]) => ({
  counted: valid + invalid,
  valid,
  invalid,
  pendingSetAside: 0,
  candidates: candidates.map(([f, a, n]) => ({ for: f, against: a, abstain: n })),
  writeIns: [] as { name: string; for: number }[],
});

/** A closed round of 10 present and due, with its ballots and the stated figures given. */
export function round(
  number: number,
  candidateIds: number[],
  marks: string[],
  stated: {
    kind?: ResultRound['kind'];
    seats?: number;
    candidates: [number, number, number][];
    writeIns?: { name: string; for: number }[];
    disregarded?: ResultRound['tally']['disregardedWriteIns'];
    writeInLines?: Record<number, { name: string; mark: 'o' | 'x' | '-' }[]>;
    threshold?: number;
    majorityTest?: boolean;
    elected: Choice[];
    tie?: { tied: Choice[]; seats: number } | null;
    unfilled?: number;
    valid?: number;
    invalid?: number;
  },
): ResultRound {
  return {
    ...closedRound(10, `2026-04-01T1${number}:00:00.000Z`),
    number,
    kind: stated.kind ?? 'first',
    seats: stated.seats ?? 1,
    candidateIds,
    collected: marks.length,
    ballots: marks.map((m, i) => paperOf(i + 1, m, stated.writeInLines?.[i])),
    tally: {
      ...statedTally(stated.valid ?? marks.length, stated.invalid ?? 0, stated.candidates),
      // As many counted as papers keyed, whatever valid and invalid are said to be.
      counted: marks.length,
      writeIns: stated.writeIns ?? [],
      disregardedWriteIns: stated.disregarded ?? [],
    },
    decision: {
      threshold: stated.threshold ?? 6,
      basis: 10,
      basisKind: 'present',
      elected: stated.elected,
      tie: stated.tie ?? null,
      unfilled: stated.unfilled ?? 0,
      majorityTest: stated.majorityTest ?? true,
    },
    voidDeclaration: null,
  };
}

/** 党委委员, 1 seat: 甲 7 for, 乙 3 for — 甲 elected in round 1. */
export function contest(overrides: Partial<ResultContest> = {}): ResultContest {
  return {
    id: 1,
    meetingId: 1,
    title: '党委委员',
    kind: 'election',
    marking: DEFAULT_CONVENTION,
    seats: 1,
    marginPercent: 20,
    seatsReducedTo: null,
    seatsReducedNote: null,
    status: 'closed',
    candidates: [{ ...candidate(1, '甲'), birthDate: '1980-02' }, candidate(2, '乙')],
    rounds: [
      round(1, [1, 2], [...Array(7).fill('ox'), ...Array(3).fill('xo')], {
        candidates: [
          [7, 3, 0],
          [3, 7, 0],
        ],
        elected: [{ name: '甲', votes: 7, candidateId: 1 }],
      }),
    ],
    elected: [{ name: '甲', round: 1, votes: 7, candidateId: 1, ...facts, birthDate: '1980-02' }],
    structure: { ...noStructure(1), unknown: { gender: 1, birthDate: 0, ethnicity: 1, education: 1 } },
    officials: [],
    fromPrevoteId: null,
    ...overrides,
  };
}

export function content(overrides: { contests?: ResultContest[]; quorumAllowEqual?: boolean } = {}): ResultContent {
  return {
    congress: {
      name: '中国共产党某镇第一次代表大会',
      date: '2026-04-01',
      venue: '某镇礼堂',
      settings: {
        quorumAllowEqual: overrides.quorumAllowEqual ?? false,
        marking: DEFAULT_CONVENTION,
        tieRevoteNeedsMajority: false,
      },
    },
    delegates: { voting: 10, alternate: 0, nonvoting: 0 },
    meetings: [electionMeeting()],
    pledges: { due: 10, signed: 0, refused: 0 },
    contests: overrides.contests ?? [contest()],
  };
}

/** The round as if only `n` of the 10 voted (the other papers never issued), with the figures stated for them. */
export function votedBy(r: ResultRound, n: number, candidates: [number, number][], threshold: number): void {
  r.votersPresent = n;
  r.issued = n;
  r.collected = n;
  r.ballots = r.ballots.slice(0, n);
  r.tally = {
    ...r.tally,
    counted: n,
    valid: n,
    candidates: candidates.map(([f, a]) => ({ for: f, against: a, abstain: 0 })),
  };
  r.decision = { ...r.decision!, threshold, basis: n };
}

/** The findings of a version 2 recheck as [kind, subject]. */
export const kinds = (c: ResultContent, exportedAt?: string) =>
  recheckResult(c, { formatVersion: 2, exportedAt }).map((f) => [f.kind, f.subject]);
