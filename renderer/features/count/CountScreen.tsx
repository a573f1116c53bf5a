import { Alert, Button, Spin } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { MarkingConvention } from '../../../core/election-types.js';
import { countView } from '../../../core/round-state.js';
import { invoke } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ReasonModal } from '../../components/ReasonModal.js';
import { searchDelegates } from '../../lib/search.js';
import { useCan, useStation } from '../operators/station-store.js';
import { useDelegates } from '../roster/delegates.js';
import { BallotSheet } from './BallotSheet.js';
import { CountHead } from './CountHead.js';
import styles from './CountScreen.module.css';
import { CountSide } from './CountSide.js';
import { useCommitQueue } from './commit-queue.js';
import { paperLabel } from './paper-label.js';
import { contestConvention } from './preview.js';
import { RoundRecord } from './RoundRecord.js';
import { isStanding, useSheet } from './sheet.js';
import { sheetAction } from './sheet-keys.js';
import { unlockAudio } from './sound.js';
import type { Ballot } from './types.js';
import { useCountRound } from './use-count-round.js';
import { LastLine, ValidityLine } from './ValidityLine.js';
import { earlierWriteIns, writeInSuggestions } from './write-in-suggestions.js';

const isTextEntry = (el: EventTarget | null): boolean => {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return type !== 'radio' && type !== 'checkbox' && type !== 'button';
};

/**
 * `#/count?round=ID`: ballot entry for a counter with a stack of papers, keyboard first (the
 * keys: sheet-keys.ts). The round and its ballots come from the fetch layer; the paper being
 * keyed is the sheet (sheet.ts), and Enter hands it to the commit queue (commit-queue.ts).
 */
