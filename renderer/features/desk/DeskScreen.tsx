import { Alert, App, type InputRef, Tabs, Typography } from 'antd';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  AttendanceRecord,
  AttendanceStatus,
  Delegate,
  DueExclusion,
  ExclusionKind,
} from '../../../core/domain.js';
import type { Result } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorTextNow } from '../../lib/errors.js';
import { useHeight } from '../../lib/useHeight.js';
import { SigninButton } from '../badges/PrintButtons.js';
import { playTone, unlockAudio } from '../count/sound.js';
import { PledgeModal } from '../discipline/PledgeModal.js';
import { refusePledge, signPledge, useDisciplineTexts } from '../discipline/store.js';
import { useCan, useStation } from '../operators/station-store.js';
import { useDelegates } from '../roster/delegates.js';
import type { DelegateAction } from './actions.js';
import { useAttendance } from './attendance.js';
import { DeskBanner } from './Banner.js';
import { CountsBar } from './CountsBar.js';
import { DelegationTable, LeaveAbsentList, NonVotingList, NotArrivedList } from './DeskLists.js';
import styles from './DeskScreen.module.css';
import { DeskSearch } from './DeskSearch.js';
import { ExcludedList, errorOrNull } from './Exclusions.js';
import { LeaveModal } from './LeaveModal.js';
import { useDesk } from './store.js';

/**
 * The check-in desk: one search box, a banner, the counts and the quorum, the lists. Its parts
 * each take what they show: typing draws the search again, the banner the banner, and only a
 * changed record draws the lists of thousands (a check-in must not wait behind them).
 */
