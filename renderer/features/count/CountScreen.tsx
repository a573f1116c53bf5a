import { ArrowLeftOutlined, FundProjectionScreenOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Modal, Segmented, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { memo, type ReactNode, useEffect, useMemo, useState } from 'react';
import { useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorTextNow } from '../../lib/errors.js';
import { searchDelegates } from '../../lib/search.js';
import { testId } from '../../lib/testid.js';
import { roundLabel } from '../contests/labels.js';
import { useCan, useStation } from '../operators/station-store.js';
import { useRoster } from '../roster/store.js';
import { RecentBallots, SetAsideQueue, StacksPanel } from './BallotLists.js';
import { BallotSheet } from './BallotSheet.js';
import { openTallyWindow } from './board.js';
import { MARK_KEYS, type SheetVerdict } from './sheet-keys.js';
import { unlockAudio } from './sound.js';
import { type Ballot, contestConvention, isStanding, useCount } from './store.js';

const isTextEntry = (el: EventTarget | null): boolean => {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type !== 'radio' && type !== 'checkbox' && type !== 'button';
};

/**
 * `#/count?round=ID`: ballot entry for a counter with a stack of papers, keyboard first. A row's
 * number (two digits from 10 candidates) flips that row from the default (○ → ×, blank → ○);
 * o ○, x ×, space/- no mark on the cursor row; b a blank paper; ↑/↓; w a write-in line (its name
 * gets the for-mark; Enter in the name commits the paper); Enter commits, s sets aside.
 */
export function CountScreen() {
  const t = useT();
  const roundParam = useRoute((s) => s.query.round);
  const roundId = roundParam && /^\d+$/.test(roundParam) ? Number(roundParam) : null;
  const s = useCount();
  // Re-read with the congress settings too (the fallback when the contest has no convention of its own).
  const settingsMarking = useCongress((x) => x.file?.congress.settings.marking);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the congress setting is read inside
  const convention = useMemo(() => contestConvention(s.detail), [s.detail, settingsMarking]);
  const delegates = useRoster((x) => x.delegates);
  const [voiding, setVoiding] = useState<Ballot | null>(null);
  const [askReason, setAskReason] = useState(false);
  // Keying ballots is for counters and scrutineers; another role sees the count, read only.
  const canEnter = useCan('ballots.enter');
  const role = useStation((x) => x.operator?.role ?? null);

  useEffect(() => {
    useCount.getState().load(roundId);
  }, [roundId]);

  const round = s.round;
  const contest = s.detail?.contest ?? null;
  const doubleEntry = contest?.doubleEntry ?? false;
  const standing = s.ballots.filter(isStanding);
  const entered = doubleEntry ? standing.filter((b) => b.entry === s.entry).length : standing.length;
  const inStack = standing.filter((b) => b.stack === s.stack && b.entry === s.entry).length;
  const open = round?.status === 'voting' && round.collected !== null;
  const entering = open && canEnter;
  const modalOpen = voiding !== null || askReason;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the verdict follows the paper
  const verdict = useMemo(() => s.verdict(), [s.marks, s.writeIns, s.touched, s.round, s.context, convention]);

  const earlierWriteIns = useMemo(() => {
    const names = new Map<string, number>();
    for (const b of s.ballots) for (const w of b.writeIns) names.set(w.name, (names.get(w.name) ?? 0) + 1);
    return [...names].sort((a, b) => b[1] - a[1]).map(([n]) => n);
  }, [s.ballots]);
  const suggestions = (query: string): string[] => {
    const q = query.trim();
    const fromBallots = earlierWriteIns.filter((n) => n.includes(q));
    const fromRoster = searchDelegates(delegates, q, 8).map((d) => d.name);
    return [...new Set([...fromBallots, ...fromRoster])].filter((n) => n !== q).slice(0, 8);
  };

  // The keys of the sheet, unless a text field or a dialog has them.
  useEffect(() => {
    if (!entering || modalOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest('.ant-modal, .ant-select-dropdown')) return;
      const count = useCount.getState();
      if (count.writeIns.some((w) => w.editing)) return;
      unlockAudio();
      const mark = MARK_KEYS[e.key];
      let handled = true;
      if (mark) count.setMark(mark);
      else if (/^[0-9]$/.test(e.key)) count.typeDigit(e.key);
      else if (e.key === 'b' || e.key === 'B') count.blankPaper();
      else if (e.key === 'ArrowDown') count.move(1);
      else if (e.key === 'ArrowUp') count.move(-1);
      else if (e.key === 'Enter') {
        if (count.correcting) setAskReason(true);
        else count.commit(false);
      } else if ((e.key === 's' || e.key === 'S') && !count.correcting) count.commit(true);
      else if (e.key === 'w' || e.key === 'W') count.addWriteIn();
      else if (e.key === 'Escape') count.resetSheet();
      else if ((e.key === 'Delete' || e.key === 'Backspace') && count.cursor >= count.candidates.length)
        count.removeWriteIn(count.cursor - count.candidates.length);
      else handled = false;
      // Also keeps Enter/space from pressing a focused button.
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [entering, modalOpen]);

  if (roundId === null) return <Alert type="warning" showIcon title={t('count.noRound')} />;
  if (s.loadError) return <ErrorAlert error={s.loadError} />;
  if (!round || !contest) return <Spin />;

  return (
    <div className="count" data-testid="count-page" data-round={round.id}>
      <CountHead
        contest={contest}
        round={round}
        entered={entered}
        inStack={inStack}
        pending={s.pending > 0}
        stack={s.stack}
        entry={s.entry}
        defaultMark={s.defaultMark}
      />
      {!open && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="count-closed"
          title={t(round.status === 'voting' ? 'count.notCollected' : 'count.notOpen')}
        />
      )}
      {open && !canEnter && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          data-testid="count-read-only"
          title={t('count.readOnly', { role: role ? t(`role.${role}`) : '' })}
        />
      )}
      {s.error && (
        <ErrorAlert error={s.error} testId="count-error" onClose={() => useCount.setState({ error: null })} />
      )}
      <div className="count-main">
        <div className="count-left">
          {s.correcting && (
            <Alert
              type="warning"
              showIcon
              data-testid="count-correcting"
              title={t('count.correcting', { n: s.correcting.seq })}
              action={
                <Button size="small" onClick={() => s.resetSheet()}>
                  {t('common.cancel')}
                </Button>
              }
            />
          )}
          <BallotSheet
            candidates={s.candidates}
            marks={s.marks}
            writeIns={s.writeIns}
            cursor={s.cursor}
            convention={convention}
            verdict={verdict}
            rowPending={s.rowPending}
            suggestions={suggestions}
            t={t}
            onMark={(row, mark) => {
              s.setCursor(row);
              s.setMark(mark, false);
            }}
            onCursor={s.setCursor}
            onWriteInName={s.setWriteInName}
            onWriteInDone={(index, enter) => {
              // Enter in the name field is Enter on the paper: commit (or, correcting, ask why).
              if (enter && useCount.getState().correcting) {
                s.finishWriteInName(index);
                setAskReason(true);
              } else s.finishWriteInName(index, enter);
            }}
            onWriteInRemove={s.removeWriteIn}
          />
          <ValidityLine verdict={verdict} seats={round.seats} confirming={s.confirming} t={t} />
          <LastLine t={t} />
          <div className="count-keys" data-testid="count-keys">
            {t('count.keys')}
          </div>
        </div>
        <div className="count-right">
          <CountSide doubleEntry={doubleEntry} onVoid={setVoiding} />
        </div>
      </div>
      <ReasonModal
        open={askReason}
        title={t('count.correct.title', { n: s.correcting?.seq ?? '' })}
        t={t}
        testPrefix="correct"
        onCancel={() => setAskReason(false)}
        onOk={async (reason) => {
          const r = await s.finishCorrecting(reason);
          if (r.ok) setAskReason(false);
          return r.ok ? null : errorTextNow(r.error);
        }}
      />
      <ReasonModal
        open={voiding !== null}
        title={t('count.void.title', { n: voiding?.seq ?? '' })}
        t={t}
        testPrefix="void"
        onCancel={() => setVoiding(null)}
        onOk={async (reason) => {
          if (!voiding) return null;
          const r = await s.voidBallot(voiding.id, reason);
          if (r.ok) setVoiding(null);
          return r.ok ? null : errorTextNow(r.error);
        }}
      />
    </div>
  );
}

