import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { isDesktop } from '../api/index.js';
import { AttendanceForm } from '../components/AttendanceForm.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { joinPath, safeFileName } from '../lib/paths.js';
import { printWindow, savePdf } from '../lib/print.js';
import { currentMeeting, useCongress } from '../stores/congress.js';
import { useT } from '../stores/language.js';
import { useReport } from '../stores/report.js';
import { useRoute } from '../stores/route.js';
import { useReportData } from './useReportData.js';

/** The attendance report inside the app: choose the meeting, print or save as PDF. */
export function ReportScreen() {
  const t = useT();
  const { message } = App.useApp();
  const meetings = useCongress((s) => s.meetings);
  const current = useCongress(currentMeeting);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const query = useRoute((s) => s.query);
  const navigate = useRoute((s) => s.navigate);
  const loadError = useReport((s) => s.loadError);
  const [browserHint, setBrowserHint] = useState(false);

  const requested = Number(query.meeting);
  const meetingId = meetings.some((m) => m.id === requested) ? requested : (current?.id ?? null);
  const data = useReportData(meetingId);

  const pdfName = data ? `${safeFileName(`${data.meeting.name}-${t('report.title')}`)}.pdf` : 'report.pdf';

  return (
    <div className="page report-page" data-testid="report-page">
      <div className="page-head no-print">
        <Typography.Title level={3}>{t('report.title')}</Typography.Title>
        <Space>
          <Typography.Text type="secondary">{t('report.meeting')}</Typography.Text>
          <Select
            className="meeting-select"
            value={meetingId ?? undefined}
            options={meetings.map((m) => ({ value: m.id, label: `${m.name} · ${m.date}` }))}
            onChange={(id: number) => navigate('report', { meeting: String(id) })}
            popupMatchSelectWidth={false}
            data-testid="report-meeting"
          />
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!data}
            onClick={() => void printWindow()}
            data-testid="report-print"
          >
            {t('report.print')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!data}
            data-testid="report-pdf"
            onClick={async () => {
              const r = await savePdf(t('report.pdf.dialogTitle'), joinPath(defaultDirectory, pdfName));
              if (r === null) {
                setBrowserHint(true);
                window.print();
              } else if (r.path) void message.success(t('report.pdf.saved', { path: r.path }));
              else if (r.error) void message.error(r.error);
            }}
          >
            {t('report.pdf')}
          </Button>
        </Space>
      </div>
      {browserHint && !isDesktop() && (
        <Alert
          className="no-print page-alert"
          type="info"
          showIcon
          title={t('report.pdf.browserHint')}
          closable={{ onClose: () => setBrowserHint(false) }}
        />
      )}
      {loadError && <ErrorAlert error={loadError} />}
      {meetingId === null ? (
        <Alert type="info" title={t('report.noMeeting')} />
      ) : data ? (
        <div className="paper-sheet">
          <AttendanceForm data={data} t={t} />
        </div>
      ) : (
        <Spin />
      )}
    </div>
  );
}