export function DeskScreen() {
  const t = useT();
  const { modal } = App.useApp();
  const meeting = useCongress(currentMeeting);
  const { delegates: roster, byId, loaded: rosterLoaded } = useDelegates();
  const { summary, records, exclusions, error: loadError } = useAttendance(meeting?.id ?? null);
  // Rule 14: at a plenary only its members are listed and found; elsewhere the whole roster.
  const memberKey = summary?.memberIds?.join(',') ?? null;
  const delegates = useMemo(() => {
    if (memberKey === null) return roster;
    const members = new Set(memberKey === '' ? [] : memberKey.split(',').map(Number));
    return roster.filter((d) => members.has(d.id));
  }, [roster, memberKey]);
  const canExclude = useCan('attendance.exclude');
  const plenaryContestId = meeting?.electorateContestId ?? null;
  const plenaryContest =
    useCall('contests.get', plenaryContestId === null ? null : { contestId: plenaryContestId }).data?.contest.title ??
    null;
  // A station whose role does not work the desk (a counter) sees the attendance, read only.
  const canDesk = useCan('attendance.checkIn');
  const role = useStation((s) => s.operator?.role ?? null);

  const search = useRef<InputRef>(null);
  const [leaveFor, setLeaveFor] = useState<Delegate | null>(null);
  // Read by the Ctrl+Z listener when a key comes, not drawn: a dialog has the keys while open.
  const confirmOpen = useRef(false);
  const leaveOpen = useRef(false);
  leaveOpen.current = leaveFor !== null;
  const [listRef, listHeight] = useHeight<HTMLDivElement>(360);

  const focusSearch = useCallback(() => {
    // After the click or the modal that took the focus has finished.
    requestAnimationFrame(() => search.current?.focus());
  }, []);

  const statusOf = useCallback((id: number): AttendanceStatus => records.get(id)?.status ?? 'pending', [records]);

  const lists = useMemo(() => {
    const notArrived: Delegate[] = [];
    const nonvoting: Delegate[] = [];
    const leaveAbsent: Delegate[] = [];
    // Voters who may still be excluded from 应到 (rule 16): not checked in, not excluded.
    const excludable: Delegate[] = [];
    const plenary = memberKey !== null;
    for (const d of delegates) {
      const status = records.get(d.id)?.status;
      // At a plenary every member votes, whatever the roster says of them.
      if (!plenary && d.category !== 'voting') {
        if (status === 'present') nonvoting.push(d);
        continue;
      }
      // Excluded from 应到: listed apart, neither absent nor not arrived.
      if (exclusions.has(d.id)) continue;
      if (status !== 'present') excludable.push(d);
      if (status === undefined) notArrived.push(d);
      else if (status === 'leave' || status === 'absent') leaveAbsent.push(d);
    }
    return { notArrived, nonvoting, leaveAbsent, excludable };
  }, [delegates, records, exclusions, memberKey]);

  const act = useCallback(
    (action: DelegateAction, d: Delegate) => {
      const { setQuery, checkIn, mark } = useDesk.getState();
      switch (action) {
        case 'checkIn':
          // Clear first: a scanner may already be typing the next badge.
          setQuery('');
          void checkIn(d.id);
          focusSearch();
          break;
        case 'leave':
          setLeaveFor(d);
          break;
        case 'absent':
        case 'reset':
          confirmOpen.current = true;
          modal.confirm({
            title: t(action === 'absent' ? 'desk.absent.confirm' : 'desk.reset.confirm', { name: d.name }),
            okText: t('common.ok'),
            cancelText: t('common.cancel'),
            onOk: async () => {
              setQuery('');
              await mark(d.id, action === 'absent' ? 'absent' : 'pending', null);
            },
            afterClose: () => {
              confirmOpen.current = false;
              focusSearch();
            },
          });
          break;
      }
    },
    [modal, t, focusSearch],
  );
  const onAction = canDesk ? act : undefined;
  const closeLeave = useCallback(() => {
    setLeaveFor(null);
    focusSearch();
  }, [focusSearch]);
  const submitLeave = useCallback(
    async (reason: string) => {
      if (!leaveFor) return null;
      const { setQuery, mark } = useDesk.getState();
      setQuery('');
      const r = await mark(leaveFor.id, 'leave', reason);
      return r.ok ? null : errorTextNow(r.error);
    },
    [leaveFor],
  );

  // Ctrl+Z undoes this station's last check-in, unless a dialog or another text field has the keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!canDesk) return;
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      if (confirmOpen.current || leaveOpen.current || useDesk.getState().pledgeQueue.length > 0) return;
      const target = e.target as HTMLElement | null;
      const inOtherField =
        target &&
        target !== search.current?.input &&
        (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable);
      if (inOtherField) return;
      e.preventDefault();
      void useDesk.getState().undoLast();
      focusSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canDesk, focusSearch]);

  if (!meeting) return <Alert type="info" showIcon title={t('desk.noMeeting')} data-testid="desk-no-meeting" />;

  return (
    <div className={styles.desk} data-testid="desk" onPointerDown={unlockAudio}>
      <CountsBar summary={summary} t={t} />
      {loadError && <ErrorAlert error={loadError} />}
      <div className={styles.deskMain}>
        <div className={styles.deskLeft}>
          <div className={styles.deskMeeting}>
            <Typography.Text type="secondary">
              {t('desk.meeting', { name: meeting.name, date: meeting.date })}
            </Typography.Text>
            <Typography.Text type="secondary" className={styles.deskHint}>
              {t('desk.search.hint')}
            </Typography.Text>
            <SigninButton meetingId={meeting.id} t={t} />
          </div>
          {memberKey !== null && (
            <Alert
              type="info"
              showIcon
              data-testid="desk-members"
              title={t('desk.members', { contest: plenaryContest ?? '', n: delegates.length })}
            />
          )}
          {!canDesk && (
            <Alert
              type="info"
              showIcon
              data-testid="desk-read-only"
              title={t('desk.readOnly', { role: role ? t(`role.${role}`) : '' })}
            />
          )}
          {canDesk && (
            <DeskSearch
              delegates={delegates}
              roster={roster}
              statusOf={statusOf}
              inputRef={search}
              t={t}
              onAction={act}
              focusSearch={focusSearch}
            />
          )}
          {rosterLoaded && roster.length === 0 && <Alert type="warning" showIcon title={t('desk.noRoster')} />}
          {canDesk && <LiveBanner t={t} />}
        </div>
        <div className={styles.deskRight} ref={listRef}>
          <DeskTabs
            meetingId={meeting.id}
            lists={lists}
            records={records}
            exclusions={exclusions}
            byId={byId}
            plenary={memberKey !== null}
            canExclude={canExclude}
            height={listHeight}
            t={t}
            onAction={onAction}
          />
        </div>
      </div>
      <LeaveModal delegate={leaveFor} t={t} onClose={closeLeave} onSubmit={submitLeave} />
      <DeskPledge meetingId={meeting.id} t={t} focusSearch={focusSearch} />
    </div>
  );
}

/** The banner, drawn when the last answer changes, and nothing else with it. */
function LiveBanner(props: { t: Translate }) {
  const banner = useDesk((s) => s.banner);
  return <DeskBanner banner={banner} t={props.t} />;
}

const excludeDelegate = async (delegateId: number, kind: ExclusionKind, note: string | null) =>
  errorOrNull(await useDesk.getState().exclude(delegateId, kind, note));
const revokeExclusion = async (exclusionId: number) =>
  errorOrNull(await useDesk.getState().revokeExclusion(exclusionId));

