import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Output } from '../../../core/contract.js';
import type { MarkingConvention } from '../../../core/election-types.js';
import type { CountView } from '../../../core/round-state.js';
import type { Translate } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { RoundStatusTag, roundLabel } from '../contests/labels.js';
import { ResultsPanel } from '../contests/ResultsPanel.js';
import { PapersList, papersOf } from './BallotLists.js';
import styles from './CountScreen.module.css';
import { PaperView } from './PaperView.js';
import type { Ballot, Candidate, ContestDetail, Round } from './types.js';

/** The papers scroll in their column beside the result, at 1366×768 too. */
const PAPERS_HEIGHT = 440;

/** The figures of rule 2 a round keeps: present, printed, issued, spare voided, collected. */
const FIGURES = [
  ['round.votersPresent', 'votersPresent'],
  ['round.printed', 'ballotsPrinted'],
  ['round.issued', 'issued'],
  ['round.spareVoided', 'spareVoided'],
  ['round.collected', 'collected'],
] as const satisfies readonly (readonly [MessageKey, keyof Round])[];

/**
 * The count page of a round no paper can be keyed in (issue 15 item 3; core/round-state.ts
 * `countView`): before its papers are issued and collected, why not and where to do it; once
 * closed, its result and forms; closed or void, its papers, read only. No keying sheet: a
 * closed round used to show one, and in English said "This round is not being counted".
 */
export function RoundRecord(props: {
  view: Exclude<CountView, 'keying'>;
  detail: ContestDetail;
  round: Round;
  result: Output<'rounds.result'> | null;
  /** In paper order. */
  candidates: Candidate[];
  ballots: Ballot[];
  convention: MarkingConvention;
  t: Translate;
}) {
  const { view, detail, round, result, t } = props;
  const { contest } = detail;
  const navigate = useRoute((x) => x.navigate);
  const [open, setOpen] = useState<Ballot | null>(null);
  const toContest = () => navigate('contests', { contest: String(contest.id) });
  const waiting = view === 'not_distributed' || view === 'not_collected';
  return (
    <div className={styles.record} data-testid="count-page" data-round={round.id} data-view={view}>
      <div className={styles.countHead}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} data-testid="count-back" onClick={toContest}>
            {contest.title}
          </Button>
          <Typography.Text strong>{roundLabel(t, round)}</Typography.Text>
          <RoundStatusTag status={round.status} t={t} />
        </Space>
      </div>
      {waiting && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="count-not-open"
          data-view={view}
          title={t(`count.view.${view}`)}
          action={
            <Button size="small" data-testid="count-go-contest" onClick={toContest}>
              {t('count.view.goContest')}
            </Button>
          }
        />
      )}
      {view === 'void' && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="count-void"
          title={t('count.view.void')}
          description={round.voidDeclaration?.reason}
        />
      )}
      {!waiting && (
        <Descriptions size="small" column={5} bordered data-testid="count-figures" title={t('count.view.figures')}>
          {FIGURES.map(([label, key]) => (
            <Descriptions.Item key={key} label={t(label)}>
              {round[key] ?? '–'}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {!waiting && (
        <div className={styles.recordMain}>
          <div>
            {view === 'result' && result && (
              <div data-testid="count-result">
                {/* Deciding on unfilled seats (rule 7) is the contest page's: not offered here. */}
                <ResultsPanel
                  contest={contest}
                  round={round}
                  result={result}
                  candidates={detail.candidates}
                  isLatest={false}
                  t={t}
                />
              </div>
            )}
          </div>
          <div className={styles.countRight}>
            <Typography.Title level={5}>
              {t('count.view.papers', { n: papersOf(props.ballots).length })}
            </Typography.Title>
            <PapersList ballots={props.ballots} t={t} onOpen={setOpen} height={PAPERS_HEIGHT} />
          </div>
        </div>
      )}
      <PaperView
        ballot={open}
        ballots={props.ballots}
        candidates={props.candidates}
        convention={props.convention}
        t={t}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
