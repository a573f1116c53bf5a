import { Alert } from 'antd';
import { useMemo } from 'react';
import { PrintPage } from '../../components/print/PrintPage.js';
import { type OathRecordData, OathRecordForm } from './OathRecordForm.js';
import { printedNow, useMeetingPaper } from './PrintPledgesPage.js';
import { useOath } from './store.js';

/** `#/print/oath?meeting=ID`: 集中宣誓记录 alone, for the print dialog and `page.pdf()`. */
export function PrintOathPage() {
  const { t, congress, meetingId, meeting, seal, settled, pdfName } = useMeetingPaper('oath.form.title', 'oath.pdf');
  const { data: oath, error: loadError } = useOath(meetingId);
  const data = useMemo((): OathRecordData | null => {
    if (!congress || !meeting || !oath) return null;
    return { congress, meeting, oath, seal, printedAt: printedNow() };
  }, [congress, meeting, oath, seal]);

  const noOath = oath === null && meeting !== null;
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