/** The desk's lists, in tabs: drawn again only when what they list changes. */
const DeskTabs = memo(function DeskTabs(props: {
  meetingId: number;
  lists: { notArrived: Delegate[]; nonvoting: Delegate[]; leaveAbsent: Delegate[]; excludable: Delegate[] };
  records: Map<number, AttendanceRecord>;
  exclusions: Map<number, DueExclusion>;
  byId: Map<number, Delegate>;
  plenary: boolean;
  canExclude: boolean;
  height: number;
  t: Translate;
  /** None for a station whose role does not work the desk: the lists only show. */
  onAction: ((action: DelegateAction, delegate: Delegate) => void) | undefined;
}) {
  const { lists, t, onAction, height } = props;
  /** The lists that show each delegate's record (when, why) take the records too. */
  const recorded = { t, onAction, records: props.records };
  return (
    <Tabs
      size="small"
      className={styles.deskTabs}
      items={[
        {
          key: 'not-arrived',
          label: t('desk.tab.notArrived', { n: lists.notArrived.length }),
          children: <NotArrivedList t={t} onAction={onAction} delegates={lists.notArrived} height={height - 90} />,
        },
        {
          key: 'delegations',
          label: t('desk.tab.byDelegation'),
          children: <DelegationTable meetingId={props.meetingId} t={t} height={height - 110} />,
        },
        // A plenary has no 列席 or 候补: only its members attend.
        ...(props.plenary
          ? []
          : [
              {
                key: 'nonvoting',
                label: t('desk.tab.nonvoting', { n: lists.nonvoting.length }),
                children: <NonVotingList {...recorded} delegates={lists.nonvoting} height={height - 110} />,
              },
            ]),
        {
          key: 'excluded',
          label: t('desk.tab.excluded', { n: props.exclusions.size }),
          children: (
            <ExcludedList
              exclusions={props.exclusions}
              candidates={lists.excludable}
              byId={props.byId}
              t={t}
              height={height - 110}
              canExclude={props.canExclude}
              onExclude={excludeDelegate}
              onRevoke={revokeExclusion}
            />
          ),
        },
        {
          key: 'leave-absent',
          label: t('desk.tab.leaveAbsent', { n: lists.leaveAbsent.length }),
          children: <LeaveAbsentList {...recorded} delegates={lists.leaveAbsent} height={height - 90} />,
        },
      ]}
    />
  );
});

/**
 * With the congress setting `pledgeAtDesk`: the pledge dialog for the first delegate of the queue,
 * then the next one, then back to the search box.
 */
const DeskPledge = memo(function DeskPledge(props: { meetingId: number; t: Translate; focusSearch(): void }) {
  const { t, focusSearch, meetingId } = props;
  const { message } = App.useApp();
  const pledgeAsk = useDesk((s) => s.pledgeQueue[0] ?? null);
  const pledgeAtDesk = useCongress((s) => s.file?.congress.settings.pledgeAtDesk ?? false);
  // The pledge dialog shows the text at once after a check-in: read before the first one.
  const pledgeText = useDisciplineTexts(pledgeAtDesk).data?.pledge ?? null;

  /** The pledge of the delegate asked is done (or put off): the next one, or back to the search box. */
  const pledgeDone = () => {
    useDesk.getState().nextPledge();
    if (useDesk.getState().pledgeQueue.length === 0) focusSearch();
  };

  /** The delegate signed the pledge or refused it: the call, then its tone and note, then the next one. */
  const answerPledge = async (
    call: (delegateId: number, meetingId: number, textId: number) => Promise<Result<unknown>>,
    after: { tone: 'ok' | 'soft'; say: 'success' | 'info'; text: 'pledge.signed' | 'pledge.refused' },
  ) => {
    if (!pledgeAsk || !pledgeText) return null;
    const r = await call(pledgeAsk.delegate.id, meetingId, pledgeText.id);
    if (!r.ok) return r.error;
    playTone(after.tone);
    void message[after.say](t(after.text, { name: pledgeAsk.delegate.name }));
    pledgeDone();
    return null;
  };

  return (
    <PledgeModal
      delegate={pledgeAsk?.delegate ?? null}
      current={pledgeAsk?.current ?? null}
      text={pledgeText}
      t={t}
      onSkip={pledgeDone}
      afterClose={focusSearch}
      onSign={(png) =>
        answerPledge((d, m, text) => signPledge(d, m, text, png), {
          tone: 'ok',
          say: 'success',
          text: 'pledge.signed',
        })
      }
      onRefuse={(note) =>
        answerPledge((d, m, text) => refusePledge(d, m, text, note), {
          tone: 'soft',
          say: 'info',
          text: 'pledge.refused',
        })
      }
    />
  );
});
