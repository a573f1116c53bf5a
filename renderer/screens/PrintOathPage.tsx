import { Alert, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { type OathRecordData, OathRecordForm } from '../components/discipline/OathRecordForm.js';
import { PrintToolbar } from '../components/discipline/PrintToolbar.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { formatTime, joinPath, safeFileName } from '../lib/paths.js';
import { useCongress } from '../stores/congress.js';
import { useDiscipline } from '../stores/discipline.js';
import { useT } from '../stores/language.js';
import { usePrintMeetingId } from './PrintPledgesPage.js';

/** `#/print/oath?meeting=ID`: 集中宣誓记录 alone, for the print dialog and `page.pdf()`. */
export function PrintOathPage() {
  const t = useT();
  const status = useCongress((s) => s.status);
  const openError = useCongress((s) => s.openError);
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const meetingId = usePrintMeetingId();
  const storeMeeting = useDiscipline((s) => s.meetingId);
  const oath = useDiscipline((s) => s.oath);
  const oathLoaded = useDiscipline((s) => s.oathLoaded);
  const loadError = useDiscipline((s) => s.loadError);

  useEffect(() => (meetingId === null ? undefined : useDiscipline.getState().watch(meetingId)), [meetingId]);

  const meeting = meetings.find((m) => m.id === meetingId) ?? null;
  const data = useMemo((): OathRecordData | null => {
    if (!congress || !meeting || !oath || storeMeeting !== meetingId || oath.meetingId !== meetingId) return null;
    return { congress, meeting, oath, printedAt: formatTime(new Date().toISOString()) };
  }, [congress, meeting, oath, storeMeeting, meetingId]);

  const error = loadError ?? openError;
  const noOath = oathLoaded && storeMeeting === meetingId && oath === null && meeting !== null;
  const pdfName = data ? `${safeFileName(`${data.meeting.name}-${t('oath.form.title')}`)}.pdf` : 'oath.pdf';
  return (
    <main className="print-page" data-testid="print-page" data-ready={data !== null}>
      <PrintToolbar ready={data !== null} pdfPath={joinPath(defaultDirectory, pdfName)} t={t} />
      {data ? (
        <OathRecordForm data={data} t={t} />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : status === 'ready' && !congress ? (
        <ErrorAlert error={{ code: 'no_congress_open', message: t('error.no_congress_open') }} />
      ) : noOath ? (
        <Alert
          type="info"
          showIcon
          title={t('oath.form.none', { meeting: meeting.name })}
          data-testid="print-no-oath"
        />
      ) : (
        <Spin />
      )}
    </main>
  );
}
