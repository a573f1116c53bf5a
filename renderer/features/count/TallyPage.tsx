import { Button, Spin } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { roundLabel } from '../contests/labels.js';
import { currentRound, paperOrder, type RoundResult } from '../contests/store.js';
import { BoardFrame, boardNotice, useUpdatedAt } from './BoardPage.js';
// The board's frame first: the tally's head then sets its own padding over it.
import board from './BoardPage.module.css';
import styles from './TallyPage.module.css';
import type { ContestDetail } from './types.js';

/** 正 strokes as on a paper board: one 正 per five, then 一 丅 下 止 for the rest. */
const PARTIAL = ['', '一', '丅', '下', '止'];
export const strokes = (n: number): string => '正'.repeat(Math.floor(n / 5)) + PARTIAL[n % 5];

/**
 * `#/tally?contest=ID`: the live count for the hall's projector, in a window of its own, no
 * app chrome and no operator (it only reads). The contest and its current round's result come
 * from the fetch layer: each committed ballot arrives as a change event and re-reads
 * `rounds.result`, a rerun opened re-reads the contest and so its current round; no polling.
 */
export function TallyPage() {
  const t = useT();
  const status = useCongress((s) => s.status);
  const path = useCongress((s) => s.file?.path ?? '');
  const congressName = useCongress((s) => s.file?.congress.name ?? '');
  const param = useRoute((s) => s.query.contest);
  const contestId = param && /^\d+$/.test(param) ? Number(param) : null;
  const contest = useCall('contests.get', path && contestId !== null ? { contestId } : null);
  const detail = contest.data ?? null;
  const round = detail ? currentRound(detail.rounds) : null;
  const tally = useCall('rounds.result', round ? { roundId: round.id } : null);
  // A result of the round shown only: while a rerun's result is read, the last round's stays off.
  const result = tally.data && tally.data.round.id === round?.id ? tally.data : null;
  const error = contest.error ?? tally.error;
  /** Draw the tally in 正 strokes, as on a paper board. */
  const [showStrokes, setStrokes] = useState(false);

  const updatedAt = useUpdatedAt(result);

  const notice = boardNotice(status, path, t);
  let body: ReactNode;
  if (notice) body = notice;
  else if (contestId === null) body = <div className={board.boardMessage}>{t('tally.noContest')}</div>;
  else if (!detail) body = error ? null : <Spin size="large" />;
  else if (!result) body = <div className={board.boardMessage}>{t('tally.noBallots')}</div>;
  else body = <TallyBody result={result} detail={detail} strokes={showStrokes} t={t} />;

  return (
    <BoardFrame
      testId="tally"
      ready={result !== null}
      error={error}
      headClassName={styles.tallyHead}
      bodyClassName={styles.tallyBody}
      head={
        <>
          <div className={styles.tallyCongress}>{congressName || t('app.name')}</div>
          {detail && (
            <div className={styles.tallyTitle} data-testid="tally-title">
              {detail.contest.title}
              {result && <span className={styles.tallyRound}>{roundLabel(t, result.round)}</span>}
            </div>
          )}
        </>
      }
      title={t('tally.title')}
      updated={result && updatedAt ? t('board.updated', { time: updatedAt }) : null}
      buttons={
        <Button
          type="text"
          size="small"
          className={board.boardFullscreen}
          data-testid="tally-strokes"
          onClick={() => setStrokes((x) => !x)}
        >
          {t(showStrokes ? 'tally.bars' : 'tally.strokes')}
        </Button>
      }
      t={t}
    >
      {body}
    </BoardFrame>
  );
}

function TallyBody(props: { result: RoundResult; detail: ContestDetail; strokes: boolean; t: Translate }) {
  const { result, detail, t } = props;
  const { round, tally, decision } = result;
  const candidates = paperOrder(round, detail.candidates);
  const rows = [
    ...candidates.map((c, i) => ({
      key: `c${c.id}`,
      name: c.name,
      votes: tally.candidates[i]?.for ?? 0,
      writeIn: false,
    })),
    ...tally.writeIns.map((w) => ({ key: `w${w.name}`, name: w.name, votes: w.for, writeIn: true })),
  ];
  const scale = Math.max(decision.basis, round.collected ?? 0, ...rows.map((r) => r.votes), 1);
  const linePct = (decision.threshold / scale) * 100;
  const rowHeight = `min(8vh, ${(50 / Math.max(rows.length, 1)).toFixed(2)}vh)`;
  const provisional = result.provisional.filter((p) => p !== 'not_closed' || round.status !== 'closed');

  return (
    <>
      <section className={styles.tallyStats}>
        <Stat label={t('tally.counted')} testId="tally-counted">
          {tally.counted + tally.pendingSetAside}
          <small> / {round.collected ?? '–'}</small>
        </Stat>
        <Stat label={t('tally.valid')} testId="tally-valid">
          {tally.valid}
        </Stat>
        <Stat label={t('tally.invalid')} testId="tally-invalid">
          {tally.invalid}
        </Stat>
        <Stat label={t(decision.basisKind === 'due' ? 'tally.basis.due' : 'tally.basis.present')} testId="tally-basis">
          {decision.basis}
        </Stat>
        <div className={styles.tallyLineLabel} data-testid="tally-threshold" data-threshold={decision.threshold}>
          {t('tally.threshold', { n: decision.threshold })}
        </div>
      </section>
      <div
        className={`${styles.tallyState} ${round.status === 'closed' ? styles.tallyFinal : styles.tallyProvisional}`}
        data-testid="tally-state"
        data-provisional={provisional.length > 0}
      >
        {round.status === 'closed'
          ? t('tally.final')
          : t('tally.provisional', {
              reasons: provisional
                .map((p) => t(`results.provisional.${p}` as MessageKey))
                .join(t('list.clauseSeparator')),
            })}
      </div>
      <section className={styles.tallyRows} style={{ '--row-h': rowHeight } as CSSProperties}>
        {rows.map((r) => {
          const passing = r.votes >= decision.threshold;
          return (
            <div
              key={r.key}
              className={`${styles.tallyRow}${passing ? ` ${styles.tallyPass}` : ''}${r.writeIn ? ` ${styles.tallyWritein}` : ''}`}
              data-testid="tally-row"
              data-name={r.name}
              data-votes={r.votes}
            >
              <div className={styles.tallyName}>
                {r.writeIn && <span className={styles.tallyWriteinMark}>{t('tally.writeIn')}</span>}
                {r.name}
              </div>
              <div className={styles.tallyTrack}>
                {props.strokes ? (
                  <div className={styles.tallyStrokes}>{strokes(r.votes)}</div>
                ) : (
                  <div className={styles.tallyBar} style={{ width: `${(r.votes / scale) * 100}%` }} />
                )}
                {!props.strokes && <div className={styles.tallyThresholdLine} style={{ left: `${linePct}%` }} />}
              </div>
              <div className={styles.tallyVotes}>{r.votes}</div>
            </div>
          );
        })}
      </section>
    </>
  );
}

function Stat(props: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className={styles.tallyStat}>
      <div className={styles.tallyStatLabel}>{props.label}</div>
      <div className={styles.tallyStatValue} data-testid={props.testId}>
        {props.children}
      </div>
    </div>
  );
}
