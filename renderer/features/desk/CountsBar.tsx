import { memo } from 'react';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import styles from './CountsBar.module.css';

/** A tile's tone: the main figures large, those counted apart in blue (none for the rest). */
const TONE: Record<'main' | 'muted' | 'apart' | 'plain', string | undefined> = {
  main: styles.countTileMain,
  apart: styles.countTileApart,
  muted: undefined,
  plain: undefined,
};

interface Tile {
  key: string;
  label: MessageKey;
  value: number | undefined;
  tone?: 'main' | 'muted' | 'apart';
  note?: string;
}

/** 应到 实到 请假 缺席 列席 候补 and the quorum state: always on screen at the desk. */
export const CountsBar = memo(function CountsBar(props: { summary: AttendanceSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  const tiles: Tile[] = [
    { key: 'due', label: 'count.due', value: s?.due, tone: 'main' },
    { key: 'present', label: 'count.present', value: s?.present, tone: 'main' },
    { key: 'leave', label: 'count.leave', value: s?.leave },
    {
      key: 'absent',
      // Before the meeting starts nobody is absent yet: those not here are 未到.
      label: s?.started ? 'desk.count.absent' : 'desk.count.notArrived',
      value: s?.absent,
      note: s && s.markedAbsent > 0 ? t('count.absent.marked', { n: s.markedAbsent }) : undefined,
    },
    // Rule 16: approved exclusions, shown so that 应到 can be checked against the roster.
    ...(s && s.exclusions.length > 0
      ? [{ key: 'excluded', label: 'count.excluded' as const, value: s.exclusions.length, tone: 'apart' as const }]
      : []),
    // A plenary (rule 14) has no 列席 or 候补: only its members attend.
    ...(s?.electorate === 'members'
      ? []
      : [
          { key: 'nonvoting', label: 'count.nonvoting' as const, value: s?.nonvotingPresent, tone: 'apart' as const },
          { key: 'alternate', label: 'count.alternate' as const, value: s?.alternatePresent, tone: 'apart' as const },
        ]),
  ];
  return (
    <section className={styles.countsBar} data-testid="counts-bar">
      {tiles.map((tile) => (
        <div key={tile.key} className={`${styles.countTile} ${TONE[tile.tone ?? 'plain'] ?? ''}`}>
          <div className={styles.countLabel} data-testid={`count-label-${tile.key}`}>
            {t(tile.label)}
          </div>
          <div className={styles.countValue} data-testid={`count-${tile.key}`}>
            {tile.value ?? '–'}
          </div>
          {tile.note && <div className={styles.countNote}>{tile.note}</div>}
        </div>
      ))}
      <QuorumState summary={s} t={t} />
    </section>
  );
});

function QuorumState(props: { summary: AttendanceSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  if (!s) return <div className={`${styles.quorumState} ${styles.quorumUnknown}`} data-testid="quorum-state" />;
  if (s.due === 0) {
    return (
      <div className={`${styles.quorumState} ${styles.quorumUnknown}`} data-testid="quorum-state" data-met="false">
        <div className={styles.quorumMain}>{t('quorum.noDelegates')}</div>
      </div>
    );
  }
  const { met, needed, allowEqual } = s.quorum;
  return (
    <div
      className={`${styles.quorumState} ${met ? styles.quorumMet : styles.quorumNotMet}`}
      data-testid="quorum-state"
      data-met={met}
    >
      {met ? (
        <div className={styles.quorumMain}>
          {t('quorum.met', {
            present: s.present,
            due: s.due,
            op: allowEqual && 5 * s.present === 4 * s.due ? '=' : '>',
          })}
        </div>
      ) : (
        <>
          <div
            className={`${styles.quorumMain} ${styles.quorumNeeded}`}
            data-testid="quorum-needed"
            data-needed={needed}
          >
            {t('quorum.notMet', { needed })}
          </div>
          <div className={styles.quorumDetail}>
            {t(allowEqual ? 'quorum.notMet.detailEqual' : 'quorum.notMet.detail', { due: s.due })}
          </div>
        </>
      )}
    </div>
  );
}
