import { useEffect, useMemo } from 'react';
import { useCongress } from '../../app/congress.js';
import { formatTime } from '../../lib/paths.js';
import { useRoster } from '../roster/store.js';
import type { AttendanceFormData } from './AttendanceForm.js';
import { useReport } from './report-store.js';

/** Everything the attendance form needs for one meeting, or null while it loads. */
export function useReportData(meetingId: number | null): Omit<AttendanceFormData, 'seal'> | null {
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const delegates = useRoster((s) => s.delegates);
  const rosterLoaded = useRoster((s) => s.loaded);
  const summary = useReport((s) => s.summary);
  const records = useReport((s) => s.records);
  const reportMeeting = useReport((s) => s.meetingId);

  useEffect(() => {
    useReport.getState().setMeeting(meetingId);
  }, [meetingId]);
  useEffect(() => {
    if (congress && !useRoster.getState().loaded) void useRoster.getState().refresh();
  }, [congress]);

  return useMemo(() => {
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!congress || !meeting || !rosterLoaded || !summary || reportMeeting !== meetingId) return null;
    if (summary.meetingId !== meetingId) return null;
    return { congress, meeting, summary, records, delegates, printedAt: formatTime(new Date().toISOString()) };
  }, [congress, meetings, meetingId, rosterLoaded, summary, records, delegates, reportMeeting]);
}
