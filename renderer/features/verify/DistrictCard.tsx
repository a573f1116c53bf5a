import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, FileExcelOutlined } from '@ant-design/icons';
import { Card, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { BodyStructure } from '../../../core/election-types.js';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { numberColumn, structureColumns } from '../../components/count-columns.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { type PickRequest, pickPath } from '../../components/pick-path.js';
import { baseName, formatBytes, joinPath, today } from '../../lib/paths.js';
import styles from './DistrictCard.module.css';
import { FAILURE_LABEL, VERDICT_LABEL } from './labels.js';
import { PathAction } from './PathAction.js';
import { type DistrictTotal, type FileReport, useVerify, type VerifyFailure } from './store.js';

interface Row {
  key: string;
  name: string;
  path: string | null;
  ok: boolean | null;
  verdict: FileReport['report']['verdict'] | null;
  flags: FileReport['flags'];
  /** Whether the file is in the total. */
  counted: boolean;
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
    ...files.map(({ path, report, duplicateOf, flags, counted }, i) => {
      // The figures of a file whose signature and recount hold, counted or not: the row says which.
      const s = report.verdict === 'failed' ? null : report.summary;
      return {
        key: `f${i}`,
        name: report.summary?.congress.name ?? baseName(path),
        path,
        ok: report.ok,
        verdict: report.verdict,
        flags,
        counted,
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
      verdict: null,
      flags: [],
      counted: true,
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
      width: 220,
      render: (_: boolean | null, r) => (r.verdict === null ? null : <VerdictCell row={r} t={t} />),
    },
    numberColumn<Row>(t('district.col.contests'), 'contests', 70),
    numberColumn<Row>(t('district.col.seats'), 'seats', 80),
    numberColumn<Row>(t('district.col.elected'), 'elected', 80),
    ...structureColumns<Row>(t, (r) => r.structure, 120),
  ];

  const runExport = (target: string) => useVerify.getState().exportDistrict(target);
  const saveWorkbook: PickRequest = {
    mode: 'save',
    title: t('district.export.dialogTitle'),
    suggested: out,
    extensions: ['xlsx'],
  };
  const exportDesktop = async () => {
    const chosen = await pickPath(saveWorkbook);
    if (chosen.ok && chosen.value) {
      setOut(chosen.value);
      await runExport(chosen.value);
    }
  };

  const left = files.filter((f) => !f.counted && f.duplicateOf === null).length;
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
          data: { ok: String(r.ok), verdict: r.verdict, counted: String(r.counted) },
          className: r.total
            ? styles.total
            : r.verdict === 'failed'
              ? styles.failed
              : !r.counted && !r.duplicateOf
                ? styles.unchecked
                : undefined,
        })}
      />
      <Typography.Paragraph className={styles.note} data-testid="district-note">
        {t(left > 0 ? 'district.note.unchecked' : 'district.note', { n: total.townships, left })}
      </Typography.Paragraph>
      {exportError && <ErrorAlert error={exportError} />}
      <PathAction
        addon={t('district.export.path')}
        path={out}
        onPath={setOut}
        pathTestId="district-export-path"
        browse={saveWorkbook}
        icon={<FileExcelOutlined />}
        label={t(desktop ? 'district.export.dialog' : 'district.export')}
        primary
        loading={exporting}
        testId="district-export"
        onClick={() => void (desktop ? exportDesktop() : runExport(out.trim()))}
        className={styles.export}
        done={
          exported && {
            testId: 'district-exported',
            title: t('district.exported', { path: exported.path, size: formatBytes(exported.bytes) }),
          }
        }
      />
    </Card>
  );
}

const VERDICT_CLASS = { verified: styles.verdictOk, signer_unchecked: styles.verdictWarn, failed: styles.verdictBad };
const VERDICT_ICON = {
  verified: <CheckCircleFilled />,
  signer_unchecked: <ExclamationCircleFilled />,
  failed: <CloseCircleFilled />,
};
const FLAG_LABEL = {
  not_registered: 'district.flag.not_registered',
  key_shared: 'district.flag.key_shared',
  township_twice: 'district.flag.township_twice',
} as const;

/** A file's verdict in the district table, with why it failed, what is flagged, and whether it is in the total. */
function VerdictCell(props: { row: Row; t: Translate }) {
  const { row: r, t } = props;
  const verdict = r.verdict!;
  // "Not registered" says again what signer_unchecked says: shown once, as the verdict.
  const flags = r.flags.filter((f) => !(f.flag === 'not_registered' && verdict === 'signer_unchecked'));
  return (
    <>
      <span className={VERDICT_CLASS[verdict]} data-testid="district-verdict">
        {VERDICT_ICON[verdict]} {t(VERDICT_LABEL[verdict])}
      </span>
      {verdict === 'failed' && r.why && <div className={styles.why}>{t(FAILURE_LABEL[r.why])}</div>}
      {flags.map((f) => (
        <div key={f.flag} className={styles.why} data-testid="district-flag" data-flag={f.flag}>
          {t(FLAG_LABEL[f.flag], { others: f.others.map(baseName).join('、') })}
        </div>
      ))}
      {r.duplicateOf && (
        <div className={styles.note} data-testid="district-duplicate">
          {t('district.duplicate', { name: baseName(r.duplicateOf) })}
        </div>
      )}
      {!r.counted && !r.duplicateOf && verdict !== 'failed' && (
        <div className={styles.why} data-testid="district-not-counted">
          {t('district.notCounted')}
        </div>
      )}
    </>
  );
}
