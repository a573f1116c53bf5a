import { CheckCircleFilled, ExportOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Input, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { BrowseButton } from '../../components/BrowseButton.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { PrintedHash } from '../../components/PrintedHash.js';
import { type PickRequest, pickPath } from '../../components/pick-path.js';
import { formatBytes, joinPath, safeFileName, today } from '../../lib/paths.js';
import { useVerify } from '../verify/store.js';
import styles from './ResultsScreen.module.css';
import seal from './seal.module.css';
import { type ExportOutcome, useResultStatus, useResults } from './store.js';

/** The CSV goes next to the result file, with the same name. */
export const csvPathFor = (path: string): string => `${path.replace(/\.json$/i, '')}.csv`;

/**
 * 结果导出: whether every contest is closed (the export waits for all), the installation
 * key's fingerprint and the result's hash as the paper forms print them, and the
 * export of the signed result file (optionally with a CSV of the results next to it).
 */
export function ResultsScreen() {
  const t = useT();
  const { data: status, error: statusError } = useResultStatus();
  const lastExport = useResults((s) => s.lastExport);
  const exporting = useResults((s) => s.exporting);
  const congress = useCongress((s) => s.file?.congress ?? null);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const navigate = useRoute((s) => s.navigate);
  const desktop = isDesktop();

  const defaultName = `${safeFileName(`${congress?.name ?? ''}-${t('resultExport.fileName')}-${today()}`)}.json`;
  const [path, setPath] = useState(() => joinPath(defaultDirectory, defaultName));
  const [withCsv, setWithCsv] = useState(true);
  const [error, setError] = useState<AppError | null>(null);

  const runExport = async (target: string) => {
    setError(null);
    const r = await useResults.getState().exportResult(target, withCsv ? csvPathFor(target) : null);
    if (!r.ok) setError(r.error);
  };

  const saveResult: PickRequest = {
    mode: 'save',
    title: t('resultExport.dialogTitle'),
    suggested: path,
    extensions: ['json'],
  };
  const exportDesktop = async () => {
    const chosen = await pickPath(saveResult);
    if (chosen.ok && chosen.value) {
      setPath(chosen.value);
      await runExport(chosen.value);
    } else if (!chosen.ok) setError(chosen.error);
  };

  const ready = status?.ready ?? false;
  return (
    <div className="page" data-testid="results-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('resultExport.title')}</Typography.Title>
        <Button
          icon={<SafetyCertificateOutlined />}
          data-testid="results-open-verify"
          onClick={() => navigate('verify')}
        >
          {t('verify.title')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className={styles.intro}>
        {t('resultExport.intro')}
      </Typography.Paragraph>

      <Card title={t('resultExport.status.title')} className="page-card" data-testid="result-status">
        {statusError && <ErrorAlert error={statusError} />}
        {!status ? (
          !statusError && <Spin />
        ) : (
          <>
            {status.ready ? (
              <Alert type="success" showIcon title={t('resultExport.status.ready')} data-testid="result-ready" />
            ) : status.open.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                data-testid="result-open"
                title={t('resultExport.status.open', { n: status.open.length })}
                description={
                  <ul className={seal.plainList}>
                    {status.open.map((c) => (
                      <li key={c.contestId}>
                        <Typography.Link
                          data-testid="result-open-contest"
                          onClick={() => navigate('contests', { contest: String(c.contestId) })}
                        >
                          {c.title}
                        </Typography.Link>
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert type="info" showIcon title={t('resultExport.status.empty')} data-testid="result-empty" />
            )}
            <Descriptions column={1} size="small" className={styles.seal} bordered>
              <Descriptions.Item label={t('key.fingerprint')}>
                <Fingerprint value={status.fingerprint} testId="result-fingerprint" size="medium" />
              </Descriptions.Item>
              <Descriptions.Item label={t('paper.hash.label')}>
                <PrintedHash hex={status.contentHash} className={seal.printedHash} testId="result-short-hash" />
                <Typography.Text type="secondary" className={styles.sealNote}>
                  {t(status.ready ? 'paper.seal.final' : 'paper.seal.interim')}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('resultExport.contentHash')}>
                <Typography.Text code copyable className={seal.contentHash}>
                  {status.contentHash}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Card>

      <Card title={t('resultExport.export.title')} className="page-card" data-testid="result-export">
        <Typography.Paragraph type="secondary">{t('resultExport.export.help')}</Typography.Paragraph>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="result-export-error" />}
        <Space direction="vertical" className={styles.fullWidth}>
          {!desktop && (
            <Space.Compact block>
              <Space.Addon>{t('resultExport.path')}</Space.Addon>
              <Input value={path} onChange={(e) => setPath(e.target.value)} data-testid="result-export-path" />
              <BrowseButton
                request={{ ...saveResult, suggested: path }}
                onPicked={setPath}
                onError={setError}
                testId="result-export-browse"
              />
            </Space.Compact>
          )}
          <Checkbox checked={withCsv} onChange={(e) => setWithCsv(e.target.checked)} data-testid="result-export-csv">
            {t('resultExport.csv')}
          </Checkbox>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={exporting}
            disabled={!ready || (!desktop && !path.trim())}
            data-testid="result-export-submit"
            onClick={() => void (desktop ? exportDesktop() : runExport(path.trim()))}
          >
            {t(desktop ? 'resultExport.submitDialog' : 'resultExport.submit')}
          </Button>
        </Space>
        {lastExport && (
          <ExportDone
            outcome={lastExport}
            onVerify={() => {
              useVerify.getState().setPathsText(lastExport.path);
              useVerify.getState().clear();
              navigate('verify');
            }}
          />
        )}
      </Card>
    </div>
  );
}

function ExportDone(props: { outcome: ExportOutcome; onVerify(): void }) {
  const t = useT();
  const { outcome: o } = props;
  return (
    <div className={styles.done} data-testid="result-export-done">
      <Typography.Title level={5}>
        <CheckCircleFilled className={styles.okIcon} /> {t('resultExport.done')}
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('resultExport.done.path')}>
          <CopyablePath path={o.path} testId="result-export-done-path" />
        </Descriptions.Item>
        <Descriptions.Item label={t('resultExport.done.size')}>
          <span data-testid="result-export-done-bytes" data-bytes={o.bytes}>
            {t('resultExport.done.bytes', { size: formatBytes(o.bytes), bytes: o.bytes })}
          </span>
        </Descriptions.Item>
        {o.csvPath && (
          <Descriptions.Item label={t('resultExport.done.csv')}>
            <CopyablePath path={o.csvPath} testId="result-export-done-csv" />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('paper.hash.label')}>
          <PrintedHash hex={o.contentHash} className={seal.printedHash} testId="result-export-done-hash" />
        </Descriptions.Item>
        <Descriptions.Item label={t('resultExport.contentHash')}>
          <Typography.Text code className={seal.contentHash}>
            {o.contentHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('key.fingerprint')}>
          <Fingerprint value={o.fingerprint} testId="result-export-done-fingerprint" size="medium" />
        </Descriptions.Item>
      </Descriptions>
      <Button className={styles.verify} data-testid="result-export-verify" onClick={props.onVerify}>
        {t('resultExport.verifyThis')}
      </Button>
    </div>
  );
}

/** A file written, to copy into a file manager or a note. */
function CopyablePath(props: { path: string; testId: string }) {
  return (
    <Typography.Text copyable data-testid={props.testId}>
      {props.path}
    </Typography.Text>
  );
}