/**
 * Rule 4's verdict on the paper as keyed: nothing before the first key (neutral, so that red
 * keeps meaning something), then valid or invalid with the persons chosen, and every written-in
 * name that will not count with why. With `confirming`, Enter was held for that reason.
 */
function ValidityLine(props: { verdict: SheetVerdict; seats: number; confirming: boolean; t: Translate }) {
  const { verdict, seats, confirming, t } = props;
  if (verdict.kind === 'idle') {
    return (
      <div className="validity-line validity-idle" data-testid="validity-line" data-state="idle">
        {t('count.validity.idle', { seats })}
      </div>
    );
  }
  const { valid, chosen } = verdict.judgement;
  return (
    <div className="validity-block">
      <div
        className={`validity-line ${valid ? 'validity-ok' : 'validity-bad'}`}
        data-testid="validity-line"
        data-state={valid ? 'valid' : 'invalid'}
        data-valid={valid}
        data-chosen={chosen}
      >
        {valid ? t('count.validity.ok', { chosen, seats }) : t('count.validity.bad', { chosen, seats })}
      </div>
      {verdict.notCounting.length > 0 && (
        <div
          className={`validity-writeins${confirming ? ' validity-confirming' : ''}`}
          data-testid="validity-writeins"
          data-confirming={confirming}
        >
          {verdict.notCounting.map((w) => (
            <div key={w.index} data-testid="validity-writein" data-fate={w.fate}>
              {t('count.writeIn.notCounting', { name: w.name, why: t(`count.fate.${w.fate}`) })}
            </div>
          ))}
          <div className="validity-confirm-hint">
            {t(confirming ? 'count.writeIn.confirmAgain' : 'count.writeIn.confirmHint')}
          </div>
        </div>
      )}
    </div>
  );
}

