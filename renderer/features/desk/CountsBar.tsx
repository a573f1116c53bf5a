import { memo } from 'react';
import type { AttendanceSummary } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';

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
      label: 'count.absent',
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
    <section className="counts-bar" data-testid="counts-bar">
      {tiles.map((tile) => (
        <div key={tile.key} className={`count-tile count-tile-${tile.tone ?? 'plain'}`}>
          <div className="count-label">{t(tile.label)}</div>
          <div className="count-value" data-testid={`count-${tile.key}`}>
            {tile.value ?? '–'}
          </div>
          {tile.note && <div className="count-note">{tile.note}</div>}
        </div>
      ))}
      <QuorumState summary={s} t={t} />
    </section>
  );
});

function QuorumState(props: { summary: AttendanceSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  if (!s) return <div className="quorum-state quorum-unknown" data-testid="quorum-state" />;
  if (s.due === 0) {
    return (
      <div className="quorum-state quorum-unknown" data-testid="quorum-state" data-met="false">
        <div className="quorum-main">{t('quorum.noDelegates')}</div>
      </div>
    );
  }
  const { met, needed, allowEqual } = s.quorum;
  return (
    <div className={`quorum-state ${met ? 'quorum-met' : 'quorum-not-met'}`} data-testid="quorum-state" data-met={met}>
      {met ? (
        <div className="quorum-main">
          {t('quorum.met', {
            present: s.present,
            due: s.due,
            op: allowEqual && 5 * s.present === 4 * s.due ? '=' : '>',
          })}
        </div>
      ) : (
        <>
          <div className="quorum-main quorum-needed" data-testid="quorum-needed" data-needed={needed}>
            {t('quorum.notMet', { needed })}
          </div>
          <div className="quorum-detail">
            {t(allowEqual ? 'quorum.notMet.detailEqual' : 'quorum.notMet.detail', { due: s.due })}
          </div>
        </>
      )}
    </div>
  );
}
