import { ImportOutlined, UploadOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Space, Spin, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Delegate } from '../../../core/domain.js';
import { useT } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { delegateColumns } from '../../components/delegate-columns.js';
import { EditLink } from '../../components/EditLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FilePickButton } from '../../components/FilePickButton.js';
import { actionsColumn } from '../../components/table-columns.js';
import { DELEGATE_FIELDS } from '../../lib/delegate-fields.js';
import { MAX_ROSTER_BYTES, readAsBase64 } from '../../lib/readFile.js';
import { searchDelegates } from '../../lib/search.js';
import { RosterBadgesButton } from '../badges/PrintButtons.js';
import { useCan } from '../operators/station-store.js';
import { DelegateFormModal } from './DelegateFormModal.js';
import { useDelegates } from './delegates.js';
import { ImportActions, ImportPreview } from './ImportPreview.js';
import styles from './RosterScreen.module.css';
import { useRoster } from './store.js';

/** The roster: filter, add and edit by hand, import a spreadsheet with a preview. */
export function RosterScreen() {
  const t = useT();
  const { message } = App.useApp();
  const { delegates, loaded, error: loadError } = useDelegates();
  const roster = useRoster.getState();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Delegate | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  // The rows ticked for 打印代表证 (issue 13 item 2): kept across the pages and the filter.
  const [selected, setSelected] = useState<number[]>([]);
  const canAdd = useCan('delegates.add');
  const canEdit = useCan('delegates.update');
  const canImport = useCan('roster.import');

  const shown = useMemo(
    () => (filter.trim() ? searchDelegates(delegates, filter, delegates.length) : delegates),
    [delegates, filter],
  );
  const delegations = useMemo(
    () => [...new Set(delegates.map((d) => d.delegation).filter((d): d is string => !!d))].sort(),
    [delegates],
  );
  const counts = useMemo(() => {
    const c = { voting: 0, alternate: 0, nonvoting: 0 };
    for (const d of delegates) c[d.category]++;
    return c;
  }, [delegates]);

  /** The delegate form, for one delegate or a new one. */
  const openForm = (d: Delegate | null) => {
    setEditing(d);
    setFormOpen(true);
  };

  const columns: TableColumnsType<Delegate> = [
    // Every field, in the roster's order; the badge and the name stay in view when it scrolls sideways.
    ...delegateColumns<Delegate>(
      t,
      DELEGATE_FIELDS.map((field) =>
        field === 'badge' || field === 'name' ? { field, fixed: 'left', strong: field === 'name' } : field,
      ),
    ),
    ...actionsColumn<Delegate>(
      80,
      canEdit ? (d) => <EditLink testId="delegate-edit" onClick={() => openForm(d)} /> : undefined,
      { title: t('roster.actions'), fixed: 'right' },
    ),
  ];

  return (
    <div className="page roster-page" data-testid="roster-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('roster.title')}</Typography.Title>
        <Space>
          <RosterBadgesButton selected={selected} t={t} />
          {canAdd && (
            <Button icon={<UserAddOutlined />} data-testid="roster-add" onClick={() => openForm(null)}>
              {t('roster.add')}
            </Button>
          )}
          {canImport && (
            <Button
              type="primary"
              icon={<ImportOutlined />}
              data-testid="roster-import"
              onClick={() => setImportOpen(true)}
            >
              {t('roster.import')}
            </Button>
          )}
        </Space>
      </div>
      {loadError && <ErrorAlert error={loadError} />}
      <div className={styles.rosterToolbar}>
        <Input.Search
          allowClear
          className={styles.rosterFilter}
          placeholder={t('roster.filter.placeholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="roster-filter"
        />
        <Typography.Text type="secondary" data-testid="roster-count">
          {t('roster.count', { n: delegates.length, ...counts })}
        </Typography.Text>
      </div>
      <DataTable<Delegate>
        testId="roster-table"
        rowKey="id"
        loading={!loaded}
        columns={columns}
        dataSource={shown}
        rowSelection={{
          fixed: true,
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys.map(Number)),
        }}
        scrollX={1100}
        pagination={{ defaultPageSize: 50, pageSizeOptions: [20, 50, 100, 200], showSizeChanger: true }}
        emptyText={t('roster.empty')}
      />
      <DelegateFormModal
        open={formOpen}
        delegate={editing}
        delegations={delegations}
        t={t}
        onSave={(fields) => (editing ? roster.update(editing.id, fields) : roster.add(fields))}
        onClose={(saved) => {
          setFormOpen(false);
          if (saved) void message.success(t('roster.saved', { name: saved.name }));
        }}
      />
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </div>
  );
}

function ImportModal(props: { open: boolean; onClose(): void }) {
  const t = useT();
  const importFile = useRoster((s) => s.importFile);
  const preview = useRoster((s) => s.preview);
  const previewError = useRoster((s) => s.previewError);
  const previewing = useRoster((s) => s.previewing);
  const importing = useRoster((s) => s.importing);
  const outcome = useRoster((s) => s.importOutcome);
  const importError = useRoster((s) => s.importError);
  const roster = useRoster.getState();
  const [readError, setReadError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    setReadError(null);
    if (!file) return;
    if (file.size > MAX_ROSTER_BYTES) {
      setReadError(t('import.tooBig'));
      return;
    }
    try {
      const contentBase64 = await readAsBase64(file);
      await roster.previewFile({ fileName: file.name, contentBase64 });
    } catch (e) {
      setReadError(t('import.readFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  const close = () => {
    roster.clearImport();
    setReadError(null);
    props.onClose();
  };

  return (
    <Modal
      open={props.open}
      title={t('import.title')}
      // The preview's nine columns fit side by side on a 1366-wide laptop (issue 15 item 5).
      width="min(1180px, calc(100vw - 48px))"
      style={{ top: 24 }}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('common.close')}</Button>
          <ImportActions
            canImport={!!preview && preview.errors.length === 0 && !outcome}
            importing={importing}
            t={t}
            onImport={() => void roster.runImport()}
          />
        </Space>
      }
    >
      <div className={styles.importModal} data-testid="import-modal">
        {/* Once a file is read, the preview's recognised columns say what the hint says, and the room is the preview's. */}
        {!preview && <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>}
        <FilePickButton
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          icon={<UploadOutlined />}
          onPick={(file) => void pick(file)}
          inputTestId="import-file"
          buttonTestId="import-pick"
        >
          {importFile ? t('import.pickAgain') : t('import.pick')}
        </FilePickButton>
        {readError && <Alert type="error" showIcon title={readError} className="page-alert" />}
        {previewing && (
          <div className={styles.importLoading}>
            <Spin description={t('import.reading')} />
          </div>
        )}
        {previewError && <ErrorAlert error={previewError} testId="import-preview-error" />}
        {importError && <ErrorAlert error={importError} testId="import-error-result" />}
        {outcome && (
          <Alert
            type="success"
            showIcon
            className="page-alert"
            data-testid="import-done"
            title={t('import.done', outcome)}
          />
        )}
        {preview && importFile && <ImportPreview preview={preview} fileName={importFile.fileName} t={t} />}
      </div>
    </Modal>
  );
}
