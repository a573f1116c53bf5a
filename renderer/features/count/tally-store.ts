import { create } from 'zustand';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';
import { type ContestDetail, currentRound, type RoundResult } from '../contests/store.js';

/**
 * The live tally board (`#/tally?contest=ID`): the contest, its current round and that
 * round's result. Change events re-fetch `rounds.result`; no polling.
 */
interface TallyStore {
  contestId: number | null;
  detail: ContestDetail | null;
  result: RoundResult | null;
  error: AppError | null;
  /** Draw the tally in 正 strokes, as on a paper board. */
  strokes: boolean;
  setContest(contestId: number | null): void;
  toggleStrokes(): void;
  onBallotsChanged(contestId?: number, roundId?: number): void;
  onContestsChanged(contestId?: number): void;
}

export const useTally = create<TallyStore>()((set, get) => {
  const fetchResult = coalesce(async () => {
    const detail = get().detail;
    const round = detail ? currentRound(detail.rounds) : null;
    if (!round) {
      set({ result: null });
      return;
    }
    const r = await invoke('rounds.result', { roundId: round.id });
    if (get().detail?.contest.id !== round.contestId) return;
    set(r.ok ? { result: r.value, error: null } : { error: r.error });
  });

  const fetchDetail = coalesce(async () => {
    const contestId = get().contestId;
    if (contestId === null) return;
    const r = await invoke('contests.get', { contestId });
    if (get().contestId !== contestId) return;
    if (!r.ok) {
      set({ error: r.error });
      return;
    }
    set({ detail: r.value, error: null });
    await fetchResult();
  });

  return {
    contestId: null,
    detail: null,
    result: null,
    error: null,
    strokes: false,
    setContest(contestId) {
      if (get().contestId === contestId) return;
      set({ contestId, detail: null, result: null, error: null });
      void fetchDetail();
    },
    toggleStrokes() {
      set({ strokes: !get().strokes });
    },
    onBallotsChanged(contestId, roundId) {
      const detail = get().detail;
      if (!detail || (contestId !== undefined && contestId !== detail.contest.id)) return;
      const round = currentRound(detail.rounds);
      // A ballot of a round the board does not know yet (a rerun just opened): re-read all.
      if (roundId !== undefined && round?.id !== roundId) void fetchDetail();
      else void fetchResult();
    },
    onContestsChanged(contestId) {
      const id = get().contestId;
      if (id === null || (contestId !== undefined && contestId !== id)) return;
      void fetchDetail();
    },
  };
});