/** What happened to the last paper: the counter's confirmation before the next one. */
function LastLine(props: { t: Translate }) {
  const last = useCount((s) => s.last);
  const { t } = props;
  if (!last) return <div className="count-last count-last-idle">{t('count.last.idle')}</div>;
  const b = last.ballot;
  const validity = b.valid === null ? t('count.state.setAside') : b.valid ? t('count.valid') : t('count.invalid');
  return (
    <div
      className={`count-last count-last-${last.kind}${b.valid === false ? ' count-last-invalid' : ''}`}
      data-testid="count-last"
      data-kind={last.kind}
      data-seq={b.seq}
    >
      {t(`count.last.${last.kind}`, { n: b.seq, validity, chosen: b.chosen })}
    </div>
  );
}

function ReasonModal(props: {
  open: boolean;
  title: string;
  t: Translate;
  testPrefix: string;
  onCancel(): void;
  onOk(reason: string): Promise<string | null>;
}) {
  const { t } = props;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!reason.trim()) {
      setError(t('count.reason.required'));
      return;
    }
    const e = await props.onOk(reason.trim());
    setError(e);
    if (!e) setReason('');
  };
  return (
    <ModalShell
      open={props.open}
      title={props.title}
      t={t}
      testId={`${props.testPrefix}-submit`}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <Input
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        onPressEnter={() => void submit()}
        placeholder={t('count.reason')}
        data-testid={`${props.testPrefix}-reason`}
        status={error ? 'error' : undefined}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </ModalShell>
  );
}

function ModalShell(props: {
  open: boolean;
  title: string;
  t: Translate;
  testId: string;
  children: ReactNode;
  onOk(): void;
  onCancel(): void;
}) {
  return (
    <Modal
      open={props.open}
      title={props.title}
      onOk={props.onOk}
      onCancel={props.onCancel}
      okText={props.t('common.ok')}
      cancelText={props.t('common.cancel')}
      okButtonProps={testId(props.testId)}
      destroyOnHidden
    >
      {props.children}
    </Modal>
  );
}

/**
 * The lists beside the sheet. Kept apart and memoised: a mark key changes only the sheet,
 * and re-rendering every recent ballot on each key press made keying slow.
 */
