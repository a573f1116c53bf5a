import { Tabs } from 'antd';
import { memo } from 'react';
import type { AppError, Result } from '../../../core/result.js';
import { invoke } from '../../api/index.js';
import { useT } from '../../app/language.js';
import { useCan } from '../operators/station-store.js';
import { PapersList, RecentBallots, SetAsideQueue, StacksPanel } from './BallotLists.js';
import { useSheet } from './sheet.js';
import type { Ballot, Candidate, StackSummary } from './types.js';

/** The store's refusal, or null once the call went through (the lists follow the change event). */
async function refusal<T>(call: Promise<Result<T>>): Promise<AppError | null> {
  const r = await call;
  return r.ok ? null : r.error;
}

/**
 * The lists beside the sheet. Kept apart and memoised: a mark key changes only the sheet,
 * and re-rendering every recent ballot on each key press made keying slow.
 */
export const CountSide = memo(function CountSide(props: {
  roundId: number;
  doubleEntry: boolean;
  ballots: Ballot[];
  candidates: Candidate[];
  stacks: StackSummary[];
  onVoid: (ballot: Ballot) => void;
}) {
  const t = useT();
  const { roundId, doubleEntry, ballots, candidates, stacks, onVoid } = props;
  const setAsideCount = ballots.filter((b) => b.state === 'set_aside' && b.decision === null).length;
  const canCorrect = useCan('ballots.correct');
  const canVoid = useCan('ballots.void');
  const canSettle = useCan('stacks.settle');
  const actions = {
    onCorrect: canCorrect ? (b: Ballot) => useSheet.getState().startCorrecting(b) : undefined,
    onVoid: canVoid ? onVoid : undefined,
  };
  return (
    <Tabs
      size="small"
      items={[
        {
          key: 'recent',
          label: <span data-testid="count-tab-recent">{t('count.tab.recent')}</span>,
          children: <RecentBallots ballots={ballots} t={t} {...actions} />,
        },
        {
          // Every paper by its number: paper 37 of 110 is not among the last twelve (issue 15).
          key: 'papers',
          label: <span data-testid="count-tab-papers">{t('count.tab.papers')}</span>,
          children: <PapersList ballots={ballots} t={t} {...actions} />,
        },
        {
          key: 'setaside',
          label: <span data-testid="tab-setaside">{t('count.tab.setAside', { n: setAsideCount })}</span>,
          children: (
            <SetAsideQueue
              ballots={ballots}
              candidates={candidates}
              t={t}
              onDecide={(b, verdict, note) => refusal(invoke('ballots.decide', { ballotId: b.id, verdict, note }))}
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
                    onCompare={(stack) => invoke('stacks.compare', { roundId, stack })}
                    onSettle={
                      canSettle
                        ? (stack, position, keep) =>
                            refusal(invoke('stacks.settle', { roundId, stack, position, keep }))
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