export function CountScreen() {
  const t = useT();
  const roundParam = useRoute((s) => s.query.round);
  const roundId = roundParam && /^\d+$/.test(roundParam) ? Number(roundParam) : null;
  const data = useCountRound(roundId);
  const { round, detail, candidates, context, ballots, stacks, result } = data;
  const contest = detail?.contest ?? null;
  const s = useSheet();
  const pending = useCommitQueue((q) => q.pending.length);
  const unreachable = useCommitQueue((q) => q.unreachable);
  // The congress setting is the fallback when the contest has no convention of its own.
  const settingsMarking = useCongress((x) => x.file?.congress.settings.marking);
  // By value: the contest is read again after every ballot, its convention seldom changes.
  const conventionKey = JSON.stringify(contestConvention(contest ?? undefined, settingsMarking));
  const convention = useMemo(() => JSON.parse(conventionKey) as MarkingConvention, [conventionKey]);
  const { delegates } = useDelegates();
  const [voiding, setVoiding] = useState<Ballot | null>(null);
  const [askReason, setAskReason] = useState(false);
  // Keying ballots is for counters and scrutineers; another role sees the count, read only.
  const canEnter = useCan('ballots.enter');
  const role = useStation((x) => x.operator?.role ?? null);

  // The sheet follows the round as read; before paint, so that no frame shows an empty paper.
  const seats = round?.seats ?? null;
  const doubleEntry = contest?.doubleEntry ?? false;
  const loaded = detail !== null;
  useLayoutEffect(() => {
    useSheet
      .getState()
      .setRound(
        roundId !== null && seats !== null && loaded
          ? { roundId, candidates, seats, convention, context, doubleEntry }
          : null,
      );
  }, [roundId, candidates, seats, convention, context, doubleEntry, loaded]);
  useEffect(() => () => useSheet.getState().setRound(null), []);

  const standing = useMemo(() => ballots.filter(isStanding), [ballots]);
  const entered = doubleEntry ? standing.filter((b) => b.entry === s.entry).length : standing.length;
  const inStack = standing.filter((b) => b.stack === s.stack && b.entry === s.entry).length;
  // The sheet only while the round state machine lets papers be keyed (issue 15 item 3).
  const view = round ? countView(round) : null;
  const open = view === 'keying';
  const entering = open && canEnter;
  const modalOpen = voiding !== null || askReason;
  /** Correcting and voiding a paper both ask the reason, and take no paper without one. */
  const reasonAsked = { label: t('count.reason'), okText: t('common.ok'), required: true, t };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the verdict follows the paper
  const verdict = useMemo(() => s.verdict(), [s.marks, s.writeIns, s.touched, s.round]);

  const earlier = useMemo(() => earlierWriteIns(ballots), [ballots]);
  const suggestions = useCallback(
    (typed: string) =>
      writeInSuggestions(typed, earlier, (q, limit) => searchDelegates(delegates, q, limit).map((d) => d.name)),
    [earlier, delegates],
  );

  // The keys of the sheet, unless a text field or a dialog has them.
  useEffect(() => {
    if (!entering || modalOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTextEntry(e.target)) return;
      if (e.target instanceof HTMLElement && e.target.closest('.ant-modal, .ant-select-dropdown')) return;
      const sheet = useSheet.getState();
      if (sheet.writeIns.some((w) => w.editing)) return;
      unlockAudio();
      const action = sheetAction(e.key, {
        correcting: sheet.correcting !== null,
        onWriteIn: sheet.cursor >= (sheet.round?.candidates.length ?? 0),
      });
      if (!action) return;
      if (action.kind === 'askReason') setAskReason(true);
      else sheet.perform(action);
      // Also keeps Enter/space from pressing a focused button.
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [entering, modalOpen]);

  if (roundId === null) return <Alert type="warning" showIcon title={t('count.noRound')} />;
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!round || !detail || !contest) return <Spin />;
  if (view !== null && view !== 'keying') {
    return (
      <RoundRecord
        view={view}
        detail={detail}
        round={round}
        result={result}
        candidates={candidates}
        ballots={ballots}
        convention={convention}
        t={t}
      />
    );
  }
  if (s.round?.roundId !== roundId) return <Spin />;

  return (
    <div className={styles.count} data-testid="count-page" data-round={round.id}>
      <CountHead
        contest={contest}
        round={round}
        entered={entered}
        inStack={inStack}
        pending={pending > 0}
        stack={s.stack}
        entry={s.entry}
        defaultMark={s.defaultMark}
      />
      {open && !canEnter && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          data-testid="count-read-only"
          title={t('count.readOnly', { role: role ? t(`role.${role}`) : '' })}
        />
      )}
      {unreachable && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="count-unreachable"
          title={t('count.queue.unreachable', { n: pending })}
        />
      )}
      {s.error && (
        <ErrorAlert error={s.error} testId="count-error" onClose={() => useSheet.setState({ error: null })} />
      )}
      <div className={styles.countMain}>
        <div className={styles.countLeft}>
          {s.correcting && (
            <Alert
              type="warning"
              showIcon
              data-testid="count-correcting"
              title={t('count.correcting', { paper: paperLabel(t, s.correcting) })}
              action={
                <Button size="small" onClick={() => s.resetSheet()}>
                  {t('common.cancel')}
                </Button>
              }
            />
          )}
          <BallotSheet
            candidates={candidates}
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
              if (enter && useSheet.getState().correcting) {
                s.finishWriteInName(index);
                setAskReason(true);
              } else s.finishWriteInName(index, enter);
            }}
            onWriteInRemove={s.removeWriteIn}
          />
          <ValidityLine verdict={verdict} seats={round.seats} confirming={s.confirming} t={t} />
          <LastLine t={t} />
          <div className={styles.countKeys} data-testid="count-keys">
            {t('count.keys')}
          </div>
        </div>
        <div className={styles.countRight}>
          <CountSide
            roundId={round.id}
            doubleEntry={doubleEntry}
            ballots={ballots}
            candidates={candidates}
            stacks={stacks}
            onVoid={setVoiding}
          />
        </div>
      </div>
      <ReasonModal
        {...reasonAsked}
        open={askReason}
        title={t('count.correct.title', { paper: s.correcting ? paperLabel(t, s.correcting) : '' })}
        testIdPrefix="correct"
        onClose={() => setAskReason(false)}
        onSubmit={async (reason) => {
          const r = await s.finishCorrecting(reason ?? '');
          return r.ok ? null : r.error;
        }}
      />
      <ReasonModal
        {...reasonAsked}
        open={voiding !== null}
        title={t('count.void.title', { paper: voiding ? paperLabel(t, voiding) : '' })}
        danger
        testIdPrefix="void"
        onClose={() => setVoiding(null)}
        onSubmit={async (reason) => {
          if (!voiding) return null;
          const r = await invoke('ballots.void', { ballotId: voiding.id, reason: reason ?? '' });
          // A voided paper leaves the stack: the line names the number it had.
          if (r.ok) s.noteVoided({ ...r.value, no: voiding.no });
          return r.ok ? null : r.error;
        }}
      />
    </div>
  );
}
