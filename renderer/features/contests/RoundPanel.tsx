import { EditOutlined, FundProjectionScreenOutlined, PrinterOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from '../../components/ReasonModal.js';
import { formatTime } from '../../lib/paths.js';
import { openPrintWindow } from '../../lib/print.js';
import { openTallyWindow } from '../count/board.js';
import { useCan } from '../operators/station-store.js';
import styles from './RoundPanel.module.css';
import { type Contest, type Round, writeContest } from './store.js';

/**
 * One round's papers: distribution (printed, issued, spare voided) needing the quorum,
 * then collection; collected > issued voids the round and the backend opens a rerun.
 */
export function RoundPanel(props: { contest: Contest; round: Round; summary: AttendanceSummary | null; t: Translate }) {
  const { round, summary, t } = props;
  const [error, setError] = useState<AppError | null>(null);
  const [rerun, setRerun] = useState<{ collected: number; issued: number; number: number } | null>(null);
  const navigate = useRoute((s) => s.navigate);
  // Papers are issued and collected under the scrutineers' eyes: other roles see the figures.
  const canDistribute = useCan('rounds.distribute');
  const canCollect = useCan('rounds.collect');
  const canDeclareVoid = useCan('rounds.declareVoid');
  const [voidOpen, setVoidOpen] = useState(false);

  const present = round.votersPresent ?? summary?.present ?? null;
  return (
    <div className={styles.panel} data-testid="round-panel" data-round={round.id}>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="round-error" />}
      {rerun && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="round-rerun"
          title={t('round.void.title')}
          description={t('round.void.detail', rerun)}
        />
      )}
      {round.voidDeclaration && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="round-declared-void"
          title={t('round.declared', { reason: round.voidDeclaration.reason })}
          description={t('round.declared.by', {
            by: round.voidDeclaration.by,
            at: formatTime(round.voidDeclaration.at),
          })}
        />
      )}
      {/* Issue 13: the papers themselves, printed from the layout the scan reader uses. */}
      {(round.status === 'setup' || round.status === 'voting') && (
        <Space>
          <Button
            icon={<PrinterOutlined />}
            data-testid="round-print-papers"
            onClick={() => openPrintWindow('print/ballot-papers', { round: String(round.id) })}
          >
            {t('papers.print')}
          </Button>
          {props.contest.paperGroup && (
            <Button
              icon={<PrinterOutlined />}
              data-testid="round-print-group"
              onClick={() =>
                openPrintWindow('print/ballot-papers', {
                  group: props.contest.paperGroup ?? '',
                  meeting: String(props.contest.meetingId),
                })
              }
            >
              {t('papers.printGroup', { group: props.contest.paperGroup })}
            </Button>
          )}
        </Space>
      )}
      {round.status === 'setup' ? (
        canDistribute ? (
          <DistributeForm round={round} present={present} summary={summary} t={t} onError={setError} />
        ) : (
          <Typography.Text type="secondary" data-testid="round-not-distributed">
            {t('round.notDistributed')}
          </Typography.Text>
        )
      ) : (
        <Descriptions size="small" column={5} bordered data-testid="round-figures">
          <Descriptions.Item label={t('round.votersPresent')}>{round.votersPresent ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('round.printed')}>{round.ballotsPrinted ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('round.issued')}>{round.issued ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('round.spareVoided')}>{round.spareVoided ?? '–'}</Descriptions.Item>
          <Descriptions.Item label={t('round.collected')}>
            <span data-testid="round-collected">{round.collected ?? '–'}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      {round.status === 'voting' && round.collected === null && canCollect && (
        <CollectForm
          round={round}
          t={t}
          onError={setError}
          onRerun={(collected, next) =>
            setRerun({ collected, issued: round.issued ?? 0, number: next?.number ?? round.number + 1 })
          }
        />
      )}
      {(round.status === 'voting' || round.status === 'closed') && (
        <Space>
          {round.status === 'voting' && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              disabled={round.collected === null}
              data-testid="round-enter-ballots"
              onClick={() => navigate('count', { round: String(round.id) })}
            >
              {t('round.enterBallots')}
            </Button>
          )}
          <Button
            icon={<FundProjectionScreenOutlined />}
            data-testid="round-open-tally"
            onClick={() => openTallyWindow(round.contestId)}
          >
            {t('round.openTally')}
          </Button>
          {round.status === 'voting' && round.collected === null && (
            <Typography.Text type="secondary">{t('round.collectFirst')}</Typography.Text>
          )}
          {round.status === 'voting' && canDeclareVoid && (
            <Button danger icon={<StopOutlined />} data-testid="round-declare-void" onClick={() => setVoidOpen(true)}>
              {t('round.declareVoid')}
            </Button>
          )}
        </Space>
      )}
      {/* Rule 16: the presidium declares a round void with its reason; a rerun follows. The chief
          scrutineer's PIN is asked by the call itself (core/roles.ts: CHIEF). */}
      <ReasonModal
        open={voidOpen}
        title={t('round.declareVoid.title')}
        help={t('round.declareVoid.help', { title: props.contest.title, n: round.number })}
        label={t('round.declareVoid.reason')}
        okText={t('round.declareVoid.ok')}
        required
        danger
        testIdPrefix="declare-void"
        t={t}
        onSubmit={async (reason) => {
          const r = await writeContest(round.contestId, 'rounds.declareVoid', {
            roundId: round.id,
            reason: reason ?? '',
          });
          return r.ok ? null : r.error;
        }}
        onClose={() => setVoidOpen(false)}
      />
    </div>
  );
}

