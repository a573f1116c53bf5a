import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
  LockOutlined,
  OrderedListOutlined,
  UploadOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { suggestBallotOrder } from '../../../core/ballot-order.js';
import { candidateFromDelegate } from '../../../core/candidates.js';
import { type Delegate, GENDERS } from '../../../core/domain.js';
import type { AppError, Result } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { nameColumn } from '../../components/count-columns.js';
import { DataTable } from '../../components/DataTable.js';
import { delegateColumns } from '../../components/delegate-columns.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FilePickButton } from '../../components/FilePickButton.js';
import { SubmitModal } from '../../components/SubmitModal.js';
import { moveItem } from '../../lib/move.js';
import { MAX_ROSTER_BYTES, readAsBase64 } from '../../lib/readFile.js';
import { useCan } from '../operators/station-store.js';
import styles from './CandidatesCard.module.css';
import { DelegatePicker } from './OfficialsCard.js';
import pickerStyles from './OfficialsCard.module.css';
import type { Candidate, CandidateInput, Contest } from './store.js';
import { writeContest } from './store.js';

/**
 * Candidates of a contest: from the roster, by hand, or from a spreadsheet; the suggested
 * ballot order (rule 9) and the approved one, locked once ballots are issued.
 */
export function CandidatesCard(props: { contest: Contest; candidates: Candidate[]; t: Translate }) {
  const { contest, candidates, t } = props;
  const { message, modal } = App.useApp();
  const [error, setError] = useState<AppError | null>(null);
  const [handOpen, setHandOpen] = useState(false);
  const [orderOpen, setOrderOpen] = useState(false);

  const setup = contest.status === 'setup';
  // Candidates and their order are the secretariat's: other roles see them.
  const canEdit = useCan('candidates.add');
  const editable = setup && canEdit;
  const approved = candidates.length > 0 && candidates.every((c) => c.position !== null);
  const shown = useMemo(
    () =>
      approved ? [...candidates].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || a.id - b.id) : candidates,
    [candidates, approved],
  );
  const short = candidates.length < contest.requiredCandidates;
  const onList = new Set(candidates.map((c) => c.delegateId).filter((id): id is number => id !== null));

  const add = async (input: CandidateInput) => {
    setError(null);
    const r = await writeContest(contest.id, 'candidates.add', { ...input, contestId: contest.id });
    if (!r.ok) setError(r.error);
    return r;
  };

  const addDelegate = async (d: Delegate) => {
    const r = await add(candidateFromDelegate(d));
    if (r.ok) void message.success(t('candidates.added', { name: d.name }));
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_ROSTER_BYTES) {
      setError({ code: 'invalid_input', message: t('import.tooBig') });
      return;
    }
    const r = await writeContest(contest.id, 'candidates.import', {
      contestId: contest.id,
      fileName: file.name,
      contentBase64: await readAsBase64(file),
    });
    if (r.ok) void message.success(t('candidates.imported', { n: r.value.length }));
    else setError(r.error);
  };

  const columns: TableColumnsType<Candidate> = [
    {
      title: t('candidates.position'),
      key: 'position',
      width: 64,
      render: (_, c, i) => (approved ? c.position : <Typography.Text type="secondary">{i + 1}</Typography.Text>),
    },
    nameColumn<Candidate>(t('field.name'), (c) => (c.fromWriteIn ? t('candidates.fromWriteIn') : null), 120),
    ...delegateColumns<Candidate>(t, ['gender', 'birthDate', 'ethnicity', 'education', 'unit']),
    {
      title: '',
      key: 'remove',
      width: 60,
      render: (_, c) =>
        editable && (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('candidates.remove')}
            data-testid="candidate-remove"
            onClick={() =>
              modal.confirm({
                title: t('candidates.remove.confirm', { name: c.name }),
                okText: t('common.ok'),
                cancelText: t('common.cancel'),
                onOk: async () => {
                  const r = await writeContest(contest.id, 'candidates.remove', { candidateId: c.id });
                  if (!r.ok) setError(r.error);
                },
              })
            }
          />
        ),
    },
  ];

  return (
    <Card
      className="page-card"
      data-testid="candidates-card"
      title={
        <Space>
          {t('candidates.title')}
          <Typography.Text type={short ? 'danger' : 'secondary'} data-testid="candidates-count">
            {t('candidates.count', { n: candidates.length, required: contest.requiredCandidates })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          {approved && !setup && (
            <Tag icon={<LockOutlined />} color="gold" data-testid="order-locked">
              {t('candidates.order.locked')}
            </Tag>
          )}
          {approved && setup && (
            <Tag color="green" data-testid="order-approved">
              {t('candidates.order.approved')}
            </Tag>
          )}
          {editable && (
            <Button
              icon={<OrderedListOutlined />}
              disabled={candidates.length === 0}
              data-testid="order-suggest"
              onClick={() => setOrderOpen(true)}
            >
              {t('candidates.order.suggest')}
            </Button>
          )}
        </Space>
      }
    >
      {short && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="candidates-short"
          title={t('candidates.short', {
            n: candidates.length,
            required: contest.requiredCandidates,
            seats: contest.seats,
            margin: contest.marginPercent,
          })}
        />
      )}
      {editable && candidates.length > 0 && !approved && (
        <Alert type="info" showIcon className="page-alert" title={t('candidates.order.needed')} />
      )}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="candidates-error" />}
      {editable && (
        <div className={pickerStyles.tools}>
          <DelegatePicker
            placeholder={t('candidates.search.placeholder')}
            exclude={onList}
            onPick={(d) => void addDelegate(d)}
            testId="candidate-search"
            optionTestId="candidate-option"
          />
          <Button icon={<UserAddOutlined />} data-testid="candidate-add-hand" onClick={() => setHandOpen(true)}>
            {t('candidates.addByHand')}
          </Button>
          {/* The browser's own upload reads the file (issue 15 item 4): no path, in either transport. */}
          <FilePickButton
            accept=".xlsx,.csv"
            icon={<UploadOutlined />}
            onPick={(file) => void pick(file)}
            inputTestId="candidate-import-file"
            buttonTestId="candidate-import"
          >
            {t('candidates.import')}
          </FilePickButton>
          <Typography.Text type="secondary" className={styles.importHint}>
            {t('candidates.import.hint')}
          </Typography.Text>
        </div>
      )}
      <DataTable<Candidate>
        rowKey="id"
        columns={columns}
        dataSource={shown}
        emptyText={t('candidates.empty')}
        testId="candidates-table"
        row={() => ({ testId: 'candidate-row' })}
      />
      <HandModal open={handOpen} t={t} onAdd={add} onClose={() => setHandOpen(false)} />
      <OrderModal
        open={orderOpen}
        candidates={candidates}
        t={t}
        onApprove={async (ids) => {
          const r = await writeContest(contest.id, 'candidates.approveOrder', {
            contestId: contest.id,
            candidateIds: ids,
          });
          if (!r.ok) return r.error;
          void message.success(t('candidates.order.done'));
          return null;
        }}
        onClose={() => setOrderOpen(false)}
      />
    </Card>
  );
}

