import { FileProtectOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from '../../components/ReasonModal.js';
import { errorTextNow } from '../../lib/errors.js';
import { openPrintWindow } from '../../lib/print.js';
import { searchDelegates } from '../../lib/search.js';
import { useHeight } from '../../lib/useHeight.js';
import { useCan } from '../operators/station-store.js';
import { useDelegates } from '../roster/delegates.js';
import { OathPanel } from './OathPanel.js';
import { PledgeModal } from './PledgeModal.js';
import { type PledgeAction, PledgeCounts, PledgeDelegationTable, PledgeList } from './PledgeTables.js';
import {
  addLatecomer,
  finishOath,
  type PledgeRow,
  refusePledge,
  setText,
  signPledge,
  startOath,
  useDiscipline,
  useDisciplineTexts,
  useOath,
  usePledgeSummary,
  withdrawPledge,
} from './store.js';
import { TextEditor } from './TextEditor.js';

/** The one key that records the moment the oath begins (shown on the button). */
const OATH_KEY = 'F9';

const TABS = ['oath', 'pledges', 'texts'] as const;
type Tab = (typeof TABS)[number];

const FILTERS = ['open', 'signed', 'refused', 'all'] as const;
type Filter = (typeof FILTERS)[number];

/**
 * 纪律承诺: the collective oath of the current meeting (one key at the moment it begins),
 * the delegates' pledges (who signed, who has not, sign at this station), and the texts.
 */
export function DisciplineScreen() {
  const t = useT();
  const meeting = useCongress(currentMeeting);
  const query = useRoute((s) => s.query);
  const navigate = useRoute((s) => s.navigate);
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? '') ? (query.tab as Tab) : 'oath';
  const meetingId = meeting?.id ?? null;
  const oath = useOath(meetingId);
  const pledges = usePledgeSummary(meetingId);
  const loadError = oath.error ?? pledges.error;
  const oathExists = !!oath.data;

  if (!meeting) return <Alert type="info" showIcon title={t('desk.noMeeting')} data-testid="discipline-no-meeting" />;

  return (
    <div className="page discipline-page" data-testid="discipline-page">
      <div className="page-head">
        <Space align="baseline">
          <Typography.Title level={3}>{t('discipline.title')}</Typography.Title>
          <Typography.Text type="secondary">
            {t('desk.meeting', { name: meeting.name, date: meeting.date })}
          </Typography.Text>
        </Space>
        <Space>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => openPrintWindow('print/pledges', { meeting: String(meeting.id) })}
            data-testid="discipline-print-pledges"
          >
            {t('discipline.print.pledges')}
          </Button>
          <Button
            icon={<PrinterOutlined />}
            disabled={!oathExists}
            onClick={() => openPrintWindow('print/oath', { meeting: String(meeting.id) })}
            data-testid="discipline-print-oath"
          >
            {t('discipline.print.oath')}
          </Button>
        </Space>
      </div>
      {loadError && <ErrorAlert error={loadError} />}
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate('discipline', { tab: key })}
        destroyOnHidden
        items={[
          {
            key: 'oath',
            label: <span data-testid="discipline-tab-oath">{t('discipline.tab.oath')}</span>,
            children: <OathTab meetingId={meeting.id} />,
          },
          {
            key: 'pledges',
            label: <span data-testid="discipline-tab-pledges">{t('discipline.tab.pledges')}</span>,
            children: <PledgesTab meetingId={meeting.id} />,
          },
          {
            key: 'texts',
            label: <span data-testid="discipline-tab-texts">{t('discipline.tab.texts')}</span>,
            children: <TextsTab />,
          },
        ]}
      />
    </div>
  );
}

