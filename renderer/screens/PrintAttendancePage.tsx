import { Spin } from 'antd';
import { AttendanceForm } from '../components/AttendanceForm.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { currentMeeting, useCongress } from '../stores/congress.js';
import { useT } from '../stores/language.js';
import { useReport } from '../stores/report.js';
import { useRoute } from '../stores/route.js';
import { useReportData } from './useReportData.js';

/**
 * `#/print/attendance?meeting=ID`: the paper form alone, no app chrome, for the print
 * dialog and for `page.pdf()` in the end-to-end tests. `data-ready` says when it is filled.
 */
export function PrintAttendancePage() {
  const t = useT();
  const query = useRoute((s) => s.query);
  const status = useCongress((s) => s.status);
  const openError = useCongress((s) => s.openError);
  const hasCongress = useCongress((s) => s.file !== null);
  const current = useCongress(currentMeeting);
  const loadError = useReport((s) => s.loadError);
  const requested = Number(query.meeting);
  const meetingId = Number.isInteger(requested) && requested > 0 ? requested : (current?.id ?? null);
  const data = useReportData(meetingId);

  const error = loadError ?? openError;
  return (
    <main className="print-page" data-testid="print-page" data-ready={data !== null}>
      {data ? (
        <AttendanceForm data={data} t={t} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : status === 'ready' && !hasCongress ? (
        <ErrorAlert error={{ code: 'no_congress_open', message: t('error.no_congress_open') }} />
      ) : (
        <Spin />
      )}
    </main>
  );
}
