import { create } from 'zustand';
import type { Output } from '../../core/contract.js';
import type { AttendanceRecord, AttendanceSummary, Delegate } from '../../core/domain.js';
import type { AppError, Result } from '../../core/result.js';
import { invoke } from '../api/index.js';
import { coalesce } from '../lib/coalesce.js';
import { playTone } from '../lib/sound.js';

export type MarkStatus = 'leave' | 'absent' | 'pending';

/** What the confirmation banner shows after the last action at this desk. */
export type Banner =
  | { kind: 'checked_in' | 'already_present'; delegate: Delegate; seq: number }
  | { kind: 'not_found'; query: string; message: string; seq: number }
  | { kind: 'undone'; delegate: Delegate; seq: number }
  | { kind: 'marked'; delegate: Delegate; status: MarkStatus; seq: number }
  | { kind: 'error'; error: AppError; seq: number };

interface DeskStore {
  meetingId: number | null;
  summary: AttendanceSummary | null;
  records: Map<number, AttendanceRecord>;
  loadError: AppError | null;
  banner: Banner | null;
  /** The search box and the highlighted result (chosen with ↑/↓). */
  query: string;
  highlight: number;
  /** The clerk moved the highlight by hand: Enter takes it even for a digits-only query. */
  highlightChosen: boolean;
  setQuery(query: string): void;
  moveHighlight(delta: number, count: number): void;
  setHighlight(index: number): void;
  /** Calls in flight (a scanner may fire the next badge before the last answer). */
  inFlight: number;
  setMeeting(meetingId: number | null): void;
  refresh(): Promise<void>;
  checkInByBadge(badge: string): Promise<void>;
  checkIn(delegateId: number): Promise<void>;
  undoLast(): Promise<void>;
  mark(delegateId: number, status: MarkStatus, reason: string | null): Promise<Result<unknown>>;
  dismissBanner(): void;
}

let seq = 0;

export const useDesk = create<DeskStore>()((set, get) => {
  const fetchAttendance = coalesce(async () => {
    const meetingId = get().meetingId;
    if (meetingId === null) {
      set({ summary: null, records: new Map() });
      return;
    }
    const [summary, list] = await Promise.all([
      invoke('attendance.summary', { meetingId }),
      invoke('attendance.list', { meetingId }),
    ]);
    if (get().meetingId !== meetingId) return;
    if (!summary.ok) {
      set({ loadError: summary.error });
      return;
    }
    if (!list.ok) {
      set({ loadError: list.error });
      return;
    }
    set({ summary: summary.value, records: new Map(list.value.map((r) => [r.delegateId, r])), loadError: null });
  });

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

  const applyRecord = (record: AttendanceRecord | null, delegateId: number) => {
    const records = new Map(get().records);
    if (record) records.set(delegateId, record);
    else records.delete(delegateId);
    set({ records });
  };

  const checkInWith = async (
    issued: number,
    call: () => Promise<Result<Output<'attendance.checkIn'>>>,
    query: string,
  ) => {
    const r = await track(call);
    if (r.ok) {
      const { outcome, delegate, record } = r.value;
      applyRecord(record, delegate.id);
      playTone(outcome === 'checked_in' ? 'ok' : 'already');
      show(issued, { kind: outcome, delegate, seq: issued });
    } else if (r.error.code === 'not_found') {
      playTone('error');
      show(issued, { kind: 'not_found', query, message: r.error.message, seq: issued });
    } else {
      playTone('error');
      show(issued, { kind: 'error', error: r.error, seq: issued });
    }
    void fetchAttendance();
  };

  return {
    meetingId: null,
    summary: null,
    records: new Map(),
    loadError: null,
    banner: null,
    query: '',
    highlight: 0,
    highlightChosen: false,
    inFlight: 0,
    setQuery(query) {
      set({ query, highlight: 0, highlightChosen: false });
    },
    moveHighlight(delta, count) {
      if (count <= 0) return;
      set({ highlight: (get().highlight + delta + count) % count, highlightChosen: true });
    },
    setHighlight(index) {
      set({ highlight: index, highlightChosen: true });
    },
    setMeeting(meetingId) {
      if (get().meetingId === meetingId) return;
      set({ meetingId, summary: null, records: new Map(), banner: null, loadError: null, query: '', highlight: 0 });
      void fetchAttendance();
    },
    refresh: fetchAttendance,
    async checkInByBadge(badge) {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      await checkInWith(issued, () => invoke('attendance.checkInByBadge', { meetingId, badge }), badge);
    },
    async checkIn(delegateId) {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      await checkInWith(issued, () => invoke('attendance.checkIn', { meetingId, delegateId }), '');
    },
    async undoLast() {
      const meetingId = get().meetingId;
      const issued = ++seq;
      if (meetingId === null) return;
      const r = await track(() => invoke('attendance.undoLast', { meetingId }));
      if (r.ok) {
        applyRecord(null, r.value.delegate.id);
        playTone('soft');
        show(issued, { kind: 'undone', delegate: r.value.delegate, seq: issued });
      } else {
        playTone('error');
        show(issued, { kind: 'error', error: r.error, seq: issued });
      }
      void fetchAttendance();
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
      void fetchAttendance();
      return r;
    },
    dismissBanner() {
      set({ banner: null });
    },
  };
});
