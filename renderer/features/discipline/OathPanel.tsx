import { FlagOutlined, PrinterOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Descriptions, Input, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Translate } from '../../app/language.js';
import { CategoryTag } from '../../components/Tags.js';
import { formatTime } from '../../lib/paths.js';
import { testId } from '../../lib/testid.js';
import styles from './OathPanel.module.css';
import type { DelegateBrief, DisciplineText, Oath } from './store.js';

type Participant = Oath['participants'][number];

/** The tag's colour while the oath runs and once it is ended. */
const STATE_COLOR = { running: 'processing', ended: 'default' } as const;

export interface OathPanelProps {
  oath: Oath | null;
  loaded: boolean;
  /** The oath text in force: what will be read (and recorded) when the oath begins. */
  oathText: DisciplineText | null;
  /** Delegates checked in now (they become the participants at the key press). */
  presentCount: number;
  /** Checked-in delegates not among the participants: the latecomers to choose from. */
  latecomers: DelegateBrief[];
  leader: string;
  onLeaderChange(leader: string): void;
  /** The key that starts the oath, as shown on the button (e.g. F9). */
  hotkey: string;
  starting: boolean;
  finishing: boolean;
  onStart(): void;
  onFinish(): void;
  onAddLatecomer(delegateId: number): Promise<boolean>;
  onPrint(): void;
  /** This station's role may start and finish the oath / add latecomers (all, without operators). */
  canRun?: boolean;
  canAddLatecomer?: boolean;
  t: Translate;
}

/**
 * 集中宣誓 of the current meeting: before, the leader's name and one big button (one key);
 * after, when and who led it, the participants (a snapshot of those checked in, then the
 * latecomers with their own time), the end, and the record to print.
 */
export function OathPanel(props: OathPanelProps) {
  const { oath, t } = props;
  if (!props.loaded) return <Spin />;
  return (
    <div data-testid="oath-panel" data-state={oath ? (oath.endedAt ? 'ended' : 'started') : 'none'}>
      {oath ? <OathRecorded {...props} oath={oath} /> : <OathStart {...props} />}
      {!oath && (
        <Typography.Paragraph type="secondary" className={styles.help}>
          {t('oath.help')}
        </Typography.Paragraph>
      )}
      {!oath && props.oathText && (
        <Card
          size="small"
          className={styles.textCard}
          title={`${t('oath.text')} · ${t('discipline.text.version', { version: props.oathText.version })}`}
        >
          <div className={styles.text} data-testid="oath-text">
            {props.oathText.body}
          </div>
        </Card>
      )}
    </div>
  );
}

function LeaderInput(props: OathPanelProps) {
  const { t } = props;
  return (
    <Space.Compact className={styles.leader}>
      <Space.Addon>{t('oath.leader')}</Space.Addon>
      <Input
        value={props.leader}
        maxLength={64}
        placeholder={t('oath.leader.placeholder')}
        onChange={(e) => props.onLeaderChange(e.target.value)}
        data-testid="oath-leader"
      />
    </Space.Compact>
  );
}

function OathStart(props: OathPanelProps) {
  const { t } = props;
  return (
    <Card>
      <div className={styles.start}>
        <LeaderInput {...props} />
        <Typography.Text className={styles.present} data-testid="oath-present-now">
          {t('oath.presentNow', { n: props.presentCount })}
        </Typography.Text>
        {props.canRun !== false && (
          <Button
            type="primary"
            size="large"
            className={styles.startButton}
            icon={<FlagOutlined />}
            loading={props.starting}
            disabled={props.presentCount === 0}
            onClick={props.onStart}
            data-testid="oath-start"
          >
            <span>{t('oath.start')}</span>
            <kbd className={styles.key}>{props.hotkey}</kbd>
          </Button>
        )}
        {props.presentCount === 0 && <Alert type="info" showIcon title={t('oath.noneCheckedIn')} />}
      </div>
    </Card>
  );
}

