import { FileProtectOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Segmented, Space, Spin, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DISCIPLINE_TEXT_KINDS, type DisciplineTextKind } from '../../../core/discipline.js';
import type { AppError } from '../../../core/result.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from '../../components/ReasonModal.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { errorTextNow } from '../../lib/errors.js';
import { openPrintWindow } from '../../lib/print.js';
import { searchDelegates } from '../../lib/search.js';
import { useHeight } from '../../lib/useHeight.js';
import { useCan } from '../operators/station-store.js';
import { useDelegates } from '../roster/delegates.js';
import styles from './DisciplineScreen.module.css';
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

/** The acts on a row that ask for a text first: a refusal's note (optional), a withdrawal's reason. */
const REASON_ACTS = ['refuse', 'withdraw'] as const;
type ReasonAct = (typeof REASON_ACTS)[number];

/** What each of those dialogs asks, besides its title (it names the delegate). */
const REASON_ASK: Record<
  ReasonAct,
  { label: MessageKey; placeholder: MessageKey; okText: MessageKey; required: boolean; testIdPrefix: string }
> = {
  refuse: {
    label: 'pledge.refuse.note',
    placeholder: 'pledge.refuse.note.placeholder',
    okText: 'pledge.refuse.submit',
    required: false,
    testIdPrefix: 'pledge-refuse-reason',
  },
  withdraw: {
    label: 'pledge.withdraw.reason',
    placeholder: 'pledge.withdraw.reason.placeholder',
    okText: 'pledge.withdraw.submit',
    required: true,
    testIdPrefix: 'pledge-withdraw',
  },
};

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
    <div className={`page ${styles.page}`} data-testid="discipline-page">
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
  const [reasonFor, setReasonFor] = useState<{ act: ReasonAct; row: PledgeRow } | null>(null);
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
    else setReasonFor({ act: action, row });
  };

  const textId = pledgeText?.id ?? null;
  // A refusal from the pledge dialog or from the row's button: recorded against the text shown.
  const refuse = async (row: PledgeRow, note: string | null): Promise<AppError | null> => {
    if (textId === null) return null;
    const r = await refusePledge(row.delegate.id, props.meetingId, textId, note);
    if (!r.ok) return r.error;
    void message.info(t('pledge.refused', { name: row.delegate.name }));
    return null;
  };
  const withdraw = async (row: PledgeRow, reason: string | null): Promise<AppError | null> => {
    if (!row.pledge || !reason) return null;
    const r = await withdrawPledge(row.pledge.id, reason);
    if (!r.ok) return r.error;
    void message.success(t('pledge.withdrawn', { name: row.delegate.name }));
    return null;
  };
  const submitReason: Record<ReasonAct, typeof refuse> = { refuse, withdraw };
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
    <div data-testid="pledges-tab">
      <PledgeCounts summary={summary} t={t} />
      {!summary ? (
        <Spin />
      ) : (
        <div className={styles.pledgesMain}>
          <div className={styles.pledgesList}>
            <div className={styles.pledgesTools}>
              <Segmented<Filter>
                value={filter}
                onChange={setFilter}
                options={FILTERS.map((f) => ({ value: f, label: filterLabel(f) }))}
              />
              <Input
                allowClear
                prefix={<SearchOutlined />}
                className={styles.pledgesSearch}
                placeholder={t('pledge.search.placeholder')}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="pledge-search"
              />
            </div>
            <div className={styles.pledgesTable} ref={listRef}>
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
          <div className={styles.pledgesSide}>
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
          const failed = await refuse(signFor, note);
          if (!failed) setSignFor(null);
          return failed;
        }}
      />
      {REASON_ACTS.map((reasonAct) => {
        const row = reasonFor?.act === reasonAct ? reasonFor.row : null;
        const ask = REASON_ASK[reasonAct];
        return (
          <ReasonModal
            key={reasonAct}
            open={row !== null}
            title={row ? reasonTitle(reasonAct, row, t) : ''}
            label={t(ask.label)}
            placeholder={t(ask.placeholder)}
            okText={t(ask.okText)}
            required={ask.required}
            danger
            testIdPrefix={ask.testIdPrefix}
            t={t}
            onClose={() => setReasonFor(null)}
            onSubmit={async (text) => (row ? submitReason[reasonAct](row, text) : null)}
          />
        );
      })}
    </div>
  );
}

/** The dialog's title names the delegate; withdrawing a refusal says so. */
function reasonTitle(act: ReasonAct, row: PledgeRow, t: Translate): string {
  const name = row.delegate.name;
  if (act === 'refuse') return t('pledge.refuse.title', { name });
  return t(row.pledge?.status === 'refused' ? 'pledge.withdraw.titleRefusal' : 'pledge.withdraw.title', { name });
}

function TextsTab() {
  const t = useT();
  const { message } = App.useApp();
  const { data: texts, error: textsError } = useDisciplineTexts();
  const canSetText = useCan('discipline.setText');
  const save = (kind: DisciplineTextKind) => async (body: string) => {
    const r = await setText(kind, body);
    if (!r.ok) return r.error;
    void message.success(t('discipline.text.saved', { version: r.value.version }));
    return null;
  };
  return (
    <div data-testid="texts-tab">
      {textsError && <ErrorAlert error={textsError} />}
      {DISCIPLINE_TEXT_KINDS.map((kind) => (
        <TextEditor
          key={kind}
          title={t(`discipline.text.${kind}`)}
          help={t(`discipline.text.${kind}.help`)}
          text={texts?.[kind] ?? null}
          testIdPrefix={`text-${kind}`}
          readOnly={!canSetText}
          t={t}
          onSave={save(kind)}
        />
      ))}
      <Typography.Paragraph type="secondary" className={styles.textsNote}>
        <FileProtectOutlined /> {t('discipline.text.versionNote')}
      </Typography.Paragraph>
    </div>
  );
}
