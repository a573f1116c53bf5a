import { Alert, Button, Empty, List, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { delegateColumns } from '../../components/delegate-columns.js';
import { fieldLabel, fieldValue } from '../../lib/delegate-fields.js';
import { errorTextNow } from '../../lib/errors.js';
import { CountSummary, CountTable, NoticeList, previewCounts } from './ImportFacts.js';
import styles from './ImportPreview.module.css';
import type { RosterPreview } from './store.js';

type Row = RosterPreview['rows'][number];
type Issue = RosterPreview['errors'][number];
type Change = RosterPreview['updated'][number];

/**
 * What an import would do, before anything is written: the columns recognised, every
 * problem by row and column, the people counted (by category, women, by delegation), what
 * reading the file normalised, what is added and what changes (from → to), the rows — every
 * column of them in view in the dialog at 1366 wide, no sideways scrolling.
 */
export function ImportPreview(props: { preview: RosterPreview; fileName: string; t: Translate }) {
  const { preview: p, t } = props;
  const hasErrors = p.errors.length > 0;
  const counts = useMemo(() => previewCounts(p), [p]);

  // 工作单位 takes what is left and cuts with an ellipsis; the others are as narrow as their
  // values (English titles wrap), so 类别 ends inside the dialog.
  const rowColumns: TableColumnsType<Row> = [
    { title: t('import.row'), dataIndex: 'row', width: 56 },
    ...delegateColumns<Row>(t, [
      { field: 'badge', width: 84 },
      { field: 'name', width: 90 },
      { field: 'gender', width: 76 },
      { field: 'ethnicity', width: 84 },
      { field: 'birthDate', width: 96 },
      { field: 'education', width: 90 },
      { field: 'delegation', width: 130 },
      'unit',
      { field: 'category', width: 100 },
    ]),
  ];
  const tab = (key: string, label: ReactNode, className?: string) => (
    <span data-testid={`import-tab-${key}`} className={className}>
      {label}
    </span>
  );

  return (
    <div className={styles.importPreview} data-testid="import-preview">
      <Typography.Text type="secondary">
        {t('import.file', {
          file: props.fileName,
          format: p.format.toUpperCase(),
          encoding: p.encoding ? ` · ${p.encoding}` : '',
        })}
      </Typography.Text>
      <div className={styles.importColumns} data-testid="import-columns">
        <Typography.Text strong>{t('import.columns')}:</Typography.Text>
        {p.columns.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat
          <Tag key={i} color={c.field ? 'green' : 'default'}>
            {c.header}
            {' → '}
            {c.field ? fieldLabel(t, c.field) : t('import.column.ignored')}
          </Tag>
        ))}
      </div>

      {hasErrors ? (
        <Alert type="error" showIcon title={t('import.errors.blocking')} data-testid="import-blocked" />
      ) : (
        <Alert
          type="success"
          showIcon
          data-testid="import-summary"
          title={t('import.summary', { added: p.added.length, updated: p.updated.length, unchanged: p.unchanged })}
        />
      )}
      {counts.total > 0 && <CountSummary counts={counts} partial={hasErrors} t={t} />}
      <NoticeList notices={p.notices} t={t} />

      <Tabs
        size="small"
        defaultActiveKey={hasErrors ? 'errors' : p.updated.length > 0 ? 'updated' : 'counts'}
        items={[
          {
            key: 'errors',
            label: tab('errors', t('import.errors', { n: p.errors.length }), hasErrors ? styles.tabError : undefined),
            children: <IssueList issues={p.errors} t={t} />,
          },
          {
            key: 'counts',
            label: tab('counts', t('import.counts', { n: counts.delegations.length })),
            children: <CountTable counts={counts} t={t} />,
          },
          {
            key: 'added',
            label: tab('added', t('import.added', { n: p.added.length })),
            children: (
              <ImportList
                testId="import-added"
                items={p.added}
                renderItem={(a) => (
                  <List.Item>
                    {a.badge} {a.name}
                  </List.Item>
                )}
              />
            ),
          },
          {
            key: 'updated',
            label: tab('updated', t('import.updated', { n: p.updated.length })),
            children: <ChangeList changes={p.updated} t={t} />,
          },
          {
            key: 'rows',
            label: tab('rows', t('import.rows', { n: p.rows.length })),
            children: (
              <DataTable<Row>
                testId="import-rows"
                rowKey="row"
                columns={rowColumns}
                dataSource={p.rows}
                pagination={{ pageSize: 50, showSizeChanger: false, size: 'small' }}
                height={300}
              />
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('import.unchanged', { n: p.unchanged })}</Typography.Text>
    </div>
  );
}

/** One of the preview's lists: the file's problems, the changes to delegates already there. */
function ImportList<T>(props: { testId: string; items: T[]; renderItem(item: T): ReactNode }) {
  return (
    <List
      size="small"
      className={styles.importList}
      data-testid={props.testId}
      dataSource={props.items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={props.renderItem}
    />
  );
}

function IssueList(props: { issues: Issue[]; t: Translate }) {
  const { t } = props;
  if (props.issues.length === 0) return <Typography.Text type="success">{t('import.errors.none')}</Typography.Text>;
  return (
    <ImportList
      testId="import-errors"
      items={props.issues}
      renderItem={(e) => (
        <List.Item data-testid="import-error" data-row={e.row ?? ''} data-column={e.column ?? ''}>
          <div className={styles.issue}>
            <span className={styles.issueWhere}>
              {e.row !== null ? t('import.issue.row', { row: e.row }) : t('import.issue.file')}
              {e.column !== null && ` ${t('import.issue.column', { column: e.column })}`}
            </span>
            <span className={styles.issueMessage}>{errorTextNow(e)}</span>
            {e.value !== null && e.value !== '' && (
              <span className={styles.issueValue}>{t('import.issue.value', { value: e.value })}</span>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

function ChangeList(props: { changes: Change[]; t: Translate }) {
  const { t } = props;
  const empty = t('import.change.empty');
  return (
    <ImportList
      testId="import-changes"
      items={props.changes}
      renderItem={(c) => (
        <List.Item>
          <div>
            <strong>
              {c.badge} {c.name}
            </strong>
            <ul className={styles.changeFields}>
              {c.fields.map((f) => (
                <li key={f.field}>
                  {fieldLabel(t, f.field)}:<del>{fieldValue(t, f.field, f.from) || empty}</del>
                  {' → '}
                  <ins>{fieldValue(t, f.field, f.to) || empty}</ins>
                </li>
              ))}
            </ul>
          </div>
        </List.Item>
      )}
    />
  );
}

export function ImportActions(props: { canImport: boolean; importing: boolean; t: Translate; onImport(): void }) {
  return (
    <Button
      type="primary"
      disabled={!props.canImport}
      loading={props.importing}
      onClick={props.onImport}
      data-testid="import-submit"
    >
      {props.t('import.submit')}
    </Button>
  );
}
