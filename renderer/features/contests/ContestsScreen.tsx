import { ArrowLeftOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Space,
  Spin,
  type TableColumnsType,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { DataTable } from '../../components/DataTable.js';
import { EditLink } from '../../components/EditLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { SubmitModal } from '../../components/SubmitModal.js';
import { actionsColumn } from '../../components/table-columns.js';
import { useCan } from '../operators/station-store.js';
import { CandidatesCard } from './CandidatesCard.js';
import { ContestFormModal } from './ContestFormModal.js';
import { ContestStatusTag, RoundStatusTag, roundLabel } from './labels.js';
import { OfficialsCard } from './OfficialsCard.js';
import { useContestList, useContestView } from './queries.js';
import { ResultsPanel } from './ResultsPanel.js';
import { RoundPanel } from './RoundPanel.js';
import { type Contest, currentRound, type RoundResult, writeContest } from './store.js';

/** 选举: the contests of the current meeting; `?contest=ID` opens one. */
export function ContestsScreen() {
  const t = useT();
  const meeting = useCongress(currentMeeting);
  const contestParam = useRoute((s) => s.query.contest);
  const contestId = contestParam && /^\d+$/.test(contestParam) ? Number(contestParam) : null;

  if (!meeting)
    return (
      <div className="page" data-testid="contests-page">
        <Typography.Title level={3}>{t('contests.title')}</Typography.Title>
        <Typography.Paragraph>{t('contests.noMeeting')}</Typography.Paragraph>
      </div>
    );
  return contestId === null ? (
    <ContestList t={t} meetingId={meeting.id} meetingName={meeting.name} />
  ) : (
    <ContestDetailView t={t} contestId={contestId} />
  );
}

function ContestList(props: { t: Translate; meetingId: number; meetingName: string }) {
  const { t } = props;
  const { message } = App.useApp();
  const { contests, details, loaded, error } = useContestList(props.meetingId);
  const navigate = useRoute((s) => s.navigate);
  // The contest in the form: one of the list's, or a new one.
  const [editing, setEditing] = useState<Contest | 'new' | null>(null);
  const paperGroups = useMemo(
    () => [...new Set(contests.map((c) => c.paperGroup).filter((g): g is string => !!g))],
    [contests],
  );
  const counts = useMemo(() => {
    const byContest: Record<number, number> = {};
    for (const d of details) if (d) byContest[d.contest.id] = d.candidates.length;
    return byContest;
  }, [details]);
  const canCreate = useCan('contests.create');
  const canUpdate = useCan('contests.update');

  const columns: TableColumnsType<Contest> = [
    {
      title: t('contests.field.title'),
      dataIndex: 'title',
      render: (title: string, c) => (
        <Typography.Link data-testid="contest-open" onClick={() => navigate('contests', { contest: String(c.id) })}>
          <strong>{title}</strong>
        </Typography.Link>
      ),
    },
    {
      title: t('contests.field.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: string) => t(`contest.kind.${k}` as 'contest.kind.election'),
    },
    {
      title: t('contests.field.seats'),
      dataIndex: 'seats',
      width: 90,
      render: (s: number, c) => (c.seatsReducedTo !== null ? `${c.seatsReducedTo}(${s})` : s),
    },
    {
      title: t('contests.candidates'),
      key: 'candidates',
      width: 170,
      render: (_, c) => {
        const n = counts[c.id];
        const short = n !== undefined && n < c.requiredCandidates;
        return (
          <Space size={4} data-testid="contest-candidates">
            <span>{t('contests.candidates.value', { n: n ?? '…', required: c.requiredCandidates })}</span>
            {short && (
              <Tooltip
                title={t('contests.candidates.short', { required: c.requiredCandidates, margin: c.marginPercent })}
              >
                <Tag color="warning" icon={<WarningOutlined />} data-testid="contest-short">
                  {t('contests.candidates.shortTag')}
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('contests.field.status'),
      dataIndex: 'status',
      width: 100,
      render: (_, c) => <ContestStatusTag status={c.status} t={t} />,
    },
    {
      title: t('contests.field.paperGroup'),
      dataIndex: 'paperGroup',
      width: 140,
      render: (g: string | null) => g ?? '',
    },
    {
      title: t('contests.field.doubleEntry.short'),
      dataIndex: 'doubleEntry',
      width: 90,
      render: (d: boolean) => (d ? '✓' : ''),
    },
    // A contest is edited only while in setup (the backend refuses otherwise).
    ...actionsColumn<Contest>(
      80,
      canUpdate
        ? (c) => c.status === 'setup' && <EditLink testId="contest-edit" onClick={() => setEditing(c)} />
        : undefined,
    ),
  ];

  return (
    <div className="page" data-testid="contests-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('contests.title')}</Typography.Title>
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="contest-add" onClick={() => setEditing('new')}>
            {t('contests.add')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('contests.hint', { meeting: props.meetingName })}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <DataTable<Contest>
        rowKey="id"
        loading={!loaded}
        columns={columns}
        dataSource={contests}
        emptyText={t('contests.empty')}
        testId="contests-table"
        row={(c) => ({ testId: 'contest-row', data: { contest: c.id } })}
      />
      <ContestFormModal
        editing={editing}
        meetingId={props.meetingId}
        paperGroups={paperGroups}
        t={t}
        onClose={(saved) => {
          setEditing(null);
          if (saved) {
            void message.success(t('contests.saved', { title: saved.title }));
            if (editing === 'new') navigate('contests', { contest: String(saved.id) });
          }
        }}
      />
    </div>
  );
}

function ContestDetailView(props: { t: Translate; contestId: number }) {
  const { t } = props;
  const { detail, error, summary, results } = useContestView(props.contestId);
  const navigate = useRoute((s) => s.navigate);
  const rounds = useMemo(() => [...(detail?.rounds ?? [])].sort((a, b) => a.number - b.number), [detail]);
  const latest = currentRound(rounds);
  const [tab, setTab] = useState<string | undefined>(undefined);
  const activeTab = tab && rounds.some((r) => String(r.id) === tab) ? tab : latest ? String(latest.id) : undefined;
  // Stay on the round shown: a round that closes with a tie, or is voided, opens the next one,
  // and its notice (tie, rerun) must stay in view; the new round's tab appears beside it.
  useEffect(() => {
    if (activeTab !== tab) setTab(activeTab);
  }, [activeTab, tab]);

  if (error) return <ErrorAlert error={error} />;
  if (!detail) return <Spin />;
  const { contest, candidates } = detail;

  return (
    <div className="page" data-testid="contest-detail" data-contest={contest.id}>
      <div className="page-head">
        <Space>
          <Button icon={<ArrowLeftOutlined />} data-testid="contest-back" onClick={() => navigate('contests')}>
            {t('contests.back')}
          </Button>
          <Typography.Title level={3} data-testid="contest-title-display">
            {contest.title}
          </Typography.Title>
          <ContestStatusTag status={contest.status} t={t} />
        </Space>
        <Typography.Text type="secondary">
          {t('contests.summary', {
            kind: t(`contest.kind.${contest.kind}` as 'contest.kind.election'),
            seats: contest.seatsReducedTo ?? contest.seats,
            margin: contest.marginPercent,
            required: contest.requiredCandidates,
          })}
          {contest.paperGroup && ` · ${t('contests.paperGroup.value', { group: contest.paperGroup })}`}
          {contest.doubleEntry && ` · ${t('contests.field.doubleEntry.short')}`}
        </Typography.Text>
      </div>
      {contest.fromPrevoteId !== null && (
        <Typography.Paragraph type="secondary" data-testid="contest-from-prevote">
          {t('prevote.formal.from')}
        </Typography.Paragraph>
      )}
      <CandidatesCard contest={contest} candidates={candidates} t={t} />
      <OfficialsCard contest={contest} t={t} />
      {contest.kind === 'prevote' && contest.status === 'closed' && (
        <FormalFromPrevote contest={contest} results={results} t={t} />
      )}
      <Card title={t('round.title')} className="page-card" data-testid="rounds-card">
        {rounds.length === 0 ? (
          <Typography.Text type="secondary">{t('round.none')}</Typography.Text>
        ) : (
          <Tabs
            activeKey={activeTab}
            onChange={setTab}
            items={rounds.map((round) => {
              const result = results[round.id];
              return {
                key: String(round.id),
                label: (
                  <Space size={4} data-testid="round-tab">
                    {roundLabel(t, round)}
                    <RoundStatusTag status={round.status} t={t} />
                  </Space>
                ),
                children: (
                  <>
                    <RoundPanel contest={contest} round={round} summary={summary} t={t} />
                    {result && round.status !== 'setup' && round.status !== 'void' && (
                      <ResultsPanel
                        contest={contest}
                        round={round}
                        result={result}
                        candidates={candidates}
                        isLatest={round.id === latest?.id}
                        t={t}
                      />
                    )}
                  </>
                ),
              };
            })}
          />
        )}
      </Card>
    </div>
  );
}

/**
 * Rule 12: a closed 预选 makes the formal contest — its elected as candidates in stroke order, not
 * approved (the presidium approves the order as for any contest). Once made, the button gives way
 * to a link to it.
 */
function FormalFromPrevote(props: { contest: Contest; results: Record<number, RoundResult>; t: Translate }) {
  const { contest, results, t } = props;
  const { message } = App.useApp();
  const navigate = useRoute((s) => s.navigate);
  const { contests } = useContestList(contest.meetingId);
  const canCreate = useCan('contests.createFromPrevote');
  const formal = contests.find((c) => c.fromPrevoteId === contest.id);
  const [open, setOpen] = useState(false);
  const elected = Object.values(results)
    .filter((r) => r.round.contestId === contest.id && r.round.status === 'closed')
    .reduce((n, r) => n + r.decision.elected.length, 0);
  if (formal) {
    return (
      <Typography.Paragraph data-testid="prevote-formal">
        <Typography.Link onClick={() => navigate('contests', { contest: String(formal.id) })}>
          {t('prevote.formal.created', { title: formal.title })}
        </Typography.Link>
      </Typography.Paragraph>
    );
  }
  if (!canCreate) return null;
  return (
    <>
      <Button type="primary" className="page-card" data-testid="prevote-create-formal" onClick={() => setOpen(true)}>
        {t('prevote.createFormal')}
      </Button>
      <SubmitModal<{ title: string; seats: number; margin: number }>
        open={open}
        title={t('prevote.createFormal')}
        okText={t('common.save')}
        okTestId="prevote-submit"
        t={t}
        initialValues={{ margin: 20 }}
        onSubmit={async (v) => {
          const r = await writeContest(contest.id, 'contests.createFromPrevote', {
            prevoteContestId: contest.id,
            title: v.title.trim(),
            seats: v.seats,
            marginPercent: v.margin,
          });
          if (!r.ok) return r.error;
          void message.success(t('prevote.formal.created', { title: r.value.contest.title }));
          navigate('contests', { contest: String(r.value.contest.id) });
          return null;
        }}
        onClose={() => setOpen(false)}
      >
        {(serverError) => {
          const required = { required: true, message: t('common.required') };
          return (
            <>
              <Typography.Paragraph>{t('prevote.createFormal.help', { n: elected })}</Typography.Paragraph>
              <Form.Item name="title" rules={[{ ...required, whitespace: true }]} {...serverError}>
                <Input placeholder={t('prevote.formal.title')} data-testid="prevote-title" />
              </Form.Item>
              <div className="form-grid">
                <Form.Item name="seats" label={t('prevote.formal.seats')} rules={[required]}>
                  <InputNumber min={1} precision={0} data-testid="prevote-seats" />
                </Form.Item>
                <Form.Item name="margin" label={t('prevote.formal.margin')} rules={[required]}>
                  <InputNumber min={0} max={100} precision={0} data-testid="prevote-margin" />
                </Form.Item>
              </div>
            </>
          );
        }}
      </SubmitModal>
    </>
  );
}
