import { Alert } from 'antd';
import { useMemo } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { formatTime, safeFileName } from '../../lib/paths.js';
import { usePaperSeal } from '../results/useFormView.js';
import { type OathRecordData, OathRecordForm } from './OathRecordForm.js';
import { usePrintMeetingId } from './PrintPledgesPage.js';
import { useOath } from './store.js';

/** `#/print/oath?meeting=ID`: 集中宣誓记录 alone, for the print dialog and `page.pdf()`. */
export function PrintOathPage() {
  const t = useT();
  const congress = useCongress((s) => s.file?.congress ?? null);
  const meetings = useCongress((s) => s.meetings);
  const meetingId = usePrintMeetingId();
  const { data: oath, error: loadError } = useOath(meetingId);
  const { seal, settled } = usePaperSeal();

  const meeting = meetings.find((m) => m.id === meetingId) ?? null;
  const data = useMemo((): OathRecordData | null => {
    if (!congress || !meeting || !oath) return null;
    return { congress, meeting, oath, seal, printedAt: formatTime(new Date().toISOString()) };
  }, [congress, meeting, oath, seal]);

  const noOath = oath === null && meeting !== null;
  const pdfName = data ? `${safeFileName(`${data.meeting.name}-${t('oath.form.title')}`)}.pdf` : 'oath.pdf';
  return (
    <PrintPage
      ready={data !== null && settled}
      form={data && <OathRecordForm data={data} t={t} />}
      error={loadError}
      pdfName={pdfName}
      notice={
        noOath ? (
          <Alert
            type="info"
            showIcon
            title={t('oath.form.none', { meeting: meeting.name })}
            data-testid="print-no-oath"
          />
        ) : undefined
      }
    />
  );
}