interface HandValues {
  name: string;
  gender?: 'male' | 'female';
  birthDate: string;
  ethnicity: string;
  education: string;
  unit: string;
}

const orNull = (s: string | undefined): string | null => (s?.trim() ? s.trim() : null);

function HandModal(props: {
  open: boolean;
  t: Translate;
  onAdd(input: CandidateInput): Promise<Result<unknown>>;
  onClose(): void;
}) {
  const { t } = props;
  return (
    <SubmitModal<HandValues>
      open={props.open}
      title={t('candidates.addByHand')}
      okText={t('common.save')}
      okTestId="candidate-hand-submit"
      t={t}
      onSubmit={async (v) => {
        const r = await props.onAdd({
          delegateId: null,
          name: v.name.trim(),
          gender: v.gender ?? null,
          birthDate: orNull(v.birthDate),
          ethnicity: orNull(v.ethnicity),
          education: orNull(v.education),
          unit: orNull(v.unit),
        });
        return r.ok ? null : r.error;
      }}
      onClose={props.onClose}
    >
      {(serverError) => (
        <div className="form-grid">
          <Form.Item
            name="name"
            label={t('field.name')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            {...serverError}
          >
            <Input data-testid="candidate-hand-name" />
          </Form.Item>
          <Form.Item name="gender" label={t('field.gender')}>
            <Select allowClear options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
          </Form.Item>
          <Form.Item name="birthDate" label={t('field.birthDate')} extra={t('roster.form.birthDate.help')}>
            <Input />
          </Form.Item>
          <Form.Item name="ethnicity" label={t('field.ethnicity')}>
            <Input />
          </Form.Item>
          <Form.Item name="education" label={t('field.education')}>
            <Input />
          </Form.Item>
          <Form.Item name="unit" label={t('field.unit')} className="form-grid-wide">
            <Input />
          </Form.Item>
        </div>
      )}
    </SubmitModal>
  );
}

/**
 * "建议排序(按姓氏笔画)": the suggested order (rule 9), which the presidium may change before it
 * approves — move a name up or down, or drag it — and the order approved is the order shown.
 */
function OrderModal(props: {
  open: boolean;
  candidates: Candidate[];
  t: Translate;
  onApprove(ids: number[]): Promise<AppError | null>;
  onClose(): void;
}) {
  const { t, candidates } = props;
  const suggested = useMemo(() => suggestBallotOrder(candidates), [candidates]);
  const [order, setOrder] = useState<Candidate[]>(suggested);
  const [dragging, setDragging] = useState<number | null>(null);
  // Each opening starts from the suggestion, as do changes to the list of candidates.
  useEffect(() => {
    if (props.open) setOrder(suggested);
  }, [props.open, suggested]);
  const changed = order.some((c, i) => c.id !== suggested[i]?.id);
  const move = (from: number, to: number) => setOrder((o) => moveItem(o, from, to));
  return (
    <SubmitModal<object>
      open={props.open}
      title={t('candidates.order.suggest')}
      okText={t('candidates.order.approve')}
      okTestId="order-approve"
      t={t}
      onSubmit={() => props.onApprove(order.map((c) => c.id))}
      onClose={props.onClose}
    >
      {() => (
        <>
          <Typography.Paragraph type="secondary">{t('candidates.order.help')}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('candidates.order.reorderHelp')}</Typography.Paragraph>
          {changed && (
            <Alert
              type="warning"
              showIcon
              className="page-alert"
              data-testid="order-changed"
              title={t('candidates.order.changed')}
              action={
                <Button size="small" data-testid="order-reset" onClick={() => setOrder(suggested)}>
                  {t('candidates.order.reset')}
                </Button>
              }
            />
          )}
          <ol className={styles.orderList} data-testid="order-suggested">
            {order.map((c, i) => (
              <li
                key={c.id}
                data-testid="order-item"
                data-name={c.name}
                draggable
                className={dragging === i ? styles.dragging : undefined}
                onDragStart={(e) => {
                  setDragging(i);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', String(i));
                }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const from = Number(e.dataTransfer.getData('text/plain'));
                  if (Number.isInteger(from)) move(from, i);
                  setDragging(null);
                }}
                onDragEnd={() => setDragging(null)}
              >
                <HolderOutlined className={styles.handle} />
                <span className={styles.position}>{i + 1}</span>
                <span className={styles.name}>{c.name}</span>
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  aria-label={t('candidates.order.up', { name: c.name })}
                  data-testid="order-up"
                  onClick={() => move(i, i - 1)}
                />
                <Button
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={i === order.length - 1}
                  aria-label={t('candidates.order.down', { name: c.name })}
                  data-testid="order-down"
                  onClick={() => move(i, i + 1)}
                />
              </li>
            ))}
          </ol>
        </>
      )}
    </SubmitModal>
  );
}
