import { create } from 'zustand';
import type { Input, Output } from '../../../core/contract.js';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

export type Contest = Output<'contests.list'>[number];
export type ContestDetail = Output<'contests.get'>;
export type Candidate = ContestDetail['candidates'][number];
export type Round = ContestDetail['rounds'][number];
export type RoundResult = Output<'rounds.result'>;
export type CandidateInput = Omit<Input<'candidates.add'>, 'contestId'>;
export type ContestFields = Omit<Input<'contests.create'>, 'meetingId'>;

/**
 * The contests of the current meeting and the one contest open in the detail view: its
 * candidates, rounds, each round's result, and the attendance of its meeting (voters
 * present before the ballots are distributed). Every write re-reads what it touched.
 */
interface ContestsStore {
  meetingId: number | null;
  contests: Contest[];
  listLoaded: boolean;
  listError: AppError | null;
  /** Candidates per contest, for the list's margin warning (rule 8). */
  candidateCounts: Record<number, number>;
  setMeeting(meetingId: number | null): void;
  refreshList(): Promise<void>;

  contestId: number | null;
  detail: ContestDetail | null;
  detailError: AppError | null;
  summary: AttendanceSummary | null;
  results: Record<number, RoundResult>;
  resultErrors: Record<number, AppError>;
  openContest(contestId: number | null): void;
  refreshDetail(): Promise<void>;
  refreshResult(roundId: number): Promise<void>;
  /** A change event: refresh what is shown when it concerns it. */
  onContestsChanged(contestId?: number): void;
  onBallotsChanged(contestId?: number, roundId?: number): void;
  onAttendanceChanged(meetingId?: number): void;

  create(fields: ContestFields): Promise<Result<Contest>>;
  update(contestId: number, fields: Partial<ContestFields>): Promise<Result<Contest>>;
  reduceSeats(seats: number, note: string): Promise<Result<Contest>>;
  addCandidate(fields: CandidateInput): Promise<Result<Candidate>>;
  removeCandidate(candidateId: number): Promise<Result<unknown>>;
  importCandidates(fileName: string, contentBase64: string): Promise<Result<Candidate[]>>;
  approveOrder(candidateIds: number[]): Promise<Result<Candidate[]>>;
  distribute(input: Input<'rounds.distribute'>): Promise<Result<Round>>;
  collect(roundId: number, collected: number): Promise<Result<Output<'rounds.collect'>>>;
  closeRound(roundId: number): Promise<Result<Output<'rounds.close'>>>;
  openAdditional(seats: number, candidateIds: number[]): Promise<Result<Round>>;
}

const noContest: Result<never> = { ok: false, error: { code: 'not_found', message: '' } };

