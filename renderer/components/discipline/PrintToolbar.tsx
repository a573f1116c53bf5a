import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { isDesktop } from '../../api/index.js';
import { printWindow, savePdf } from '../../lib/print.js';
import type { Translate } from '../../stores/language.js';

/** Print and Save as PDF above a paper form in its own window; hidden on paper. */
export function PrintToolbar(props: { ready: boolean; pdfPath: string; t: Translate }) {
  const { t } = props;
  const { message } = App.useApp();
  const [browserHint, setBrowserHint] = useState(false);
  return (
    <div className="print-toolbar no-print">
      <Space>
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

/** Resolves once every image inside `root` is decoded, so a PDF taken then shows them all. */
export async function imagesDecoded(root: HTMLElement | null): Promise<void> {
  if (!root) return;
  await Promise.all([...root.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
}
