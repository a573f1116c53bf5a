import { CheckCircleFilled, CloseCircleFilled, FileExcelOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { BodyStructure } from '../../../core/election-types.js';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { numberColumn, structureColumns } from '../../components/count-columns.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { askSavePath } from '../../components/save-dialog.js';
import { baseName, formatBytes, joinPath, today } from '../../lib/paths.js';
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
    numberColumn<Row>(t('district.col.contests'), 'contests', 70),
    numberColumn<Row>(t('district.col.seats'), 'seats', 80),
    numberColumn<Row>(t('district.col.elected'), 'elected', 80),
    ...structureColumns<Row>(t, (r) => r.structure, 120),
  ];

  const runExport = (target: string) => useVerify.getState().exportDistrict(target);
  const exportDesktop = async () => {
    const chosen = await askSavePath(t('district.export.dialogTitle'), out, ['xlsx']);
    if (chosen.ok && chosen.value) {
      setOut(chosen.value);
      await runExport(chosen.value);
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
      <DataTable<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        testId="district-table"
        row={(r) => ({
          testId: r.total ? 'district-total' : 'district-row',
          data: { ok: String(r.ok) },
          className: r.total ? styles.total : r.ok === false ? styles.failed : undefined,
        })}
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
