import { create } from 'zustand';
import type { Input, Output } from '../../core/contract.js';
import type { CongressSettings, Meeting } from '../../core/domain.js';
import type { AppError, Result } from '../../core/result.js';
import { invoke } from '../api/index.js';
import { coalesce } from '../lib/coalesce.js';

type AppInfo = Output<'app.info'>;
type CongressFile = Output<'congress.get'>;

/** The open congress (or none), its meetings, and the app's info (recent files). */
interface CongressStore {
  status: 'loading' | 'ready' | 'offline';
  info: AppInfo | null;
  file: CongressFile | null;
  meetings: Meeting[];
  /** The last failure of New/Open/Demo, shown on the start screen. */
  openError: AppError | null;
  /** Busy with New/Open/Demo/Close. */
  busy: boolean;
  load(): Promise<void>;
  refresh(): Promise<void>;
  refreshMeetings(): Promise<void>;
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

export const useCongress = create<CongressStore>()((set, get) => {
  const fetchMeetings = coalesce(async () => {
    if (!get().file) {
      set({ meetings: [] });
      return;
    }
    const r = await invoke('meetings.list', {});
    if (r.ok) set({ meetings: [...r.value].sort((a, b) => a.position - b.position || a.id - b.id) });
  });

  const fetchCongress = coalesce(async () => {
    const r = await invoke('app.info', {});
    if (!r.ok) {
      set({ status: get().info ? 'ready' : 'offline', openError: get().info ? get().openError : r.error });
      return;
    }
    set({ info: r.value, file: r.value.open, status: 'ready' });
    await fetchMeetings();
  });

  const afterOpen = async (r: Result<CongressFile>): Promise<Result<CongressFile>> => {
    if (r.ok) {
      set({ file: r.value, openError: null });
      await fetchCongress();
    } else {
      set({ openError: r.error });
    }
    set({ busy: false });
    return r;
  };

  return {
    status: 'loading',
    info: null,
    file: null,
    meetings: [],
    openError: null,
    busy: false,
    load: fetchCongress,
    refresh: fetchCongress,
    refreshMeetings: fetchMeetings,
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
      await invoke('congress.close', {});
      set({ file: null, meetings: [], busy: false });
      await fetchCongress();
    },
    clearOpenError() {
      set({ openError: null });
    },
    async setCurrentMeeting(meetingId) {
      const r = await invoke('meetings.setCurrent', { meetingId });
      if (r.ok) {
        const file = get().file;
        if (file) set({ file: { ...file, congress: { ...file.congress, currentMeetingId: r.value.id } } });
      }
      return r;
    },
    async createMeeting(input) {
      const r = await invoke('meetings.create', input);
      if (r.ok) await fetchMeetings();
      return r;
    },
    async updateSettings(settings) {
      const r = await invoke('congress.updateSettings', settings);
      if (r.ok) {
        const file = get().file;
        if (file) set({ file: { ...file, congress: { ...file.congress, settings: r.value } } });
      }
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
