import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Card, Descriptions, type TableColumnsType, Tag, Typography } from 'antd';
import type { Translate } from '../../app/language.js';
import { numberColumn, structureColumns } from '../../components/count-columns.js';
import { DataTable } from '../../components/DataTable.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { PrintedHash } from '../../components/PrintedHash.js';
import { formatTime } from '../../lib/paths.js';
import seal from '../results/seal.module.css';
import district from './DistrictCard.module.css';
import { FAILURE_LABEL, failureDetail, VERDICT_LABEL } from './labels.js';
import type { FileReport, VerifyReport, VerifySummary } from './store.js';
import styles from './VerifyReportCard.module.css';

type ContestRow = VerifySummary['contests'][number] & { key: string; total?: boolean };

const VERDICT_STYLE = { verified: styles.ok, signer_unchecked: styles.unchecked, failed: styles.bad } as const;
const VERDICT_ICON = {
  verified: <CheckCircleFilled />,
  signer_unchecked: <ExclamationCircleFilled />,
  failed: <CloseCircleFilled />,
} as const;

/**
 * One result file checked: passed or not, each failure named, and what the file says — the
 * congress, who signed (the key's fingerprint), the result hash, and every contest with those
 * elected and the structure of the elected body.
 */
export function VerifyReportCard(props: { file: FileReport; t: Translate }) {
  const { t } = props;
  const { path, report } = props.file;
  const s = report.summary;
  return (
    <Card
      className={`${styles.card} ${VERDICT_STYLE[report.verdict]}`}
      data-testid="verify-report"
      data-ok={report.ok}
      data-verdict={report.verdict}
      data-path={path}
      title={
        <div className={styles.title}>
          <span className={styles.verdict} data-testid="verify-verdict">
            {VERDICT_ICON[report.verdict]}
            {t(VERDICT_LABEL[report.verdict])}
          </span>
          <Typography.Text className={styles.congress} ellipsis>
            {s?.congress.name ?? ''}
          </Typography.Text>
        </div>
      }
    >
      <Typography.Paragraph className={styles.path} type="secondary" copyable={{ text: path }}>
        {path}
      </Typography.Paragraph>
      {report.verdict === 'signer_unchecked' && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="verify-unchecked"
          title={t('verify.unchecked.help')}
        />
      )}
      {report.failures.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title={t('verify.failures', { n: report.failures.length })}
          description={
            <ul className={styles.failures}>
              {report.failures.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: failures have no identity
                <li key={i} data-testid="verify-failure" data-kind={f.kind}>
                  <Tag color="error">{t(FAILURE_LABEL[f.kind])}</Tag>
                  <span>{failureDetail(t, f)}</span>
                </li>
              ))}
            </ul>
          }
        />
      )}
      {s && !report.ok && (
        <Typography.Paragraph type="warning" data-testid="verify-unverified">
          {t(report.verdict === 'signer_unchecked' ? 'verify.uncheckedSummary' : 'verify.unverifiedSummary')}
        </Typography.Paragraph>
      )}
      {s && <Summary summary={s} report={report} t={t} />}
    </Card>
  );
}

/** Who the signer was checked against, and whether the paper's hash matched. */
function signerText(t: Translate, report: VerifyReport): string {
  if (report.signerCheckedBy === 'fingerprint') return t('verify.signer.fingerprint');
  if (report.signerCheckedBy === 'registry') return t('verify.signer.registry', { township: report.township ?? '' });
  return t('verify.signer.none');
}

