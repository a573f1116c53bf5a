import { useMemo } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { formatTime } from '../../lib/paths.js';
import { useDelegates } from '../roster/delegates.js';
import type { AttendanceFormData } from './AttendanceForm.js';

/** Everything the attendance form needs for one meeting (any meeting, not only the current one), or null while it loads. */
export function useReportData(meetingId: number | null): {
  data: Omit<AttendanceFormData, 'seal'> | null;
  error: AppError | null;
} {
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const input = meetingId === null ? null : { meetingId };
  const summary = useCall('attendance.summary', input);
  const records = useCall('attendance.list', input);
  const roster = useDelegates();

  const data = useMemo(() => {
    const meeting = meetings.find((m) => m.id === meetingId);
    if (!congress || !meeting || !roster.loaded || !summary.data || !records.data) return null;
    return {
      congress,
      meeting,
      summary: summary.data,
      records: records.data,
      delegates: roster.delegates,
      printedAt: formatTime(new Date().toISOString()),
    };
  }, [congress, meetings, meetingId, roster, summary.data, records.data]);
  const error = summary.error ?? records.error ?? roster.error;
  return useMemo(() => ({ data, error }), [data, error]);
}
