import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { isDesktop } from '../../api/index.js';
import type { Translate } from '../../app/language.js';
import { printWindow, savePdf } from '../../lib/print.js';
import styles from './PrintToolbar.module.css';

/**
 * Print and Save as PDF for the paper form in view (its own window, or the report page's
 * preview); `extra` goes beside them. Hidden on paper. In a browser, Save as PDF opens the
 * print dialog and says to choose "Save as PDF" there.
 */
export function PrintToolbar(props: {
  ready: boolean;
  pdfPath: string;
  t: Translate;
  extra?: ReactNode;
  className?: string;
}) {
  const { t } = props;
  const { message } = App.useApp();
  const [browserHint, setBrowserHint] = useState(false);
  return (
    <div className={`${styles.toolbar} no-print ${props.className ?? ''}`}>
      <Space wrap>
        {props.extra}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!props.ready}
          onClick={() => void printWindow()}
          data-testid="print-print"
        >
          {t('report.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={!props.ready}
          data-testid="print-pdf"
          onClick={async () => {
            const r = await savePdf(t('report.pdf.dialogTitle'), props.pdfPath);
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
      {browserHint && !isDesktop() && (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          title={t('report.pdf.browserHint')}
          closable={{ onClose: () => setBrowserHint(false) }}
        />
      )}
    </div>
  );
}