function OathRecorded(props: OathPanelProps & { oath: Oath }) {
  const { oath, t } = props;
  const late = oath.participants.filter((p) => p.late).length;
  const state = oath.endedAt ? 'ended' : 'running';
  return (
    <>
      <Card
        title={
          <Space>
            <span>{t('oath.recorded')}</span>
            <Tag color={STATE_COLOR[state]} data-testid="oath-state-tag">
              {t(`oath.state.${state}`)}
            </Tag>
          </Space>
        }
        extra={
          <Button icon={<PrinterOutlined />} onClick={props.onPrint} data-testid="oath-print">
            {t('oath.print')}
          </Button>
        }
      >
        <div className={styles.figures}>
          <div className={styles.figure}>
            <div className={styles.figureLabel}>{t('oath.participants')}</div>
            <div className={styles.figureValue} data-testid="oath-participant-count">
              {oath.participants.length}
            </div>
            {late > 0 && (
              <div className={styles.figureNote} data-testid="oath-late-count">
                {t('oath.lateCount', { n: late })}
              </div>
            )}
          </div>
          <Descriptions column={1} size="small" className={styles.facts}>
            <Descriptions.Item label={t('oath.startedAt')}>
              <span data-testid="oath-started-at">{formatTime(oath.startedAt)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('oath.endedAt')}>
              <span data-testid="oath-ended-at">{oath.endedAt ? formatTime(oath.endedAt) : t('oath.notEnded')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('oath.leader')}>
              {oath.endedAt ? (
                <span data-testid="oath-leader-recorded">{oath.leader ?? t('oath.leader.none')}</span>
              ) : (
                <LeaderInput {...props} />
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('oath.text')}>
              {t('discipline.text.version', { version: oath.text.version })}
            </Descriptions.Item>
          </Descriptions>
          {!oath.endedAt && props.canRun !== false && (
            <Button
              size="large"
              danger
              type="primary"
              icon={<StopOutlined />}
              loading={props.finishing}
              onClick={props.onFinish}
              data-testid="oath-finish"
              className={styles.finishButton}
            >
              {t('oath.finish')}
            </Button>
          )}
        </div>
        {props.canAddLatecomer !== false && <LatecomerPicker {...props} />}
      </Card>
      <ParticipantTable participants={oath.participants} t={t} />
    </>
  );
}

function LatecomerPicker(props: OathPanelProps) {
  const { t } = props;
  const [chosen, setChosen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  return (
    <div className={styles.latecomer}>
      <Typography.Text type="secondary">{t('oath.latecomer.label')}</Typography.Text>
      <Select<number>
        showSearch={{ optionFilterProp: 'label' }}
        className={styles.latecomerSelect}
        value={chosen ?? undefined}
        placeholder={
          props.latecomers.length > 0
            ? t('oath.latecomer.placeholder', { n: props.latecomers.length })
            : t('oath.latecomer.none')
        }
        disabled={props.latecomers.length === 0}
        options={props.latecomers.map((d) => ({
          value: d.id,
          label: `${d.badge} ${d.name}${d.delegation ? ` · ${d.delegation}` : ''}`,
        }))}
        onChange={(v) => setChosen(v)}
        data-testid="oath-latecomer-select"
        popupMatchSelectWidth={false}
      />
      <Button
        icon={<UserAddOutlined />}
        disabled={chosen === null}
        loading={adding}
        data-testid="oath-latecomer-add"
        onClick={async () => {
          if (chosen === null) return;
          setAdding(true);
          const ok = await props.onAddLatecomer(chosen);
          setAdding(false);
          if (ok) setChosen(null);
        }}
      >
        {t('oath.latecomer.add')}
      </Button>
    </div>
  );
}

function ParticipantTable(props: { participants: Participant[]; t: Translate }) {
  const { t } = props;
  const columns: TableColumnsType<Participant> = [
    { title: t('discipline.col.no'), key: 'n', width: 56, render: (_, __, i) => i + 1 },
    { title: t('field.badge'), key: 'badge', width: 100, render: (_, p) => p.delegate.badge },
    { title: t('field.name'), key: 'name', width: 120, render: (_, p) => <strong>{p.delegate.name}</strong> },
    { title: t('field.delegation'), key: 'delegation', ellipsis: true, render: (_, p) => p.delegate.delegation ?? '' },
    {
      title: t('field.category'),
      key: 'category',
      width: 100,
      render: (_, p) => <CategoryTag category={p.delegate.category} t={t} />,
    },
    {
      title: t('oath.joinedAt'),
      key: 'joinedAt',
      width: 200,
      render: (_, p) => (
        <Space size={6}>
          <span>{formatTime(p.joinedAt).slice(11)}</span>
          {p.late && <Tag color="orange">{t('oath.late')}</Tag>}
        </Space>
      ),
    },
  ];
  return (
    <Card
      className={styles.participantsCard}
      title={t('oath.participants.list', { n: props.participants.length })}
      size="small"
    >
      <Table<Participant>
        size="small"
        rowKey={(p) => p.delegate.id}
        virtual
        scroll={{ y: 420 }}
        pagination={false}
        columns={columns}
        dataSource={props.participants}
        data-testid="oath-participants"
        onRow={(p) => testId('oath-participant', { 'data-badge': p.delegate.badge, 'data-late': String(p.late) })}
      />
    </Card>
  );
}
