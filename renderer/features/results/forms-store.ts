import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import type { AttendanceSummary, ChangeEvent } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';
import type { Contest, ContestDetail, RoundResult } from '../contests/store.js';

/** What a paper form is about: a meeting (分发选票情况报告单), a contest (选举结果报告单) or a round (计票结果报告单). */
export type FormSubject =
  | { kind: 'meeting'; id: number }
  | { kind: 'contest'; id: number }
  | { kind: 'round'; id: number };

const keyOf = (s: FormSubject): string => `${s.kind}:${s.id}`;

/**
 * The figures behind the paper forms of rule 11, for any meeting, contest or round (not only
 * the one open on the contests page): contests of a meeting, each contest with its
 * candidates and rounds, each counted round's result, a meeting's attendance. Views `watch`
 * a subject; change events re-fetch every watched subject.
 */
interface FormsStore {
  /** Contests by meeting id. */
  contestLists: Record<number, Contest[]>;
  /** Contest, candidates and rounds by contest id. */
  details: Record<number, ContestDetail>;
  /** Tally, decision and structure by round id. */
  results: Record<number, RoundResult>;
  /** Rule 13: 总监票人, 监票人, 计票人 by contest id, named on the count and election forms. */
  officials: Record<number, Output<'officials.list'>>;
  /** Rule 14: which plenary approved which (the committee's approves the 纪委's result). */
  approvals: Output<'meetings.approvals'>;
  /** Attendance by meeting id. */
  summaries: Record<number, AttendanceSummary>;
  /** The last failure per subject key (`round:12`). */
  errors: Record<string, AppError>;
  watch(subject: FormSubject): () => void;
  onChange(event: ChangeEvent): void;
  reset(): void;
}

const watched = new Map<string, { subject: FormSubject; count: number; load: () => Promise<void> }>();

/** Rounds with ballots have a result; a round in setup has none, a void one was never counted. */
const counted = (status: string) => status === 'voting' || status === 'closed';

export const useForms = create<FormsStore>()((set, get) => {
  const fail = (subject: FormSubject, error: AppError) => set({ errors: { ...get().errors, [keyOf(subject)]: error } });
  const clear = (subject: FormSubject) => {
    const key = keyOf(subject);
    if (!(key in get().errors)) return;
    const { [key]: _, ...rest } = get().errors;
    set({ errors: rest });
  };

  /** A contest with the results of its counted rounds. */
  const loadContest = async (subject: FormSubject, contestId: number): Promise<boolean> => {
    const [d, officials, approvals] = await Promise.all([
      invoke('contests.get', { contestId }),
      invoke('officials.list', { contestId }),
      invoke('meetings.approvals', {}),
    ]);
    if (!d.ok) {
      fail(subject, d.error);
      return false;
    }
    if (!officials.ok) {
      fail(subject, officials.error);
      return false;
    }
    if (!approvals.ok) {
      fail(subject, approvals.error);
      return false;
    }
    const rounds = d.value.rounds.filter((r) => counted(r.status));
    const results = await Promise.all(rounds.map((r) => invoke('rounds.result', { roundId: r.id })));
    const next = { ...get().results };
    for (const r of results) {
      if (!r.ok) {
        fail(subject, r.error);
        return false;
      }
      next[r.value.round.id] = r.value;
    }
    set({
      details: { ...get().details, [contestId]: d.value },
      results: next,
      officials: { ...get().officials, [contestId]: officials.value },
      approvals: approvals.value,
    });
    return true;
  };

  const loaders: Record<FormSubject['kind'], (subject: FormSubject) => Promise<void>> = {
    async meeting(subject) {
      const meetingId = subject.id;
      const [list, summary] = await Promise.all([
        invoke('contests.list', { meetingId }),
        invoke('attendance.summary', { meetingId }),
      ]);
      if (!list.ok) {
        fail(subject, list.error);
        return;
      }
      if (!summary.ok) {
        fail(subject, summary.error);
        return;
      }
      const contests = [...list.value].sort((a, b) => a.position - b.position || a.id - b.id);
      const details = await Promise.all(contests.map((c) => invoke('contests.get', { contestId: c.id })));
      const next = { ...get().details };
      for (const d of details) {
        if (!d.ok) {
          fail(subject, d.error);
          return;
        }
        next[d.value.contest.id] = d.value;
      }
      set({
        contestLists: { ...get().contestLists, [meetingId]: contests },
        details: next,
        summaries: { ...get().summaries, [meetingId]: summary.value },
      });
      clear(subject);
    },
    async contest(subject) {
      if (await loadContest(subject, subject.id)) clear(subject);
    },
    async round(subject) {
      const r = await invoke('rounds.result', { roundId: subject.id });
      if (!r.ok) {
        fail(subject, r.error);
        return;
      }
      set({ results: { ...get().results, [subject.id]: r.value } });
      if (await loadContest(subject, r.value.round.contestId)) clear(subject);
    },
  };

  return {
    contestLists: {},
    details: {},
    results: {},
    officials: {},
    approvals: [],
    summaries: {},
    errors: {},
    watch(subject) {
      const key = keyOf(subject);
      let entry = watched.get(key);
      if (!entry) {
        entry = { subject, count: 0, load: coalesce(() => loaders[subject.kind](subject)) };
        watched.set(key, entry);
      }
      entry.count++;
      void entry.load();
      return () => {
        const e = watched.get(key);
        if (e && --e.count === 0) watched.delete(key);
      };
    },
    onChange(event) {
      if (event.topic === 'audit' || event.topic === 'discipline') return;
      for (const entry of watched.values()) void entry.load();
    },
    reset() {
      set({ contestLists: {}, details: {}, results: {}, officials: {}, approvals: [], summaries: {}, errors: {} });
    },
  };
});
