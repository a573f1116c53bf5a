import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, type InputRef, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AttendanceStatus, Delegate, ExclusionKind } from '../../../core/domain.js';
import type { Result } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { currentMeeting, useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorTextNow } from '../../lib/errors.js';
import { badgeOf, searchDelegates } from '../../lib/search.js';
import { useHeight } from '../../lib/useHeight.js';
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
import { ExcludedList, errorOrNull } from './Exclusions.js';
import { LeaveModal } from './LeaveModal.js';
import { SearchResults } from './SearchResults.js';
import { useDesk } from './store.js';

const RESULT_LIMIT = 8;

/** The desk store's actions, one stable object for the screen's lifetime. */
function useDeskActions() {
  return useMemo(() => {
    const s = useDesk.getState();
    return {
      setQuery: s.setQuery,
      checkIn: s.checkIn,
      checkInByBadge: s.checkInByBadge,
      mark: s.mark,
      moveHighlight: s.moveHighlight,
      setHighlight: s.setHighlight,
      undoLast: s.undoLast,
    };
  }, []);
}

/** The check-in desk: one search box, a banner, the counts and the quorum, the lists. */
export function DeskScreen() {
  const t = useT();
  const { modal, message } = App.useApp();
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
  const banner = useDesk((s) => s.banner);
  const query = useDesk((s) => s.query);
  const highlight = useDesk((s) => s.highlight);
  const pledgeAsk = useDesk((s) => s.pledgeQueue[0] ?? null);
  const pledgeAtDesk = useCongress((s) => s.file?.congress.settings.pledgeAtDesk ?? false);
  // The pledge dialog shows the text at once after a check-in: read before the first one.
  const pledgeText = useDisciplineTexts(pledgeAtDesk).data?.pledge ?? null;
  // The store's actions never change; the state object does at every keystroke, so callbacks
  // read the actions from here, and the memoised lists are not drawn again as the clerk types.
  const desk = useDeskActions();
  // A station whose role does not work the desk (a counter) sees the attendance, read only.
  const canDesk = useCan('attendance.checkIn');
  const role = useStation((s) => s.operator?.role ?? null);

  const search = useRef<InputRef>(null);
  const [leaveFor, setLeaveFor] = useState<Delegate | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [listRef, listHeight] = useHeight<HTMLDivElement>(360);

  const focusSearch = useCallback(() => {
    // After the click or the modal that took the focus has finished.
    requestAnimationFrame(() => search.current?.focus());
  }, []);

  /** The pledge of the delegate asked is done (or put off): the next one, or back to the search box. */
  const pledgeDone = useCallback(() => {
    useDesk.getState().nextPledge();
    if (useDesk.getState().pledgeQueue.length === 0) focusSearch();
  }, [focusSearch]);

  const found = useMemo(() => searchDelegates(delegates, query, RESULT_LIMIT + 1), [delegates, query]);
  const results = found.slice(0, RESULT_LIMIT);
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
  const excludeDelegate = useCallback(
    async (delegateId: number, kind: ExclusionKind, note: string | null) =>
      errorOrNull(await useDesk.getState().exclude(delegateId, kind, note)),
    [],
  );
  const revokeExclusion = useCallback(
    async (exclusionId: number) => errorOrNull(await useDesk.getState().revokeExclusion(exclusionId)),
    [],
  );

  const act = useCallback(
    (action: DelegateAction, d: Delegate) => {
      switch (action) {
        case 'checkIn':
          desk.setQuery('');
          void desk.checkIn(d.id);
          focusSearch();
          break;
        case 'leave':
          setLeaveFor(d);
          break;
        case 'absent':
        case 'reset':
          setModalOpen(true);
          modal.confirm({
            title: t(action === 'absent' ? 'desk.absent.confirm' : 'desk.reset.confirm', { name: d.name }),
            okText: t('common.ok'),
            cancelText: t('common.cancel'),
            onOk: async () => {
              desk.setQuery('');
              await desk.mark(d.id, action === 'absent' ? 'absent' : 'pending', null);
            },
            afterClose: () => {
              setModalOpen(false);
              focusSearch();
            },
          });
          break;
      }
    },
    [desk, modal, t, focusSearch],
  );
  /** What every list at the desk is given: the texts, and the acts only for a station that works the desk. */
  const listed = { t, onAction: canDesk ? act : undefined };
  /** The lists that show each delegate's record (when, why) take the records too. */
  const recorded = { ...listed, records };

  const submit = (value: string) => {
    const q = value.trim();
    if (q === '') return;
    const chosen = useDesk.getState().highlightChosen ? results[highlight] : undefined;
    // The whole roster: a non-member's badge at a plenary reaches the backend, which says why not.
    const badge = chosen ? null : badgeOf(q, roster);
    // Clear first: a scanner may already be typing the next badge.
    desk.setQuery('');
    if (badge !== null) void desk.checkInByBadge(badge);
    else {
      const target = chosen ?? results[highlight];
      if (target) void desk.checkIn(target.id);
      else {
        desk.setQuery(value);
        playTone('error');
      }
    }
    focusSearch();
  };

  // Ctrl+Z undoes this station's last check-in, unless a dialog or another text field has the keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!canDesk) return;
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'z') return;
      if (modalOpen || leaveFor || pledgeAsk) return;
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
  }, [canDesk, modalOpen, leaveFor, pledgeAsk, focusSearch]);

  if (!meeting) return <Alert type="info" showIcon title={t('desk.noMeeting')} data-testid="desk-no-meeting" />;

  /** The delegate signed the pledge or refused it: the call, then its tone and note, then the next one. */
  const answerPledge = async (
    call: (delegateId: number, meetingId: number, textId: number) => Promise<Result<unknown>>,
    after: { tone: 'ok' | 'soft'; say: 'success' | 'info'; text: 'pledge.signed' | 'pledge.refused' },
  ) => {
    if (!pledgeAsk || !pledgeText) return null;
    const r = await call(pledgeAsk.delegate.id, meeting.id, pledgeText.id);
    if (!r.ok) return r.error;
    playTone(after.tone);
    void message[after.say](t(after.text, { name: pledgeAsk.delegate.name }));
    pledgeDone();
    return null;
  };

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
            <div className={styles.deskSearchRow}>
              <Input
                ref={search}
                autoFocus
                size="large"
                className={styles.deskSearch}
                data-testid="desk-search"
                placeholder={t('desk.search.placeholder')}
                value={query}
                allowClear
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => desk.setQuery(e.target.value)}
                onKeyDown={(e) => {
                  unlockAudio();
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    desk.moveHighlight(e.key === 'ArrowDown' ? 1 : -1, results.length);
                  } else if (e.key === 'Enter') {
                    e.preventDefault();
                    if (!e.nativeEvent.isComposing) submit(e.currentTarget.value);
                  } else if (e.key === 'Escape') {
                    desk.setQuery('');
                  }
                }}
              />
              <Button
                size="large"
                icon={<UndoOutlined />}
                data-testid="undo-last"
                title={t('desk.undo.shortcut')}
                onClick={() => {
                  void desk.undoLast();
                  focusSearch();
                }}
              >
                {t('desk.undo')}
              </Button>
            </div>
          )}
          {rosterLoaded && roster.length === 0 && <Alert type="warning" showIcon title={t('desk.noRoster')} />}
          {canDesk && query.trim() !== '' && (
            <SearchResults
              results={results}
              statusOf={statusOf}
              highlight={highlight}
              more={found.length > RESULT_LIMIT}
              t={t}
              onHover={(i) => desk.setHighlight(i)}
              onAction={act}
            />
          )}
          {canDesk && <DeskBanner banner={banner} t={t} />}
        </div>
        <div className={styles.deskRight} ref={listRef}>
          <Tabs
            size="small"
            className={styles.deskTabs}
            items={[
              {
                key: 'not-arrived',
                label: t('desk.tab.notArrived', { n: lists.notArrived.length }),
                children: <NotArrivedList {...listed} delegates={lists.notArrived} height={listHeight - 90} />,
              },
              {
                key: 'delegations',
                label: t('desk.tab.byDelegation'),
                children: <DelegationTable rows={summary?.byDelegation ?? []} t={t} height={listHeight - 110} />,
              },
              // A plenary has no 列席 or 候补: only its members attend.
              ...(memberKey !== null
                ? []
                : [
                    {
                      key: 'nonvoting',
                      label: t('desk.tab.nonvoting', { n: lists.nonvoting.length }),
                      children: <NonVotingList {...recorded} delegates={lists.nonvoting} height={listHeight - 110} />,
                    },
                  ]),
              {
                key: 'excluded',
                label: t('desk.tab.excluded', { n: exclusions.size }),
                children: (
                  <ExcludedList
                    exclusions={exclusions}
                    candidates={lists.excludable}
                    byId={byId}
                    t={t}
                    height={listHeight - 110}
                    canExclude={canExclude}
                    onExclude={excludeDelegate}
                    onRevoke={revokeExclusion}
                  />
                ),
              },
              {
                key: 'leave-absent',
                label: t('desk.tab.leaveAbsent', { n: lists.leaveAbsent.length }),
                children: <LeaveAbsentList {...recorded} delegates={lists.leaveAbsent} height={listHeight - 90} />,
              },
            ]}
          />
        </div>
      </div>
      <LeaveModal
        delegate={leaveFor}
        t={t}
        onClose={() => {
          setLeaveFor(null);
          focusSearch();
        }}
        onSubmit={async (reason) => {
          if (!leaveFor) return null;
          desk.setQuery('');
          const r = await desk.mark(leaveFor.id, 'leave', reason);
          return r.ok ? null : errorTextNow(r.error);
        }}
      />
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
    </div>
  );
}
