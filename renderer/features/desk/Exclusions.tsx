import { App, Button, Form, Radio, Select, type TableColumnsType, Typography } from 'antd';
import { memo, useState } from 'react';
import { type Delegate, type DueExclusion, EXCLUSION_KINDS, type ExclusionKind } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { NoteField } from '../../components/NoteField.js';
import { noteOrNull, RequiredFirstField, SubmitModal } from '../../components/SubmitModal.js';
import { errorTextNow } from '../../lib/errors.js';
import styles from './DeskLists.module.css';

interface ExcludedRow {
  exclusion: DueExclusion;
  delegate: Delegate | undefined;
}

/**
 * Rule 16: those excluded from 应到 with the approved reason (rights suspended, death, transfer),
 * shown apart from the absent; the secretariat records and revokes them here.
 */
export const ExcludedList = memo(function ExcludedList(props: {
  exclusions: Map<number, DueExclusion>;
  /** Voters of the meeting who may still be excluded (not checked in, not excluded). */
  candidates: Delegate[];
  byId: Map<number, Delegate>;
  t: Translate;
  height: number;
  canExclude: boolean;
  onExclude(delegateId: number, kind: ExclusionKind, note: string | null): Promise<string | null>;
  onRevoke(exclusionId: number): Promise<string | null>;
}) {
  const { t } = props;
  const { modal, message } = App.useApp();
  const [open, setOpen] = useState(false);
  const rows: ExcludedRow[] = [...props.exclusions.values()].map((x) => ({
    exclusion: x,
    delegate: props.byId.get(x.delegateId),
  }));
  const columns: TableColumnsType<ExcludedRow> = [
    { title: t('field.badge'), key: 'badge', width: 80, render: (_, r) => r.delegate?.badge },
    { title: t('field.name'), key: 'name', width: 100, render: (_, r) => r.delegate?.name },
    {
      title: t('desk.exclude.kind'),
      key: 'kind',
      width: 120,
      render: (_, r) => <span data-testid="excluded-kind">{t(`exclusion.kind.${r.exclusion.kind}`)}</span>,
    },
    { title: t('desk.exclude.note'), key: 'note', ellipsis: true, render: (_, r) => r.exclusion.note },
    ...(props.canExclude
      ? [
          {
            title: '',
            key: 'revoke',
            width: 70,
            render: (_: unknown, r: ExcludedRow) => (
              <Button
                size="small"
                type="text"
                data-testid="exclusion-revoke"
                onClick={() =>
                  modal.confirm({
                    title: t('desk.exclude.revoke.confirm', { name: r.delegate?.name ?? '' }),
                    okText: t('common.ok'),
                    cancelText: t('common.cancel'),
                    onOk: async () => {
                      const error = await props.onRevoke(r.exclusion.id);
                      if (error) void message.error(error);
                    },
                  })
                }
              >
                {t('desk.exclude.revoke')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div data-testid="excluded-list">
      <div>
        <Typography.Text type="secondary" className={styles.listHint}>
          {t('desk.excluded.hint')}
        </Typography.Text>
        {props.canExclude && (
          <Button size="small" data-testid="exclusion-add" onClick={() => setOpen(true)}>
            {t('desk.action.exclude')}
          </Button>
        )}
      </div>
      <DataTable<ExcludedRow>
        testId="excluded-table"
        rowKey={(r) => r.exclusion.id}
        height={props.height}
        columns={columns}
        dataSource={rows}
        emptyText={t('desk.excluded.empty')}
        row={(r) => ({ testId: 'excluded-row', data: { badge: r.delegate?.badge ?? '' } })}
      />
      <ExclusionModal
        open={open}
        candidates={props.candidates}
        t={t}
        onClose={() => setOpen(false)}
        onSubmit={props.onExclude}
      />
    </div>
  );
});

/** A small modal: who, why (the kind) and a note (the decision). */
function ExclusionModal(props: {
  open: boolean;
  candidates: Delegate[];
  t: Translate;
  onClose(): void;
  onSubmit(delegateId: number, kind: ExclusionKind, note: string | null): Promise<string | null>;
}) {
  const { t } = props;
  return (
    <SubmitModal<{ delegateId: number; kind: ExclusionKind; note: string }>
      open={props.open}
      title={t('desk.action.exclude')}
      okText={t('desk.exclude.submit')}
      okTestId="exclusion-submit"
      t={t}
      initialValues={{ kind: 'suspended', note: '' }}
      onSubmit={(v) => props.onSubmit(v.delegateId, v.kind, noteOrNull(v.note))}
      onClose={props.onClose}
    >
      {(serverError) => (
        <>
          <RequiredFirstField name="delegateId" label={t('field.name')} serverError={serverError} t={t}>
            <Select
              showSearch
              autoFocus
              data-testid="exclusion-delegate"
              optionFilterProp="label"
              options={props.candidates.map((d) => ({ value: d.id, label: `${d.badge} ${d.name}` }))}
            />
          </RequiredFirstField>
          <Form.Item name="kind" label={t('desk.exclude.kind')} rules={[{ required: true }]}>
            <Radio.Group data-testid="exclusion-kind">
              {EXCLUSION_KINDS.map((k) => (
                <Radio key={k} value={k} data-testid={`exclusion-kind-${k}`}>
                  {t(`exclusion.kind.${k}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <NoteField
            label={t('desk.exclude.note')}
            placeholder={t('desk.exclude.note.placeholder')}
            max={200}
            testId="exclusion-note"
          />
        </>
      )}
    </SubmitModal>
  );
}

/** The error text of a failed call, or null: what the list's callbacks return. */
export const errorOrNull = (r: { ok: true } | { ok: false; error: Parameters<typeof errorTextNow>[0] }) =>
  r.ok ? null : errorTextNow(r.error);