const CountSide = memo(function CountSide(props: { doubleEntry: boolean; onVoid: (ballot: Ballot) => void }) {
  const t = useT();
  const ballots = useCount((x) => x.ballots);
  const candidates = useCount((x) => x.candidates);
  const stacks = useCount((x) => x.stacks);
  const { doubleEntry, onVoid } = props;
  const setAsideCount = ballots.filter((b) => b.state === 'set_aside' && b.decision === null).length;
  const canCorrect = useCan('ballots.correct');
  const canVoid = useCan('ballots.void');
  const canSettle = useCan('stacks.settle');
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'recent',
          label: t('count.tab.recent'),
          children: (
            <RecentBallots
              ballots={ballots}
              t={t}
              onCorrect={canCorrect ? (b) => useCount.getState().startCorrecting(b) : undefined}
              onVoid={canVoid ? onVoid : undefined}
            />
          ),
        },
        {
          key: 'setaside',
          label: <span data-testid="tab-setaside">{t('count.tab.setAside', { n: setAsideCount })}</span>,
          children: (
            <SetAsideQueue
              ballots={ballots}
              candidates={candidates}
              t={t}
              onDecide={async (b, verdict, note) => {
                const r = await useCount.getState().decide(b.id, verdict, note);
                return r.ok ? null : r.error;
              }}
            />
          ),
        },
        ...(doubleEntry
          ? [
              {
                key: 'stacks',
                label: <span data-testid="tab-stacks">{t('count.tab.stacks')}</span>,
                children: (
                  <StacksPanel
                    stacks={stacks}
                    candidates={candidates}
                    t={t}
                    onCompare={useCount.getState().compare}
                    onSettle={
                      canSettle
                        ? async (stack, position, keep) => {
                            const r = await useCount.getState().settle(stack, position, keep);
                            return r.ok ? null : r.error;
                          }
                        : undefined
                    }
                  />
                ),
              },
            ]
          : []),
      ]}
    />
  );
});

/** The head of the entry screen: changes per ballot, not per key, so it is memoised too. */
const CountHead = memo(function CountHead(props: {
  contest: NonNullable<ReturnType<typeof useCount.getState>['detail']>['contest'];
  round: NonNullable<ReturnType<typeof useCount.getState>['round']>;
  entered: number;
  inStack: number;
  pending: boolean;
  stack: number;
  entry: 1 | 2;
  defaultMark: 'circle' | 'none';
}) {
  const t = useT();
  const navigate = useRoute((x) => x.navigate);
  const { contest, round, entered, inStack, pending, stack, entry, defaultMark } = props;
  const doubleEntry = contest.doubleEntry;
  const full = round.collected !== null && entered >= round.collected;
  return (
    <div className="count-head">
      <Space>
        <Button
          icon={<ArrowLeftOutlined />}
          data-testid="count-back"
          onClick={() => navigate('contests', { contest: String(contest.id) })}
        >
          {contest.title}
        </Button>
        <Typography.Text strong>{roundLabel(t, round)}</Typography.Text>
        <Tag>{t('count.seats', { n: round.seats })}</Tag>
      </Space>
      <div className={`count-progress${full ? ' count-progress-full' : ''}`} data-testid="count-progress">
        {t('count.progress', { entered, collected: round.collected ?? '–' })}
        {pending && <Spin size="small" />}
      </div>
      <Space>
        {doubleEntry && (
          <>
            <Typography.Text>{t('count.stack')}</Typography.Text>
            <InputNumber
              min={1}
              precision={0}
              value={stack}
              onChange={(v) => typeof v === 'number' && useCount.getState().setStack(v)}
              onPressEnter={(e) => (e.target as HTMLElement).blur()}
              data-testid="count-stack"
              style={{ width: 72 }}
            />
            <Segmented
              value={entry}
              onChange={(v) => {
                useCount.getState().setEntry(v as 1 | 2);
                (document.activeElement as HTMLElement | null)?.blur();
              }}
              options={[
                { value: 1, label: t('count.entry.first') },
                { value: 2, label: t('count.entry.second') },
              ]}
              data-testid="count-entry"
            />
            <Typography.Text type="secondary">{t('count.stack.position', { n: inStack + 1 })}</Typography.Text>
          </>
        )}
        <Typography.Text type="secondary">{t('count.default')}</Typography.Text>
        <Segmented
          value={defaultMark}
          onChange={(v) => {
            useCount.getState().setDefaultMark(v as 'circle' | 'none');
            (document.activeElement as HTMLElement | null)?.blur();
          }}
          options={[
            { value: 'circle', label: t('count.default.circle') },
            { value: 'none', label: t('count.default.none') },
          ]}
          data-testid="count-default"
        />
        <Button
          icon={<FundProjectionScreenOutlined />}
          aria-label={t('round.openTally')}
          data-testid="count-open-tally"
          onClick={() => openTallyWindow(contest.id)}
        />
      </Space>
    </div>
  );
});
