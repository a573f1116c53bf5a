import { DeleteOutlined, ImportOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Input, Popconfirm, Space, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { type PickRequest, pickPath } from '../../components/pick-path.js';
import { formatTime, joinPath } from '../../lib/paths.js';
import styles from './KeyRegistryCard.module.css';
import { PathAction } from './PathAction.js';
import { type RegistryEntry, useRegistry } from './registry-store.js';

/**
 * The district's key registry (issue 12): township → the fingerprint of its laptop's key, typed
 * from the township's paper form or imported from its signed enrolment file; each file checked
 * here is verified against its own township's key. Below it, the township's side: this
 * computer's enrolment file, to hand to the district with the paper form.
 */
export function KeyRegistryCard(props: { t: Translate }) {
  const { t } = props;
  const registry = useRegistry((s) => s.registry);
  const error = useRegistry((s) => s.error);
  const imported = useRegistry((s) => s.imported);
  const [township, setTownship] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [importPath, setImportPath] = useState('');
  const desktop = isDesktop();

  useEffect(() => {
    void useRegistry.getState().load();
  }, []);

  const add = async () => {
    const r = await useRegistry.getState().add(township.trim(), fingerprint.trim());
    if (r.ok) {
      setTownship('');
      setFingerprint('');
    }
  };
  const openEnrolment: PickRequest = { mode: 'open', title: t('keys.import.dialogTitle'), extensions: ['json'] };
  const importDesktop = async () => {
    const r = await pickPath(openEnrolment);
    if (r.ok && r.value) await useRegistry.getState().importFile(r.value);
  };

  const columns: TableColumnsType<RegistryEntry> = [
    { title: t('keys.col.township'), dataIndex: 'township', width: 220 },
    {
      title: t('keys.col.fingerprint'),
      dataIndex: 'fingerprint',
      render: (fp: string) => <Fingerprint value={fp} size="medium" />,
    },
    {
      title: t('keys.col.source'),
      dataIndex: 'source',
      width: 110,
      render: (source: RegistryEntry['source']) =>
        t(source === 'paper' ? 'keys.source.paper' : 'keys.source.enrolment'),
    },
    { title: t('keys.col.addedAt'), dataIndex: 'addedAt', width: 170, render: (at: string) => formatTime(at) },
    {
      key: 'remove',
      width: 90,
      render: (_, entry) => (
        <Popconfirm
          title={t('keys.remove.confirm', { township: entry.township })}
          onConfirm={() => void useRegistry.getState().remove(entry.township)}
        >
          <Button size="small" danger icon={<DeleteOutlined />} data-testid="keys-remove">
            {t('keys.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card
      className={`page-card ${styles.card}`}
      title={
        <span>
          <KeyOutlined /> {t('keys.title')}
        </span>
      }
      data-testid="keys"
      data-count={registry?.entries.length ?? 0}
    >
      <Typography.Paragraph type="secondary">{t('keys.intro')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <DataTable<RegistryEntry>
        rowKey="township"
        columns={columns}
        dataSource={registry?.entries ?? []}
        emptyText={t('keys.empty')}
        testId="keys-table"
        row={(entry) => ({ testId: 'keys-row', data: { township: entry.township } })}
      />
      <Space.Compact block className={styles.add}>
        <Input
          value={township}
          onChange={(e) => setTownship(e.target.value)}
          placeholder={t('keys.township.placeholder')}
          aria-label={t('keys.township')}
          className={styles.township}
          data-testid="keys-township"
        />
        <Input
          value={fingerprint}
          onChange={(e) => setFingerprint(e.target.value)}
          placeholder={t('verify.expected.placeholder')}
          aria-label={t('keys.fingerprint')}
          className={styles.fingerprint}
          spellCheck={false}
          data-testid="keys-fingerprint"
          onPressEnter={() => void add()}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!township.trim() || !fingerprint.trim()}
          onClick={() => void add()}
          data-testid="keys-add"
        >
          {t('keys.add')}
        </Button>
      </Space.Compact>
      <PathAction
        path={importPath}
        onPath={setImportPath}
        pathLabel={t('keys.import.path')}
        pathTestId="keys-import-path"
        browse={openEnrolment}
        icon={<ImportOutlined />}
        label={t(desktop ? 'keys.import.dialog' : 'keys.import')}
        testId="keys-import"
        onClick={() => void (desktop ? importDesktop() : useRegistry.getState().importFile(importPath.trim()))}
        className={styles.add}
        done={
          imported && {
            testId: 'keys-imported',
            title: t('keys.import.done', { township: imported.township, fingerprint: imported.fingerprint }),
          }
        }
      />
      <Typography.Paragraph type="secondary" className={styles.note}>
        {t('keys.import.note')}
      </Typography.Paragraph>
      {registry && (
        <Typography.Paragraph type="secondary" className={styles.note} copyable={{ text: registry.path }}>
          {t('keys.file', { path: registry.path })}
        </Typography.Paragraph>
      )}
      <Collapse
        ghost
        items={[{ key: 'enrol', label: t('keys.enrol.title'), children: <Enrol t={t} /> }]}
        data-testid="keys-enrol-section"
      />
    </Card>
  );
}

/** The township's side: this computer's key as a signed enrolment file, written where the user says. */
function Enrol(props: { t: Translate }) {
  const { t } = props;
  const congressName = useCongress((s) => s.file?.congress.name ?? '');
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const enrolled = useRegistry((s) => s.enrolled);
  const enrolError = useRegistry((s) => s.enrolError);
  const [township, setTownship] = useState(congressName);
  const [out, setOut] = useState(() => joinPath(defaultDirectory, `${t('keys.enrol.fileName')}.json`));
  const desktop = isDesktop();
  const saveEnrolment: PickRequest = {
    mode: 'save',
    title: t('keys.enrol.dialogTitle'),
    suggested: out.trim(),
    extensions: ['json'],
  };
  const write = async () => {
    let target = out.trim();
    if (desktop) {
      const chosen = await pickPath(saveEnrolment);
      if (!chosen.ok || !chosen.value) return;
      target = chosen.value;
      setOut(target);
    }
    await useRegistry.getState().enrol(township.trim(), target);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t('keys.enrol.help')}</Typography.Paragraph>
      {enrolError && <ErrorAlert error={enrolError} />}
      <PathAction
        path={out}
        onPath={setOut}
        pathLabel={t('keys.enrol.out')}
        pathTestId="keys-enrol-out"
        browse={saveEnrolment}
        icon={<KeyOutlined />}
        label={t(desktop ? 'keys.enrol.dialog' : 'keys.enrol.button')}
        disabled={!township.trim()}
        testId="keys-enrol"
        onClick={() => void write()}
        className={styles.add}
        done={
          enrolled && {
            testId: 'keys-enrolled',
            title: t('keys.enrol.done', { path: enrolled.path, fingerprint: enrolled.fingerprint }),
          }
        }
      >
        <Input
          value={township}
          onChange={(e) => setTownship(e.target.value)}
          placeholder={t('keys.township.placeholder')}
          aria-label={t('keys.enrol.township')}
          className={styles.township}
          data-testid="keys-enrol-township"
        />
      </PathAction>
    </>
  );
}