function DistributeForm(props: {
  round: Round;
  present: number | null;
  summary: AttendanceSummary | null;
  t: Translate;
  onError(e: AppError | null): void;
}) {
  const { round, present, summary, t } = props;
  const [form] = Form.useForm<{ printed: number; issued: number; spare: number }>();
  const [busy, setBusy] = useState(false);
  const printed = Form.useWatch('printed', form);
  const issued = Form.useWatch('issued', form);

  // Issued starts at voters present (rule 2); what is printed and not issued is voided.
  useEffect(() => {
    if (present !== null && form.getFieldValue('issued') === undefined)
      form.setFieldsValue({ issued: present, printed: present, spare: 0 });
  }, [present, form]);

  const mismatch = present !== null && typeof issued === 'number' && issued !== present;
  const spareExpected = typeof printed === 'number' && typeof issued === 'number' ? printed - issued : null;

  return (
    <Form
      form={form}
      layout="inline"
      className={styles.distribute}
      data-testid="distribute-form"
      onFinish={async (v) => {
        setBusy(true);
        props.onError(null);
        const r = await writeContest(round.contestId, 'rounds.distribute', {
          roundId: round.id,
          ballotsPrinted: v.printed,
          issued: v.issued,
          spareVoided: v.spare,
        });
        setBusy(false);
        if (!r.ok) props.onError(r.error);
      }}
    >
      <div className={styles.present} data-testid="distribute-present">
        {present === null
          ? t('round.votersPresent.unknown')
          : t('round.votersPresent.value', { n: present, due: summary?.due ?? '–' })}
        {summary && !summary.quorum.met && (
          <Typography.Text type="danger" className={styles.quorum} data-testid="distribute-no-quorum">
            {t('round.noQuorum', { needed: summary.quorum.needed })}
          </Typography.Text>
        )}
      </div>
      <Form.Item name="printed" label={t('round.printed')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0} precision={0} data-testid="distribute-printed" />
      </Form.Item>
      <Form.Item name="issued" label={t('round.issued')} rules={[{ required: true, message: t('common.required') }]}>
        <InputNumber min={0} precision={0} data-testid="distribute-issued" status={mismatch ? 'warning' : undefined} />
      </Form.Item>
      <Form.Item
        name="spare"
        label={t('round.spareVoided')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0} precision={0} data-testid="distribute-spare" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="distribute-submit">
        {t('round.distribute')}
      </Button>
      {mismatch && (
        <Alert
          type="warning"
          showIcon
          className={styles.warning}
          data-testid="distribute-mismatch"
          title={t('round.issued.mismatch', { issued, present })}
        />
      )}
      {spareExpected !== null && spareExpected >= 0 && form.getFieldValue('spare') !== spareExpected && (
        <Typography.Text type="secondary" className={styles.warning}>
          {t('round.spare.hint', { n: spareExpected })}
        </Typography.Text>
      )}
    </Form>
  );
}

function CollectForm(props: {
  round: Round;
  t: Translate;
  onError(e: AppError | null): void;
  onRerun(collected: number, next: Round | null): void;
}) {
  const { round, t } = props;
  const [value, setValue] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const over = value !== null && round.issued !== null && value > round.issued;
  return (
    <div data-testid="collect-form">
      <Space wrap>
        <Typography.Text>{t('round.collected')}</Typography.Text>
        <InputNumber
          min={0}
          precision={0}
          value={value}
          onChange={(v) => setValue(typeof v === 'number' ? v : null)}
          data-testid="collect-count"
          status={over ? 'error' : undefined}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={value === null}
          data-testid="collect-submit"
          onClick={async () => {
            if (value === null) return;
            setBusy(true);
            props.onError(null);
            const r = await writeContest(round.contestId, 'rounds.collect', { roundId: round.id, collected: value });
            setBusy(false);
            if (!r.ok) props.onError(r.error);
            else if (r.value.rerun || r.value.round.status === 'void') props.onRerun(value, r.value.rerun);
          }}
        >
          {t('round.collect')}
        </Button>
        <Typography.Text type="secondary">{t('round.issued.value', { n: round.issued ?? '–' })}</Typography.Text>
      </Space>
      {over && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="collect-over"
          title={t('round.collect.over', { collected: value, issued: round.issued ?? 0 })}
        />
      )}
    </div>
  );
}
