import { CheckCircleFilled, CloseCircleFilled, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { BodyStructure } from '../../../core/election-types.js';
import { invokeShell, isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { baseName, formatBytes, joinPath, today } from '../../lib/paths.js';
import { testId } from '../../lib/testid.js';
import { educationText, shareText } from '../results/structure.js';
import styles from './DistrictCard.module.css';
import { FAILURE_LABEL } from './labels.js';
import { type DistrictTotal, type FileReport, useVerify, type VerifyFailure } from './store.js';

interface Row {
  key: string;
  name: string;
  path: string | null;
  ok: boolean | null;
  /** Why a file failed: its first failure's kind. */
  why: VerifyFailure['kind'] | null;
  /** The earlier file with the same content: shown, not counted again. */
  duplicateOf: string | null;
  contests: number | null;
  seats: number | null;
  elected: number | null;
  structure: BodyStructure | null;
  total?: boolean;
}

/**
 * The district view of several result files: one row per township — verified or not, its
 * contests, seats, those elected and their structure — and the total of the verified files
 * only; exported as an .xlsx workbook.
 */
export function DistrictCard(props: { files: FileReport[]; total: DistrictTotal; t: Translate }) {
  const { files, total, t } = props;
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const exporting = useVerify((s) => s.exporting);
  const exported = useVerify((s) => s.exported);
  const exportError = useVerify((s) => s.exportError);
  const [out, setOut] = useState(() => joinPath(defaultDirectory, `${t('district.fileName')}-${today()}.xlsx`));
  const desktop = isDesktop();

  const rows: Row[] = [
    ...files.map(({ path, report, duplicateOf }, i) => {
      const s = report.ok ? report.summary : null;
      return {
        key: `f${i}`,
        name: report.summary?.congress.name ?? baseName(path),
        path,
        ok: report.ok,
        why: report.failures[0]?.kind ?? null,
        duplicateOf,
        contests: s?.contests.length ?? null,
        seats: s?.seats ?? null,
        elected: s?.elected ?? null,
        structure: s?.structure ?? null,
      };
    }),
    {
      key: 'total',
      total: true,
      name: t('district.total', { n: total.townships }),
      path: null,
      ok: null,
      why: null,
      duplicateOf: null,
      contests: total.contests,
      seats: total.seats,
      elected: total.elected,
      structure: total.structure,
    },
  ];
  const share = (pick: (s: BodyStructure) => number) => (_: unknown, r: Row) =>
    r.structure && r.structure.total > 0 ? shareText(t, pick(r.structure), r.structure.total) : '';
  const columns: TableColumnsType<Row> = [
    {
      title: t('district.col.congress'),
      dataIndex: 'name',
      width: 240,
      render: (name: string, r) =>
        r.total ? (
          <strong>{name}</strong>
        ) : (
          <span title={r.path ?? ''}>
            {name}
            <div className={styles.path}>{r.path ? baseName(r.path) : ''}</div>
          </span>
        ),
    },
    {
      title: t('district.col.verified'),
      dataIndex: 'ok',
      width: 150,
      render: (ok: boolean | null, r) =>
        ok === null ? null : ok ? (
          <>
            <span className={styles.verdictOk}>
              <CheckCircleFilled /> {t('verify.ok')}
            </span>
            {r.duplicateOf && (
              <div className={styles.why} data-testid="district-duplicate">
                {t('district.duplicate', { name: baseName(r.duplicateOf) })}
              </div>
            )}
          </>
        ) : (
          <>
            <span className={styles.verdictBad}>
              <CloseCircleFilled /> {t('verify.fail')}
            </span>
            {r.why && <div className={styles.why}>{t(FAILURE_LABEL[r.why])}</div>}
          </>
        ),
    },
    { title: t('district.col.contests'), dataIndex: 'contests', width: 70, align: 'right' },
    { title: t('district.col.seats'), dataIndex: 'seats', width: 80, align: 'right' },
    { title: t('district.col.elected'), dataIndex: 'elected', width: 80, align: 'right' },
    { title: t('verify.col.women'), key: 'women', width: 120, render: share((s) => s.women) },
    { title: t('verify.col.under35'), key: 'under35', width: 120, render: share((s) => s.under35) },
    { title: t('verify.col.minority'), key: 'minority', width: 120, render: share((s) => s.minority) },
    {
      title: t('verify.col.education'),
      key: 'education',
      render: (_, r) => (r.structure ? educationText(t, r.structure) : ''),
    },
  ];

  const runExport = async (target: string) => {
    await useVerify.getState().exportDistrict(target);
  };
  const exportDesktop = async () => {
    const chosen = await invokeShell('shell.saveDialog', {
      title: t('district.export.dialogTitle'),
      defaultPath: out,
      extensions: ['xlsx'],
    });
    if (chosen?.ok && chosen.value.path) {
      setOut(chosen.value.path);
      await runExport(chosen.value.path);
    }
  };

  const failed = files.filter((f) => !f.report.ok).length;
  return (
    <Card
      title={t('district.title', { n: files.length })}
      className={`page-card ${styles.card}`}
      data-testid="district"
      data-townships={total.townships}
    >
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        data-testid="district-table"
        rowClassName={(r) => (r.total ? styles.total : r.ok === false ? styles.failed : '') ?? ''}
        onRow={(r) => testId(r.total ? 'district-total' : 'district-row', { 'data-ok': String(r.ok) })}
      />
      <Typography.Paragraph className={styles.note} data-testid="district-note">
        {t(failed > 0 ? 'district.note.failed' : 'district.note', { n: total.townships, failed })}
      </Typography.Paragraph>
      {exportError && <ErrorAlert error={exportError} />}
      <Space.Compact block className={styles.export}>
        {!desktop && <Space.Addon>{t('district.export.path')}</Space.Addon>}
        {!desktop && <Input value={out} onChange={(e) => setOut(e.target.value)} data-testid="district-export-path" />}
        <Button
          type={desktop ? 'default' : 'primary'}
          icon={<FileExcelOutlined />}
          loading={exporting}
          disabled={!desktop && !out.trim()}
          data-testid="district-export"
          onClick={() => void (desktop ? exportDesktop() : runExport(out.trim()))}
        >
          {t(desktop ? 'district.export.dialog' : 'district.export')}
        </Button>
      </Space.Compact>
      {exported && (
        <Alert
          className="page-alert"
          type="success"
          showIcon
          data-testid="district-exported"
          title={t('district.exported', { path: exported.path, size: formatBytes(exported.bytes) })}
        />
      )}
    </Card>
  );
}
