import { create } from 'zustand';
import type { AttendanceRecord, AttendanceSummary } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { coalesce } from '../../lib/coalesce.js';

/** Attendance of the meeting the report (清点到会人数报告单) is about; any meeting, not only the current one. */
interface ReportStore {
  meetingId: number | null;
  summary: AttendanceSummary | null;
  records: AttendanceRecord[];
  loading: boolean;
  loadError: AppError | null;
  setMeeting(meetingId: number | null): void;
  refresh(): Promise<void>;
}

export const useReport = create<ReportStore>()((set, get) => {
  const fetchReport = coalesce(async () => {
    const meetingId = get().meetingId;
    if (meetingId === null) return;
    set({ loading: true });
    const [summary, list] = await Promise.all([
      invoke('attendance.summary', { meetingId }),
      invoke('attendance.list', { meetingId }),
    ]);
    if (get().meetingId !== meetingId) return;
    if (summary.ok && list.ok) set({ summary: summary.value, records: list.value, loading: false, loadError: null });
    else set({ loading: false, loadError: !summary.ok ? summary.error : !list.ok ? list.error : null });
  });

  return {
    meetingId: null,
    summary: null,
    records: [],
    loading: false,
    loadError: null,
    setMeeting(meetingId) {
      if (get().meetingId === meetingId) return;
      set({ meetingId, summary: null, records: [], loadError: null });
      void fetchReport();
    },
    refresh: fetchReport,
  };
});