function Summary(props: { summary: VerifySummary; report: VerifyReport; t: Translate }) {
  const { summary: s, report, t } = props;
  const signatureValid = report.signatureValid;
  const hashMatched =
    report.expectedHash !== null && !report.failures.some((f) => f.kind === 'hash_mismatch') && signatureValid;
  const columns: TableColumnsType<ContestRow> = [
    {
      title: t('verify.col.contest'),
      dataIndex: 'title',
      render: (title: string, r) => (r.total ? <strong>{title}</strong> : title),
    },
    numberColumn<ContestRow>(t('verify.col.seats'), 'seats', 70),
    {
      title: t('verify.col.elected'),
      key: 'elected',
      render: (_, r) =>
        r.total
          ? t('verify.electedCount', { n: r.structure.total })
          : r.elected.join(t('list.separator')) || t('paper.unknown'),
    },
    ...structureColumns<ContestRow>(t, (r) => r.structure, 130),
  ];
  const rows: ContestRow[] = [
    ...s.contests.map((c, i) => ({ ...c, key: `c${i}` })),
    {
      key: 'total',
      total: true,
      title: t('verify.contestsTotal'),
      kind: 'election',
      seats: s.seats,
      elected: [],
      structure: s.structure,
    },
  ];
  return (
    <>
      <Descriptions column={2} size="small" bordered className={styles.summary} data-testid="verify-summary">
        <Descriptions.Item label={t('verify.congress')} span={2}>
          <strong data-testid="verify-congress">{s.congress.name}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.date')}>{s.congress.date}</Descriptions.Item>
        <Descriptions.Item label={t('verify.venue')}>{s.congress.venue}</Descriptions.Item>
        <Descriptions.Item label={t('key.fingerprint.signer')} span={2}>
          <Fingerprint value={s.fingerprint} testId="verify-fingerprint" size="medium" />
          <Tag color={signatureValid ? 'success' : 'error'} className={styles.signatureTag}>
            {t(signatureValid ? 'verify.signature.valid' : 'verify.signature.invalid')}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.signer')} span={2}>
          <Tag
            color={report.signerCheckedBy ? 'success' : 'warning'}
            data-testid="verify-signer"
            data-by={report.signerCheckedBy ?? 'none'}
          >
            {signerText(t, report)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('paper.hash.label')}>
          <PrintedHash hex={s.contentHash} className={seal.printedHash} testId="verify-short-hash" />
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.exportedAt')}>
          {t('verify.exportedBy', { at: formatTime(s.exportedAt), version: s.appVersion })}
        </Descriptions.Item>
        <Descriptions.Item label={t('resultExport.contentHash')} span={2}>
          <Typography.Text code className={seal.contentHash}>
            {s.contentHash}
          </Typography.Text>
          {hashMatched && (
            <Tag color="success" className={styles.signatureTag} data-testid="verify-hash-matched">
              {t('verify.hash.matched')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.audit')} span={2}>
          {t('verify.audit.value', { n: s.audit.entries, head: s.audit.head.slice(0, 16) })}
          {s.audit.anchorId !== null && <> · {t('verify.anchor', { id: s.audit.anchorId })}</>}
          {s.congressUid && (
            <>
              {' · '}
              {t('verify.uid')} <Typography.Text code>{s.congressUid}</Typography.Text>
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.checkpoints')} span={2}>
          <Checkpoints summary={s} t={t} />
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.meetings')} span={2}>
          <ul className={seal.plainList}>
            {s.meetings.map((m) => (
              <li key={`${m.name}-${m.date}`}>
                {t(m.oathParticipants === null ? 'verify.meeting' : 'verify.meeting.oath', {
                  name: m.name,
                  date: m.date,
                  due: m.due,
                  present: m.present,
                  oath: m.oathParticipants ?? 0,
                })}
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('verify.pledges')} span={2}>
          {t('verify.pledges.value', { ...s.pledges })}
        </Descriptions.Item>
      </Descriptions>
      <DataTable<ContestRow>
        className={styles.contests}
        rowKey="key"
        columns={columns}
        dataSource={rows}
        testId="verify-contests"
        row={(r) => ({
          testId: r.total ? 'verify-contests-total' : 'verify-contest',
          className: r.total ? district.total : undefined,
        })}
        title={() => <strong>{t('verify.contests', { n: s.contests.length })}</strong>}
      />
    </>
  );
}

/**
 * The chain's signed checkpoints (each round close, each export) and the key of each: a
 * checkpoint signed by a key other than the file's says the congress moved to another laptop
 * (or was worked on elsewhere) from there on, which the district may want to ask about.
 */
function Checkpoints(props: { summary: VerifySummary; t: Translate }) {
  const { summary: s, t } = props;
  if (s.audit.checkpoints.length === 0) return <>{t('verify.checkpoints.none')}</>;
  return (
    <ul className={seal.plainList} data-testid="verify-checkpoints">
      {s.audit.checkpoints.map((c) => (
        <li key={c.auditId} data-testid="verify-checkpoint" data-other-key={c.fingerprint !== s.fingerprint}>
          {t('verify.checkpoint', { id: c.auditId })}
          {c.fingerprint !== s.fingerprint && (
            <Tag color="warning" className={styles.signatureTag}>
              {t('verify.checkpoint.otherKey', { fingerprint: c.fingerprint })}
            </Tag>
          )}
        </li>
      ))}
    </ul>
  );
}
