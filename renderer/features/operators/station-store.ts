import { create } from 'zustand';
import type { Channel, Output } from '../../../core/contract.js';
import type { AppError } from '../../../core/result.js';
import { permission } from '../../../core/roles.js';
import { invoke } from '../../api/index.js';
import { CallFailed, fetchCall, queryKey, setReadAccess } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { type Followed, follow } from '../../app/follow.js';
import { useRoute } from '../../app/route.js';
import { useSession } from './session-store.js';
import type { Operator } from './store.js';

/**
 * This station's sign-in for the open congress. A congress without operators is open: the name
 * typed at the window is the operator (OperatorModal). Once it has operators, every write needs
 * a signed-in station: the lock screen shows until an operator signs in with the PIN, and again
 * after the congress's idle minutes without keyboard or mouse, on demand (锁定), or when a call
 * answers `locked`. The backend enforces the same; this store only follows it.
 */
interface StationStore {
  /** The open congress's sign-in state has been read (false with no congress open). */
  known: boolean;
  /** The open congress has operators: writes need a signed-in station. */
  enforced: boolean;
  /** Who is signed in at this station, or null. */
  operator: Operator | null;
  idleMinutes: number;
  signingIn: boolean;
  signInError: AppError | null;
  refresh(): Promise<void>;
  signIn(operatorId: number, pin: string): Promise<boolean>;
  /** Locks this station now (the header's 锁定, or idle time). */
  lock(): Promise<void>;
  clearSignInError(): void;
}

/** Calls waiting for the next sign-in after they answered `locked`. */
let waiting: ((operatorId: number | null) => void)[] = [];
/**
 * Who signed in last at this station: the operator whose calls may still be on their way when
 * the station finds itself locked (a status read may have said so a moment before the call did).
 */
let lastOperatorId: number | null = null;
const wake = (operatorId: number | null) => {
  const all = waiting;
  waiting = [];
  for (const w of all) w(operatorId);
};

type StationStatus = Output<'station.status'>;
/** A status answer with the sign-in token its call carried. */
interface StatusRead {
  status: StationStatus;
  sent: string | null;
}

/**
 * The status read through the fetch layer (change events of `STALE_AFTER['station.status']`
 * read it again), each answer with the token its call carried: one about a token no longer
 * used (a change event can overtake the sign-in's own answer) says nothing about this station.
 */
const statusOptions = () => ({
  queryKey: [...queryKey('station.status', {}), 'token'],
  queryFn: async (): Promise<StatusRead> => {
    const sent = useSession.getState().token;
    const r = await invoke('station.status', {});
    if (!r.ok) throw new CallFailed(r.error);
    return { status: r.value, sent };
  },
  enabled: useCongress.getState().file !== null,
});

export const useStation = create<StationStore>()((set) => {
  let reads: Followed<StatusRead> | null = null;

  const apply = (read: StatusRead | undefined, failed: boolean) => {
    if (failed) {
      // Unknown: the backend decides on every write anyway, and a `locked` answer locks.
      set({ known: true });
      return;
    }
    if (!read || read.sent !== useSession.getState().token) return;
    const { enforced, operator, idleMinutes } = read.status;
    set({ known: true, enforced, operator, idleMinutes });
    if (!operator && useSession.getState().token) useSession.getState().setToken(null);
    // The lock screen and the chief's confirmation list them.
    if (enforced) void fetchCall('operators.list', {});
  };

  const fetchStatus = async () => {
    const open = useCongress.getState().file !== null;
    if (!open) set({ known: false, enforced: false, operator: null });
    if (!reads) reads = follow(statusOptions(), (r) => r.isFetchedAfterMount && apply(r.data, r.status === 'error'));
    else reads.setOptions(statusOptions());
    if (!open) return;
    const r = await reads.refetch();
    apply(r.data, r.status === 'error');
  };

  return {
    known: false,
    enforced: false,
    operator: null,
    idleMinutes: 15,
    signingIn: false,
    signInError: null,
    refresh: fetchStatus,
    async signIn(operatorId, pin) {
      set({ signingIn: true, signInError: null });
      const r = await invoke('station.signIn', { operatorId, pin });
      if (!r.ok) {
        set({ signingIn: false, signInError: r.error });
        return false;
      }
      useSession.getState().setToken(r.value.token);
      lastOperatorId = r.value.operator.id;
      markActive();
      set({
        signingIn: false,
        known: true,
        enforced: true,
        operator: r.value.operator,
        idleMinutes: r.value.idleMinutes,
      });
      wake(r.value.operator.id);
      return true;
    },
    async lock() {
      if (useSession.getState().token) await invoke('station.lock', {});
      useSession.getState().setToken(null);
      set({ operator: null, signInError: null });
    },
    clearSignInError() {
      set({ signInError: null });
    },
  };
});