export const useContests = create<ContestsStore>()((set, get) => {
  const fetchList = coalesce(async () => {
    const meetingId = get().meetingId;
    if (meetingId === null) {
      set({ contests: [], listLoaded: false });
      return;
    }
    const r = await invoke('contests.list', { meetingId });
    if (get().meetingId !== meetingId) return;
    if (!r.ok) {
      set({ listError: r.error, listLoaded: true });
      return;
    }
    const contests = [...r.value].sort((a, b) => a.position - b.position || a.id - b.id);
    // A meeting holds a handful of contests: one `contests.get` each for the candidate count.
    const details = await Promise.all(contests.map((c) => invoke('contests.get', { contestId: c.id })));
    if (get().meetingId !== meetingId) return;
    const candidateCounts: Record<number, number> = {};
    for (const d of details) if (d.ok) candidateCounts[d.value.contest.id] = d.value.candidates.length;
    set({ contests, candidateCounts, listLoaded: true, listError: null });
  });

  const fetchResult = async (roundId: number) => {
    const r = await invoke('rounds.result', { roundId });
    if (r.ok) set({ results: { ...get().results, [roundId]: r.value } });
    else set({ resultErrors: { ...get().resultErrors, [roundId]: r.error } });
  };

  const fetchDetail = coalesce(async () => {
    const contestId = get().contestId;
    if (contestId === null) return;
    const r = await invoke('contests.get', { contestId });
    if (get().contestId !== contestId) return;
    if (!r.ok) {
      set({ detailError: r.error });
      return;
    }
    set({ detail: r.value, detailError: null });
    const [summary] = await Promise.all([
      invoke('attendance.summary', { meetingId: r.value.contest.meetingId }),
      // Rounds with ballots have a result worth showing; a round in setup has none yet.
      ...r.value.rounds.filter((round) => round.status !== 'setup').map((round) => fetchResult(round.id)),
    ]);
    if (get().contestId === contestId && summary.ok) set({ summary: summary.value });
  });

  /** After a write: re-read the contest and the list. */
  const after = async <T>(r: Result<T>): Promise<Result<T>> => {
    if (r.ok) await Promise.all([fetchDetail(), fetchList()]);
    return r;
  };

  const contestIdOr = (): number | null => get().contestId;

  return {
    meetingId: null,
    contests: [],
    listLoaded: false,
    listError: null,
    candidateCounts: {},
    setMeeting(meetingId) {
      if (get().meetingId === meetingId) return;
      set({ meetingId, contests: [], listLoaded: false, listError: null });
      void fetchList();
    },
    refreshList: fetchList,

    contestId: null,
    detail: null,
    detailError: null,
    summary: null,
    results: {},
    resultErrors: {},
    openContest(contestId) {
      if (get().contestId === contestId) {
        if (contestId !== null) void fetchDetail();
        return;
      }
      set({ contestId, detail: null, detailError: null, summary: null, results: {}, resultErrors: {} });
      void fetchDetail();
    },
    refreshDetail: fetchDetail,
    refreshResult: fetchResult,
    onContestsChanged(contestId) {
      if (get().meetingId !== null) void fetchList();
      const open = get().contestId;
      if (open !== null && (contestId === undefined || contestId === open)) void fetchDetail();
    },
    onBallotsChanged(contestId, roundId) {
      const open = get().contestId;
      if (open === null || (contestId !== undefined && contestId !== open)) return;
      if (roundId !== undefined && get().detail?.rounds.some((r) => r.id === roundId)) void fetchResult(roundId);
      else void fetchDetail();
    },
    onAttendanceChanged(meetingId) {
      const detail = get().detail;
      if (!detail || (meetingId !== undefined && meetingId !== detail.contest.meetingId)) return;
      void invoke('attendance.summary', { meetingId: detail.contest.meetingId }).then((r) => {
        if (r.ok && get().detail?.contest.meetingId === r.value.meetingId) set({ summary: r.value });
      });
    },

    async create(fields) {
      const meetingId = get().meetingId;
      if (meetingId === null) return noContest;
      const r = await invoke('contests.create', { ...fields, meetingId });
      if (r.ok) await fetchList();
      return r;
    },
    async update(contestId, fields) {
      return after(await invoke('contests.update', { ...fields, contestId }));
    },
    async reduceSeats(seats, note) {
      const contestId = contestIdOr();
      if (contestId === null) return noContest;
      return after(await invoke('contests.reduceSeats', { contestId, seats, note }));
    },
    async addCandidate(fields) {
      const contestId = contestIdOr();
      if (contestId === null) return noContest;
      return after(await invoke('candidates.add', { ...fields, contestId }));
    },
    async removeCandidate(candidateId) {
      return after(await invoke('candidates.remove', { candidateId }));
    },
    async importCandidates(fileName, contentBase64) {
      const contestId = contestIdOr();
      if (contestId === null) return noContest;
      return after(await invoke('candidates.import', { contestId, fileName, contentBase64 }));
    },
    async approveOrder(candidateIds) {
      const contestId = contestIdOr();
      if (contestId === null) return noContest;
      return after(await invoke('candidates.approveOrder', { contestId, candidateIds }));
    },
    async distribute(input) {
      return after(await invoke('rounds.distribute', input));
    },
    async collect(roundId, collected) {
      return after(await invoke('rounds.collect', { roundId, collected }));
    },
    async closeRound(roundId) {
      return after(await invoke('rounds.close', { roundId }));
    },
    async openAdditional(seats, candidateIds) {
      const contestId = contestIdOr();
      if (contestId === null) return noContest;
      return after(await invoke('rounds.openAdditional', { contestId, seats, candidateIds }));
    },
  };
});

/** The round people work on: the latest one (a rerun or later round follows the one it replaces). */
export function currentRound(rounds: readonly Round[]): Round | null {
  return [...rounds].sort((a, b) => b.number - a.number)[0] ?? null;
}

/** A round's candidates in its paper order. */
export function paperOrder(round: Round, candidates: readonly Candidate[]): Candidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return round.candidateIds.map((id) => byId.get(id)).filter((c): c is Candidate => c !== undefined);
}
