import { create } from 'zustand';
import type { Output } from '../../../core/contract.js';
import { takesDisciplineVows } from '../../../core/discipline.js';
import type { Delegate, ExclusionKind } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { peekCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { forgetWithCongress } from '../../app/forget.js';
import { playTone } from '../count/sound.js';
import { currentPledge, type Pledge } from '../discipline/store.js';
import { isKept } from '../lan/format.js';
import { applyRecord } from './attendance.js';
import { moveChoice } from './enter.js';

export type MarkStatus = 'leave' | 'absent' | 'pending';

/** What the confirmation banner shows after the last action at this desk. */
export type Banner =
  | { kind: 'checked_in' | 'already_present'; delegate: Delegate; seq: number }
  | { kind: 'not_found'; query: string; error: AppError; seq: number }
  /** Enter with several matches: nobody checked in, the clerk is asked to choose (issue 15 item 1). */
  | { kind: 'ask'; query: string; count: number; seq: number }
  | { kind: 'undone'; delegate: Delegate; seq: number }
  | { kind: 'marked'; delegate: Delegate; status: MarkStatus; seq: number }
  | { kind: 'error'; error: AppError; seq: number }
  /**
   * A station cut off from its host kept the check-in in its outbox (issue 14): not a refusal, it
   * reaches the host when the link is back; the desk goes on with the next delegate.
   */
  | { kind: 'kept'; delegate: Delegate | null; query: string; error: AppError; seq: number };

/**
 * The desk's own state: the meeting it works, the search box, the banner, the pledge queue.
 * The attendance it shows is server data: `useAttendance(meetingId)` (./attendance.ts).
 */
interface DeskStore {
  meetingId: number | null;
  banner: Banner | null;
  /**
   * The search box, and the result the clerk moved to with ↑/↓ (null until they do: Enter then
   * takes that row even for a digits-only query, and never a row nobody chose among several).
   */
  query: string;
  highlight: number | null;
  setQuery(query: string): void;
  moveHighlight(delta: 1 | -1, count: number): void;
  /** Enter found several: the banner asks which one, in a tone of its own. */
  ask(query: string, count: number): void;
  /** Calls in flight (a scanner may fire the next badge before the last answer). */
  inFlight: number;
  setMeeting(meetingId: number | null): void;
  checkInByBadge(badge: string): Promise<void>;
  checkIn(delegateId: number): Promise<void>;
  undoLast(): Promise<void>;
  mark(delegateId: number, status: MarkStatus, reason: string | null): Promise<Result<unknown>>;
  /** Rule 16: an approved exclusion from 应到 (secretariat). */
  exclude(delegateId: number, kind: ExclusionKind, note: string | null): Promise<Result<unknown>>;
  revokeExclusion(exclusionId: number): Promise<Result<unknown>>;
  dismissBanner(): void;
  /**
   * With the congress setting `pledgeAtDesk`: delegates just checked in here who have not
   * signed the discipline pledge, in order; the pledge dialog shows the first.
   */
  pledgeQueue: PledgeAsk[];
  /** The pledge dialog for the first in the queue is done (signed, refused or skipped). */
  nextPledge(): void;
}

/** A delegate asked for the pledge at the desk, with the pledge on record (a refusal) if any. */
export interface PledgeAsk {
  delegate: Delegate;
  current: Pledge | null;
}

let seq = 0;

export const useDesk = create<DeskStore>()((set, get) => {
  /** Shows the answer of the call issued last; an older answer arriving late is not shown. */
  const show = (issued: number, banner: Banner) => {
    if (issued >= (get().banner?.seq ?? 0)) set({ banner });
  };

  const track = async <T>(call: () => Promise<T>): Promise<T> => {
    set((s) => ({ inFlight: s.inFlight + 1 }));
    try {
      return await call();
    } finally {
      set((s) => ({ inFlight: s.inFlight - 1 }));
    }
  };

  /** After a check-in: ask for the pledge when the congress does so at the desk and it is not signed yet. */
  const askPledge = async (delegate: Delegate) => {
    if (!useCongress.getState().file?.congress.settings.pledgeAtDesk || !takesDisciplineVows(delegate)) return;
    const current = await currentPledge(delegate.id);
    // Unknown (the call failed): ask anyway; signing twice is refused by the backend.
    if (current.ok && current.value?.status === 'signed') return;
    if (get().pledgeQueue.some((a) => a.delegate.id === delegate.id)) return;
    const ask = { delegate, current: current.ok ? current.value : null };
    set((s) => ({ pledgeQueue: [...s.pledgeQueue, ask] }));
  };

  const checkInWith = async (
    issued: number,
    call: () => Promise<Result<Output<'attendance.checkIn'>>>,
    query: string,
    /** Who the call names, for the banner of a check-in kept while cut off (no answer names them then). */
    named: (d: Delegate) => boolean,
  ) => {
    const meetingId = get().meetingId;
    const r = await track(call);
    if (r.ok) {
      const { outcome, delegate, record } = r.value;
      playTone(outcome === 'checked_in' ? 'ok' : 'already');
      show(issued, { kind: outcome, delegate, seq: issued });
      // The banner first: the clerk reads the name while the 3,000-row lists take the record.
      // (Waiting for an idle moment instead was slower: the lists then drew in the next
      // check-in's way, measured with bench large.)
      if (meetingId !== null && meetingId === get().meetingId) {
        setTimeout(() => applyRecord(meetingId, delegate.id, record), 0);
      }
      if (outcome === 'checked_in') void askPledge(delegate);
    } else if (isKept(r.error)) {
      playTone('ok');
      const delegate = peekCall('delegates.list', {})?.find(named) ?? null;
      show(issued, { kind: 'kept', delegate, query, error: r.error, seq: issued });
    } else if (r.error.code === 'not_found') {
      playTone('error');
      show(issued, { kind: 'not_found', query, error: r.error, seq: issued });
    } else {
      playTone('error');
      show(issued, { kind: 'error', error: r.error, seq: issued });
    }
    // The counts follow from the change event every window gets (api/queries.ts): asking here
    // too would queue a second read of 3,000 rows behind the next scan.
  };

  return {
    meetingId: null,
    banner: null,
    query: '',
    highlight: null,
    inFlight: 0,
    pledgeQueue: [],
    setQuery(query) {
      set({ query, highlight: null });
    },
    moveHighlight(delta, count) {
      set({ highlight: moveChoice(get().highlight, delta, count) });
    },
    ask(query, count) {
      const issued = ++seq;
      playTone('ask');
      show(issued, { kind: 'ask', query, count, seq: issued });
    },
    setMeeting(meetingId) {
      if (get().meetingId === meetingId) return;
      set({ meetingId, banner: null, query: '', highlight: null, pledgeQueue: [] });
    },
    async checkInByBadge(badge) {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      await checkInWith(
        issued,
        () => invoke('attendance.checkInByBadge', { meetingId, badge }),
        badge,
        (d) => d.badge === badge,
      );
    },
    async checkIn(delegateId) {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      await checkInWith(
        issued,
        () => invoke('attendance.checkIn', { meetingId, delegateId }),
        '',
        (d) => d.id === delegateId,
      );
    },
    async undoLast() {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      const r = await track(() => invoke('attendance.undoLast', { meetingId }));
      if (r.ok) {
        applyRecord(meetingId, r.value.delegate.id, null);
        // An undone check-in is not asked for the pledge any more (unless the dialog is already up).
        set((s) => ({
          pledgeQueue: s.pledgeQueue.filter((a, i) => i === 0 || a.delegate.id !== r.value.delegate.id),
        }));
        playTone('soft');
        show(issued, { kind: 'undone', delegate: r.value.delegate, seq: issued });
      } else {
        playTone('error');
        show(issued, { kind: 'error', error: r.error, seq: issued });
      }
    },
    async mark(delegateId, status, reason) {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return { ok: false, error: { code: 'invalid_input', message: '' } };
      const r = await track(() => invoke('attendance.mark', { meetingId, delegateId, status, reason }));
      if (r.ok) {
        playTone('soft');
        show(issued, { kind: 'marked', delegate: r.value.delegate, status, seq: issued });
      }
      return r;
    },
    async exclude(delegateId, kind, note) {
      const meetingId = get().meetingId;
      if (meetingId === null) return { ok: false, error: { code: 'invalid_input', message: '' } };
      return track(() => invoke('attendance.exclude', { meetingId, delegateId, kind, note }));
    },
    async revokeExclusion(exclusionId) {
      return track(() => invoke('attendance.revokeExclusion', { exclusionId, note: null }));
    },
    dismissBanner() {
      set({ banner: null });
    },
    nextPledge() {
      set((s) => ({ pledgeQueue: s.pledgeQueue.slice(1) }));
    },
  };
});
// The congress closed or another opened: no meeting, banner or pledge queue of it stays.
forgetWithCongress(() => useDesk.getState().setMeeting(null));