// Behind the lock screen the fetch layer reads only what a locked station may (issue 12).
useStation.subscribe((s) =>
  setReadAccess(s.enforced && s.operator === null, s.operator ? String(s.operator.id) : null),
);

/**
 * A write answered `locked` (idle too long for the backend, a new PIN or role, or the congress
 * got its first operator at another station): the lock screen shows. True once the operator who
 * made the call has signed in again, so that the call goes through after all.
 */
export function waitForSignIn(_error: AppError): Promise<boolean> {
  const before = lastOperatorId;
  useSession.getState().setToken(null);
  useStation.setState({ known: true, enforced: true, operator: null });
  void fetchCall('operators.list', {});
  return new Promise((resolve) => {
    waiting.push((operatorId) => resolve(operatorId !== null && operatorId === before));
  });
}

/** May this station make `channel`? In an open congress anyone may; the backend decides anyway. */
export function canWrite(s: Pick<StationStore, 'enforced' | 'operator'>, channel: Channel): boolean {
  if (!s.enforced) return true;
  return s.operator !== null && permission(channel, s.operator.role) !== 'refused';
}

/** `canWrite` for the signed-in station, re-rendering when the sign-in changes. */
export const useCan = (channel: Channel): boolean => useStation((s) => canWrite(s, channel));

// ——— Idle lock ———

let lastInput = Date.now();
let lastBeat = 0;
/** While signed in, a status call now and then keeps the backend's idle clock in step with the hands. */
const HEARTBEAT_MS = 60_000;

function markActive(): void {
  lastInput = Date.now();
}

function onInput(): void {
  markActive();
  const { operator } = useStation.getState();
  if (operator && lastInput - lastBeat > HEARTBEAT_MS) {
    lastBeat = lastInput;
    void useStation.getState().refresh();
  }
}

/** The hall's and the printer's windows: they only read, and nobody works in them. */
const isReadOnlyWindow = (): boolean => {
  const { page } = useRoute.getState();
  return isHallWindow() || page.startsWith('print/');
};

/** The projector's windows: what they read a locked station may read too (core/contract/spec.ts ANYONE). */
const isHallWindow = (): boolean => {
  const { page } = useRoute.getState();
  return page === 'board' || page === 'tally';
};

/**
 * Follows the open congress (its sign-in state), keyboard and mouse (the idle lock), and settles
 * calls waiting for a sign-in when the congress goes away. Returns a stop function.
 *
 * A board, tally or print window opened from a station inherits its sessionStorage, and with it
 * the sign-in: a board or tally lets go of its copy (without locking the station), so that a
 * projector left alone never locks the station it came from; a print window keeps it to read.
 */
export function startStationWatch(): () => void {
  if (isReadOnlyWindow()) {
    // A print window reads the station's rosters and results, which a locked station may not
    // (issue 12): it keeps the sign-in it was opened with, and, never idle-locking, ends with it.
    if (isHallWindow() && useSession.getState().token) useSession.getState().setToken(null);
    return () => undefined;
  }
  const events = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;
  for (const e of events) window.addEventListener(e, onInput, { capture: true, passive: true });
  const unsubscribe = useCongress.subscribe((s, prev) => {
    if (s.file?.path === prev.file?.path) return;
    // Calls of the congress that was open wait no longer; its sign-ins are gone.
    lastOperatorId = null;
    wake(null);
    void useStation.getState().refresh();
  });
  const timer = window.setInterval(() => {
    const { operator, idleMinutes } = useStation.getState();
    if (operator && Date.now() - lastInput >= idleMinutes * 60_000) void useStation.getState().lock();
  }, 5_000);
  return () => {
    for (const e of events) window.removeEventListener(e, onInput, { capture: true });
    unsubscribe();
    window.clearInterval(timer);
  };
}
