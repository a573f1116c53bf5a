import { create } from 'zustand';
import type { Input, Output } from '../../core/contract.js';
import type { CongressSettings, Meeting } from '../../core/domain.js';
import type { CongressFile } from '../../core/model/index.js';
import type { AppError, Result } from '../../core/result.js';
import { invoke } from '../api/index.js';
import { CallFailed, callOptions, forgetCongress, queryClient, queryKey } from '../api/queries.js';
import { type Followed, follow } from './follow.js';

type AppInfo = Output<'app.info'>;

/**
 * Which congress file this window has open (or none), with its meetings and the app's info
 * (recent files): read through the fetch layer (`app.info`, `meetings.list`), kept here for
 * the many places outside React that ask (`getState().file`). What is this window's own is the
 * session: whether the first read answered, New/Open/Demo/Close under way, and why it failed.
 */
interface CongressStore {
  status: 'loading' | 'ready' | 'offline';
  info: AppInfo | null;
  file: CongressFile | null;
  meetings: Meeting[];
  /** The last failure of New/Open/Demo, shown on the start screen. */
  openError: AppError | null;
  /** Busy with New/Open/Demo/Close. */
  busy: boolean;
  /** Starts following the open congress (main.tsx), or reads it again (the offline screen's retry). */
  load(): Promise<void>;
  refresh(): Promise<void>;
  create(input: { name: string; date: string; venue: string; path: string }): Promise<Result<CongressFile>>;
  open(path: string): Promise<Result<CongressFile>>;
  openDemo(): Promise<Result<CongressFile>>;
  close(): Promise<void>;
  clearOpenError(): void;
  setCurrentMeeting(meetingId: number): Promise<Result<Meeting>>;
  createMeeting(input: Input<'meetings.create'>): Promise<Result<Meeting>>;
  updateSettings(settings: Partial<CongressSettings>): Promise<Result<CongressSettings>>;
  backup(path: string): Promise<Result<{ path: string; bytes: number }>>;
}

const INFO_KEY = queryKey('app.info', {});
const byPosition = (meetings: readonly Meeting[]): Meeting[] =>
  [...meetings].sort((a, b) => a.position - b.position || a.id - b.id);

export const useCongress = create<CongressStore>()((set, get) => {
  let info: Followed<AppInfo> | null = null;
  let meetings: Followed<Meeting[]> | null = null;

  const followMeetings = (open: boolean) => {
    const options = { ...callOptions('meetings.list', {}), enabled: open };
    if (meetings) meetings.setOptions(options);
    else
      meetings = follow(options, (r) => {
        if (r.data && get().file) set({ meetings: byPosition(r.data) });
      });
  };

  const onInfo = (value: AppInfo) => {
    const before = get().file?.path ?? null;
    const after = value.open?.path ?? null;
    // Another file (opened here, in another window or from the menu), or none: nothing read
    // from the one before stays in the cache, and its meetings are not shown a moment longer.
    if (before !== after) {
      forgetCongress();
      set({ meetings: [] });
    }
    set({ info: value, file: value.open, status: 'ready' });
    followMeetings(after !== null);
  };

  /** The app's info read again now; the meetings follow the file it names. */
  const reread = async () => {
    if (!info) return;
    const r = await info.refetch();
    // Shown now, not when the observer's notice arrives: the caller goes on with the file open.
    if (r.data && r.data !== get().info) onInfo(r.data);
  };

  const afterOpen = async (r: Result<CongressFile>): Promise<Result<CongressFile>> => {
    if (r.ok) {
      set({ openError: null });
      await reread();
    } else {
      set({ openError: r.error });
    }
    set({ busy: false });
    return r;
  };

  /** A write that changed the open congress: its answer shown at once, before the change event. */
  const patchFile = (change: (file: CongressFile) => CongressFile) => {
    const current = queryClient.getQueryData<AppInfo>(INFO_KEY);
    if (!current?.open) return;
    const next = { ...current, open: change(current.open) };
    queryClient.setQueryData(INFO_KEY, next);
    onInfo(next);
  };

  return {
    status: 'loading',
    info: null,
    file: null,
    meetings: [],
    openError: null,
    busy: false,
    async load() {
      if (info) return reread();
      info = follow(callOptions('app.info', {}), (r) => {
        if (r.data && r.data !== get().info) onInfo(r.data);
      });
      // The observer's own first read, awaited: the window knows what is open before it shows anything.
      try {
        onInfo(await queryClient.fetchQuery(callOptions('app.info', {})));
      } catch (e) {
        if (!get().info) set({ status: 'offline', openError: e instanceof CallFailed ? e.error : null });
      }
    },
    refresh: () => reread(),
    async create(input) {
      set({ busy: true, openError: null });
      return afterOpen(await invoke('congress.create', input));
    },
    async open(path) {
      set({ busy: true, openError: null });
      return afterOpen(await invoke('congress.open', { path }));
    },
    async openDemo() {
      set({ busy: true, openError: null });
      return afterOpen(await invoke('congress.openDemo', {}));
    },
    async close() {
      set({ busy: true });
      // Its change events arrive before the answer: the meetings of a closed file are not asked for.
      followMeetings(false);
      await invoke('congress.close', {});
      await reread();
      set({ busy: false });
    },
    clearOpenError() {
      set({ openError: null });
    },
    async setCurrentMeeting(meetingId) {
      const r = await invoke('meetings.setCurrent', { meetingId });
      if (r.ok) patchFile((f) => ({ ...f, congress: { ...f.congress, currentMeetingId: r.value.id } }));
      return r;
    },
    async createMeeting(input) {
      const r = await invoke('meetings.create', input);
      if (r.ok) await meetings?.refetch();
      return r;
    },
    async updateSettings(settings) {
      const r = await invoke('congress.updateSettings', settings);
      if (r.ok) patchFile((f) => ({ ...f, congress: { ...f.congress, settings: r.value } }));
      return r;
    },
    backup(path) {
      return invoke('congress.backup', { path });
    },
  };
});

/** The meeting the desk works on: the congress's current one, else the first. */
export function currentMeeting(state: Pick<CongressStore, 'file' | 'meetings'>): Meeting | null {
  const id = state.file?.congress.currentMeetingId ?? null;
  return state.meetings.find((m) => m.id === id) ?? state.meetings[0] ?? null;
}