function OathTab(props: { meetingId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const oathRead = useOath(props.meetingId);
  const oath = oathRead.data ?? null;
  const loaded = oathRead.data !== undefined;
  const summary = usePledgeSummary(props.meetingId).data ?? null;
  const leader = useDiscipline((s) => s.leaderDraft);
  const oathText = useDisciplineTexts().data?.oath ?? null;
  const setLeaderDraft = useDiscipline((s) => s.setLeaderDraft);
  const [starting, setStarting] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const startingRef = useRef(false);

  // A running oath shows the leader it recorded.
  const oathId = oath?.id;
  const recordedLeader = oath?.leader;
  useEffect(() => {
    if (oathId !== undefined && recordedLeader) useDiscipline.getState().setLeaderDraft(recordedLeader);
  }, [oathId, recordedLeader]);

  const { presentCount, latecomers } = useMemo(() => {
    const rows = summary?.rows ?? [];
    const joined = new Set(oath?.participants.map((p) => p.delegate.id));
    const present = rows.filter((r) => r.present);
    return {
      presentCount: present.length,
      latecomers: present.filter((r) => !joined.has(r.delegate.id)).map((r) => r.delegate),
    };
  }, [summary, oath]);

  const report = useCallback(
    (error: AppError) => {
      void message.error(errorTextNow(error));
    },
    [message],
  );

  const start = useCallback(async () => {
    if (startingRef.current) return;
    startingRef.current = true;
    setStarting(true);
    const r = await startOath(props.meetingId);
    startingRef.current = false;
    setStarting(false);
    if (r.ok) void message.success(t('oath.started', { n: r.value.participants.length }));
    else report(r.error);
  }, [message, report, t, props.meetingId]);

  // The key press at the moment the oath begins, wherever the focus is on this tab.
  const canRun = useCan('oath.start');
  const canAddLatecomer = useCan('oath.addLatecomer');
  const canStart = loaded && oath === null && presentCount > 0 && canRun;
  useEffect(() => {
    if (!canStart) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== OATH_KEY || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
      e.preventDefault();
      void start();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canStart, start]);

  return (
    <OathPanel
      oath={oath && oath.meetingId === props.meetingId ? oath : null}
      loaded={loaded}
      oathText={oathText}
      presentCount={presentCount}
      latecomers={latecomers}
      leader={leader}
      onLeaderChange={setLeaderDraft}
      hotkey={OATH_KEY}
      starting={starting}
      finishing={finishing}
      onStart={() => void start()}
      onFinish={async () => {
        if (!oath) return;
        setFinishing(true);
        const r = await finishOath(oath.id);
        setFinishing(false);
        if (r.ok) void message.success(t('oath.finished'));
        else report(r.error);
      }}
      onAddLatecomer={async (delegateId) => {
        if (!oath) return false;
        const r = await addLatecomer(oath.id, delegateId);
        if (!r.ok) report(r.error);
        return r.ok;
      }}
      onPrint={() => openPrintWindow('print/oath', { meeting: String(props.meetingId) })}
      canRun={canRun}
      canAddLatecomer={canAddLatecomer}
      t={t}
    />
  );
}

function PledgesTab(props: { meetingId: number }) {
  const t = useT();
  const { message } = App.useApp();
  const summary = usePledgeSummary(props.meetingId).data ?? null;
  const pledgeText = useDisciplineTexts().data?.pledge ?? null;
  const { delegates } = useDelegates();
  const [filter, setFilter] = useState<Filter>('open');
  const [search, setSearch] = useState('');
  const [signFor, setSignFor] = useState<PledgeRow | null>(null);
  const [refuseFor, setRefuseFor] = useState<PledgeRow | null>(null);
  const [withdrawFor, setWithdrawFor] = useState<PledgeRow | null>(null);
  const [listRef, listHeight] = useHeight<HTMLDivElement>(420);
  const canSign = useCan('pledges.sign');
  const canRefuse = useCan('pledges.refuse');
  const canWithdraw = useCan('pledges.withdraw');
  const allowed = useMemo(
    () =>
      new Set<PledgeAction>([
        ...(canSign ? (['sign'] as const) : []),
        ...(canRefuse ? (['refuse'] as const) : []),
        ...(canWithdraw ? (['withdraw'] as const) : []),
      ]),
    [canSign, canRefuse, canWithdraw],
  );

  const rows = useMemo(() => {
    const all = summary?.rows ?? [];
    let shown = all.filter((r) =>
      filter === 'all' ? true : filter === 'open' ? r.state !== 'signed' : r.state === filter,
    );
    if (search.trim() !== '') {
      const matched = new Set(searchDelegates(delegates, search, delegates.length).map((d) => d.id));
      shown = shown.filter((r) => matched.has(r.delegate.id));
    }
    return shown;
  }, [summary, filter, search, delegates]);

  const act = (action: PledgeAction, row: PledgeRow) => {
    if (action === 'sign') setSignFor(row);
    else if (action === 'refuse') setRefuseFor(row);
    else setWithdrawFor(row);
  };

  const textId = pledgeText?.id ?? null;
  const filterLabel = (f: Filter) => {
    const n =
      f === 'all'
        ? (summary?.due ?? 0)
        : f === 'open'
          ? (summary?.due ?? 0) - (summary?.signed ?? 0)
          : (summary?.[f] ?? 0);
    return <span data-testid={`pledge-filter-${f}`}>{t(`pledge.filter.${f}`, { n })}</span>;
  };

  return (
    <div className="discipline-pledges" data-testid="pledges-tab">
      <PledgeCounts summary={summary} t={t} />
      {!summary ? (
        <Spin />
      ) : (
        <div className="discipline-pledges-main">
          <div className="discipline-pledges-list">
            <div className="discipline-pledges-tools">
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                options={FILTERS.map((f) => ({ value: f, label: filterLabel(f) }))}
              />
              <Input
                allowClear
                prefix={<SearchOutlined />}
                className="discipline-pledges-search"
                placeholder={t('pledge.search.placeholder')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="pledge-search"
              />
            </div>
            <div className="discipline-pledges-table" ref={listRef}>
              <PledgeList
                rows={rows}
                t={t}
                height={Math.max(200, listHeight - 48)}
                emptyText={t(filter === 'open' && search === '' ? 'pledge.list.allSigned' : 'pledge.list.empty')}
                onAction={act}
                allowed={allowed}
              />
            </div>
          </div>
          <div className="discipline-pledges-side">
            <Typography.Title level={5}>{t('pledge.byDelegation')}</Typography.Title>
            <PledgeDelegationTable rows={summary.byDelegation} t={t} height={Math.max(200, listHeight - 48)} />
          </div>
        </div>
      )}

      <PledgeModal
        delegate={signFor?.delegate ?? null}
        text={pledgeText}
        current={signFor?.pledge ?? null}
        t={t}
        onSkip={() => setSignFor(null)}
        onSign={async (png) => {
          if (!signFor || textId === null) return null;
          const r = await signPledge(signFor.delegate.id, props.meetingId, textId, png);
          if (!r.ok) return r.error;
          void message.success(t('pledge.signed', { name: signFor.delegate.name }));
          setSignFor(null);
          return null;
        }}
        onRefuse={async (note) => {
          if (!signFor || textId === null) return null;
          const r = await refusePledge(signFor.delegate.id, props.meetingId, textId, note);
          if (!r.ok) return r.error;
          void message.info(t('pledge.refused', { name: signFor.delegate.name }));
          setSignFor(null);
          return null;
        }}
      />
      <ReasonModal
        open={refuseFor !== null}
        title={refuseFor ? t('pledge.refuse.title', { name: refuseFor.delegate.name }) : ''}
        label={t('pledge.refuse.note')}
        placeholder={t('pledge.refuse.note.placeholder')}
        okText={t('pledge.refuse.submit')}
        required={false}
        danger
        testIdPrefix="pledge-refuse-reason"
        t={t}
        onClose={() => setRefuseFor(null)}
        onSubmit={async (note) => {
          if (!refuseFor || textId === null) return null;
          const r = await refusePledge(refuseFor.delegate.id, props.meetingId, textId, note);
          if (r.ok) void message.info(t('pledge.refused', { name: refuseFor.delegate.name }));
          return r.ok ? null : r.error;
        }}
      />
      <ReasonModal
        open={withdrawFor !== null}
        title={
          withdrawFor
            ? t(withdrawFor.pledge?.status === 'refused' ? 'pledge.withdraw.titleRefusal' : 'pledge.withdraw.title', {
                name: withdrawFor.delegate.name,
              })
            : ''
        }
        label={t('pledge.withdraw.reason')}
        placeholder={t('pledge.withdraw.reason.placeholder')}
        okText={t('pledge.withdraw.submit')}
        required
        danger
        testIdPrefix="pledge-withdraw"
        t={t}
        onClose={() => setWithdrawFor(null)}
        onSubmit={async (reason) => {
          const pledge = withdrawFor?.pledge;
          if (!pledge || !reason) return null;
          const r = await withdrawPledge(pledge.id, reason);
          if (r.ok) void message.success(t('pledge.withdrawn', { name: withdrawFor.delegate.name }));
          return r.ok ? null : r.error;
        }}
      />
    </div>
  );
}

function TextsTab() {
  const t = useT();
  const { message } = App.useApp();
  const { data: texts, error: textsError } = useDisciplineTexts();
  const canSetText = useCan('discipline.setText');
  const save = (kind: 'oath' | 'pledge') => async (body: string) => {
    const r = await setText(kind, body);
    if (!r.ok) return r.error;
    void message.success(t('discipline.text.saved', { version: r.value.version }));
    return null;
  };
  return (
    <div className="discipline-texts" data-testid="texts-tab">
      {textsError && <ErrorAlert error={textsError} />}
      <TextEditor
        title={t('discipline.text.oath')}
        help={t('discipline.text.oath.help')}
        text={texts?.oath ?? null}
        testIdPrefix="text-oath"
        readOnly={!canSetText}
        t={t}
        onSave={save('oath')}
      />
      <TextEditor
        title={t('discipline.text.pledge')}
        help={t('discipline.text.pledge.help')}
        text={texts?.pledge ?? null}
        testIdPrefix="text-pledge"
        readOnly={!canSetText}
        t={t}
        onSave={save('pledge')}
      />
      <Typography.Paragraph type="secondary" className="discipline-texts-note">
        <FileProtectOutlined /> {t('discipline.text.versionNote')}
      </Typography.Paragraph>
    </div>
  );
}
