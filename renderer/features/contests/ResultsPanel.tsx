import { CheckCircleFilled, LockOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { nameColumn, numberColumn } from '../../components/count-columns.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { noteOrNull, SubmitModal } from '../../components/SubmitModal.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { formatTime } from '../../lib/paths.js';
import { openPrintWindow } from '../../lib/print.js';
import { testId } from '../../lib/testid.js';
import { blockedFromError, type CloseBlocked, CloseBlockedAlert, checkRoundCanClose } from '../count/CloseBlocked.js';
import { useCan } from '../operators/station-store.js';
import { structureItems, unknownText } from '../results/structure.js';
import { NameByHand } from './NameByHand.js';
import { DelegatePicker } from './OfficialsCard.js';
import styles from './ResultsPanel.module.css';
import { type ResultLine, resultLines } from './result-lines.js';
import type { Candidate, CandidateInput, Contest, Round, RoundResult } from './store.js';
import { paperOrder, writeContest } from './store.js';

type Row = ResultLine;

/**
 * A round's result as `core` decides it: per candidate and write-in 赞成/不赞成/弃权, the
 * threshold, who is elected, a tie or unfilled seats and what may follow, the structure of
 * those elected. Final only when the chief scrutineer closes the round.
 */
export function ResultsPanel(props: {
  contest: Contest;
  round: Round;
  result: RoundResult;
  candidates: Candidate[];
  isLatest: boolean;
  t: Translate;
}) {
  const { contest, round, result, candidates, t } = props;
  const { modal, message } = App.useApp();
  const [error, setError] = useState<AppError | null>(null);
  // What keeps the round from closing, said before the chief scrutineer is asked for the PIN.
  const [blocked, setBlocked] = useState<CloseBlocked | null>(null);
  // Rule 7: the presidium decides, the secretariat records it.
  const canDecideSeats = useCan('rounds.openAdditional');
  const [additionalOpen, setAdditionalOpen] = useState(false);
  const [reduceOpen, setReduceOpen] = useState(false);
  const { tally, decision } = result;
  const order = paperOrder(round, candidates);

  const rows = resultLines(result, candidates);

  const closed = round.status === 'closed';
  const columns: TableColumnsType<Row> = [
    nameColumn<Row>(t('field.name'), (r) => (r.writeIn ? t('results.writeIn') : null)),
    numberColumn<Row>(t('results.for'), 'for', 90),
    numberColumn<Row>(t('results.against'), 'against', 90),
    numberColumn<Row>(t('results.abstain'), 'abstain', 90),
    {
      title: '',
      key: 'elected',
      width: 120,
      render: (_, r) =>
        r.elected ? (
          <Tag icon={<CheckCircleFilled />} color={closed ? 'success' : 'processing'} data-testid="result-elected">
            {t(closed ? 'results.elected' : 'results.electedProvisional')}
          </Tag>
        ) : r.passed ? (
          <Tag color="warning">{t('results.passed')}</Tag>
        ) : null,
    },
  ];

  // Until every ballot is in, a tie or a shortfall is only where the count stands now.
  const complete = !result.provisional.includes('ballots_missing');
  const tiedNames = decision.tie?.tied.map((x) => x.name).join('、') ?? '';
  // Rule 7: the 另行选举 is among the candidates not elected (candidates' lines come first).
  const notElected = order.filter((_, index) => !rows[index]?.elected);

  return (
    <div className={styles.panel} data-testid="results-panel" data-closed={closed}>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Descriptions size="small" column={4} className={styles.figures}>
        <Descriptions.Item label={t('results.issued')}>{round.issued ?? '–'}</Descriptions.Item>
        <Descriptions.Item label={t('results.collected')}>{round.collected ?? '–'}</Descriptions.Item>
        <Descriptions.Item label={t('results.valid')}>
          <span data-testid="results-valid">{tally.valid}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('results.invalid')}>
          <span data-testid="results-invalid">{tally.invalid}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('results.threshold')} span={4}>
          <span data-testid="results-threshold">
            {t(decision.basisKind === 'due' ? 'results.threshold.due' : 'results.threshold.present', {
              threshold: decision.threshold,
              basis: decision.basis,
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {result.provisional.length > 0 && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          data-testid="results-provisional"
          title={t('results.provisional')}
          description={result.provisional.map((p) => t(`results.provisional.${p}` as MessageKey)).join(';')}
        />
      )}
      <DataTable<Row>
        rowKey="key"
        columns={columns}
        dataSource={rows}
        testId="results-table"
        row={(r) => ({
          testId: 'result-row',
          data: { name: r.name, elected: r.elected },
          className: r.elected ? styles.elected : undefined,
        })}
      />
      {complete && decision.tie && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="results-tie"
          title={t('results.tie', { names: tiedNames, seats: decision.tie.seats })}
        />
      )}
      {complete && decision.unfilled > 0 && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="results-unfilled"
          title={t('results.unfilled', { n: decision.unfilled })}
          action={
            closed && props.isLatest && contest.seatsReducedTo === null && canDecideSeats ? (
              <Space direction="vertical">
                <Button size="small" data-testid="results-additional" onClick={() => setAdditionalOpen(true)}>
                  {t('results.additional')}
                </Button>
                <Button size="small" data-testid="results-reduce" onClick={() => setReduceOpen(true)}>
                  {t('results.reduce')}
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      {contest.seatsReducedTo !== null && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          data-testid="results-reduced"
          title={t('results.reduced', { seats: contest.seatsReducedTo, note: contest.seatsReducedNote ?? '' })}
        />
      )}
      <Structure result={result} t={t} />
      {blocked && <CloseBlockedAlert blocked={blocked} t={t} onClose={() => setBlocked(null)} />}
      <div className={styles.close}>
        <Space wrap>
          {printForms(round, contest).map((form) => (
            <Button
              key={form.page}
              icon={<PrinterOutlined />}
              data-testid={form.testId}
              onClick={() => openPrintWindow(form.page, form.query)}
            >
              {t(form.title)}
            </Button>
          ))}
        </Space>
        {closed ? (
          <Typography.Text type="success" data-testid="round-closed">
            <LockOutlined /> {t('results.closedBy', { by: round.closedBy ?? '', at: formatTime(round.closedAt ?? '') })}
          </Typography.Text>
        ) : (
          round.status === 'voting' && (
            <Button
              danger
              icon={<LockOutlined />}
              data-testid="round-close"
              onClick={async () => {
                setError(null);
                const check = await checkRoundCanClose(round, contest.title);
                if (!check.ok) {
                  setError(check.error);
                  return;
                }
                setBlocked(check.blocked);
                if (check.blocked) return;
                modal.confirm({
                  title: t('results.close.title'),
                  content: t('results.close.confirm'),
                  okText: t('results.close.ok'),
                  cancelText: t('common.cancel'),
                  okButtonProps: testId('round-close-confirm'),
                  onOk: async () => {
                    const r = await writeContest(contest.id, 'rounds.close', { roundId: round.id });
                    if (!r.ok) {
                      const raced = blockedFromError(r.error, round.id);
                      if (raced) setBlocked(raced);
                      else setError(r.error);
                    } else if (r.value.next) void message.info(t('results.nextRound', { n: r.value.next.number }));
                  },
                });
              }}
            >
              {t('results.close')}
            </Button>
          )
        )}
      </div>
      <AdditionalModal
        open={additionalOpen}
        seats={decision.unfilled}
        contestId={contest.id}
        candidates={notElected}
        t={t}
        onClose={() => setAdditionalOpen(false)}
      />
      <ReduceModal
        open={reduceOpen}
        contestId={contest.id}
        seats={contest.seats - decision.unfilled}
        t={t}
        onClose={() => setReduceOpen(false)}
      />
    </div>
  );
}

/** Rule 11's forms a round's result prints: the count of this round, the election of its contest. */
const printForms = (round: Round, contest: Contest) =>
  [
    {
      page: 'print/count',
      title: 'countForm.title',
      testId: 'results-print-count',
      query: { round: String(round.id) },
    },
    {
      page: 'print/election',
      title: 'electionForm.title',
      testId: 'results-print-election',
      query: { contest: String(contest.id) },
    },
  ] as const;

function Structure(props: { result: RoundResult; t: Translate }) {
  const { structure: s } = props.result;
  const { t } = props;
  if (s.total === 0) return null;
  const unknown = unknownText(t, s);
  return (
    <div className={styles.structure} data-testid="results-structure">
      <Typography.Text strong>{t('results.structure', { n: s.total })}</Typography.Text>
      <ul>
        {structureItems(t, s).map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
      {unknown && <Typography.Text type="warning">{unknown}</Typography.Text>}
    </div>
  );
}

/**
 * Rule 7: 另行选举 among those not elected, and candidates added after further 酝酿 (from the
 * roster, or by name), with the presidium's note. The backend puts the whole paper in stroke order.
 */
function AdditionalModal(props: {
  open: boolean;
  seats: number;
  contestId: number;
  candidates: Candidate[];
  t: Translate;
  onClose(): void;
}) {
  const { t } = props;
  const [added, setAdded] = useState<CandidateInput[]>([]);
  const blank = { gender: null, birthDate: null, ethnicity: null, education: null, unit: null };
  return (
    <SubmitModal<{ candidateIds?: number[]; note?: string }>
      open={props.open}
      title={t('results.additional')}
      okText={t('results.additional.ok')}
      okTestId="additional-submit"
      t={t}
      onSubmit={async (v) => {
        const r = await writeContest(props.contestId, 'rounds.openAdditional', {
          contestId: props.contestId,
          seats: props.seats,
          candidateIds: v.candidateIds ?? [],
          newCandidates: added,
          note: noteOrNull(v.note),
        });
        if (!r.ok) return r.error;
        setAdded([]);
        return null;
      }}
      onClose={props.onClose}
    >
      {(serverError) => (
        <>
          <Typography.Paragraph>{t('results.additional.help', { n: props.seats })}</Typography.Paragraph>
          <Form.Item
            name="candidateIds"
            rules={[
              {
                validator: (_, ids: number[] | undefined) =>
                  (ids?.length ?? 0) + added.length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('contests.additional.none'))),
              },
            ]}
            className={styles.field}
            {...serverError}
          >
            <Checkbox.Group
              options={props.candidates.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="additional-candidates"
            />
          </Form.Item>
          <Typography.Paragraph strong>{t('results.additional.new')}</Typography.Paragraph>
          <Space wrap>
            <DelegatePicker
              placeholder={t('results.additional.pick')}
              exclude={new Set(added.map((a) => a.delegateId).filter((id): id is number => id !== null))}
              onPick={(d) => setAdded([...added, { delegateId: d.id, name: d.name, ...blank }])}
              testId="additional-search"
            />
            <NameByHand
              placeholder={t('results.additional.typed')}
              addText={t('results.additional.add')}
              width={140}
              testIds={['additional-typed', 'additional-typed-add']}
              onAdd={(name) => {
                setAdded([...added, { delegateId: null, name, ...blank }]);
                return true;
              }}
            />
          </Space>
          <div data-testid="additional-added">
            {added.map((a, i) => (
              <Tag key={`${a.delegateId ?? a.name}`} closable onClose={() => setAdded(added.filter((_, j) => j !== i))}>
                {a.name}
              </Tag>
            ))}
          </div>
          {added.length > 0 && (
            <Form.Item name="note" className={styles.field}>
              <Input.TextArea rows={2} placeholder={t('results.additional.note')} data-testid="additional-note" />
            </Form.Item>
          )}
          <Typography.Text type="secondary">{t('results.additional.order')}</Typography.Text>
        </>
      )}
    </SubmitModal>
  );
}

function ReduceModal(props: { open: boolean; contestId: number; seats: number; t: Translate; onClose(): void }) {
  const { t } = props;
  const required = { required: true, message: t('common.required') };
  return (
    <SubmitModal<{ seats: number; note: string }>
      open={props.open}
      title={t('results.reduce')}
      okText={t('common.save')}
      okTestId="reduce-submit"
      t={t}
      initialValues={{ seats: props.seats }}
      onSubmit={async (v) => {
        const r = await writeContest(props.contestId, 'contests.reduceSeats', {
          contestId: props.contestId,
          seats: v.seats,
          note: v.note.trim(),
        });
        return r.ok ? null : r.error;
      }}
      onClose={props.onClose}
    >
      {(serverError) => (
        <>
          <Typography.Paragraph type="secondary">{t('results.reduce.help')}</Typography.Paragraph>
          <Form.Item name="seats" label={t('results.reduce.seats')} rules={[required]} {...serverError}>
            <InputNumber min={0} precision={0} data-testid="reduce-seats" />
          </Form.Item>
          <Form.Item name="note" rules={[{ ...required, whitespace: true }]}>
            <Input.TextArea rows={3} placeholder={t('results.reduce.note')} data-testid="reduce-note" />
          </Form.Item>
        </>
      )}
    </SubmitModal>
  );
}
