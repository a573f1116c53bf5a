import { Button, Empty, Input, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PaperMark } from '../../../core/election-types.js';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatTime } from '../../lib/paths.js';
import { MARK_SYMBOL, marksLine } from '../contests/labels.js';
import styles from './BallotLists.module.css';
import { paperLabel, paperNo } from './paper-label.js';
import type { Ballot, Candidate, StackComparison, StackSummary } from './types.js';

/** The paper's number, and under it which correction this version is. */
function PaperNoCell(props: { ballot: Ballot; t: Translate }) {
  const { ballot: b, t } = props;
  return (
    <span className={styles.paperNo}>
      {paperNo(b)}
      {b.version > 0 && <span className={styles.paperVersion}>{t('count.version', { v: b.version })}</span>}
    </span>
  );
}

const paperRow = (b: Ballot) => ({
  seq: b.seq,
  no: b.no,
  version: b.version,
  state: b.state,
  valid: b.valid,
});

export function BallotStateTag(props: { ballot: Ballot; t: Translate }) {
  const { ballot: b, t } = props;
  if (b.state === 'voided') return <Tag>{t('count.state.voided')}</Tag>;
  if (b.state === 'superseded') return <Tag>{t('count.state.superseded')}</Tag>;
  if (b.state === 'set_aside' && b.valid === null) return <Tag color="purple">{t('count.state.setAside')}</Tag>;
  const verdict = b.valid
    ? { color: 'success', testId: 'ballot-valid', text: t('count.valid') }
    : { color: 'error', testId: 'ballot-invalid', text: t('count.invalid') };
  return (
    <Tag color={verdict.color} data-testid={verdict.testId}>
      {verdict.text}
    </Tag>
  );
}

/** A paper's marks: each candidate's name with its mark, then the write-ins (·: none). */
function PaperMarks(props: {
  paper: { marks: readonly PaperMark[]; writeIns: readonly { name: string; mark: PaperMark }[] };
  candidates: Candidate[];
  markClass: string | undefined;
  diffClass?: (index: number, mark: PaperMark) => string | undefined;
}) {
  const { paper, markClass } = props;
  return (
    <>
      {props.candidates.map((c, i) => {
        const m = paper.marks[i] ?? 'none';
        const diff = props.diffClass?.(i, m);
        return (
          <span key={c.id} className={diff ? `${markClass} ${diff}` : markClass}>
            {c.name}
            <b>{MARK_SYMBOL[m] || '·'}</b>
          </span>
        );
      })}
      {paper.writeIns.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of one ballot
        <span key={`w${i}`} className={markClass}>
          +{w.name}
          <b>{MARK_SYMBOL[w.mark] || '·'}</b>
        </span>
      ))}
    </>
  );
}

/** Correcting and voiding a paper; none for a role that may not (then the button is not shown). */
interface PaperActions {
  onCorrect?: ((b: Ballot) => void) | undefined;
  onVoid?: ((b: Ballot) => void) | undefined;
}

/** The columns of a list of papers: number, marks, state, and what the station may do to it. */
function paperColumns(t: Translate, { onCorrect, onVoid }: PaperActions): TableColumnsType<Ballot> {
  const columns: TableColumnsType<Ballot> = [
    { title: t('count.ballot.no'), key: 'no', width: 84, render: (_, b) => <PaperNoCell ballot={b} t={t} /> },
    {
      title: t('count.ballot.marks'),
      key: 'marks',
      render: (_, b) => <span className={styles.marksLine}>{marksLine(b.marks, b.writeIns)}</span>,
    },
    { title: '', key: 'state', width: 86, render: (_, b) => <BallotStateTag ballot={b} t={t} /> },
  ];
  if (!onCorrect && !onVoid) return columns;
  const stop = (e: React.MouseEvent, act: () => void) => {
    e.stopPropagation();
    act();
  };
  columns.push({
    title: '',
    key: 'actions',
    width: 116,
    render: (_, b) =>
      (b.state === 'counted' || b.state === 'set_aside') && (
        <Space size={0}>
          {onCorrect && (
            <Button size="small" type="link" data-testid="ballot-correct" onClick={(e) => stop(e, () => onCorrect(b))}>
              {t('count.correct')}
            </Button>
          )}
          {onVoid && (
            <Button size="small" type="link" danger data-testid="ballot-void" onClick={(e) => stop(e, () => onVoid(b))}>
              {t('count.void')}
            </Button>
          )}
        </Space>
      ),
  });
  return columns;
}

const withdrawn = (b: Ballot) =>
  b.state === 'voided' || b.state === 'superseded' ? styles.ballotWithdrawn : undefined;

/** The last ballots entered in the round, newest first: correct or void one, with a reason. */
export function RecentBallots(props: { ballots: Ballot[]; t: Translate } & PaperActions) {
  const { t } = props;
  const rows = [...props.ballots].sort((a, b) => b.seq - a.seq).slice(0, 12);
  return (
    <DataTable<Ballot>
      testId="recent-ballots"
      rowKey="id"
      columns={paperColumns(t, props)}
      dataSource={rows}
      emptyText={t('count.recent.empty')}
      row={(b) => ({ testId: 'recent-ballot', data: paperRow(b), className: withdrawn(b) })}
    />
  );
}

/**
 * One row per paper, its latest version: the live papers by their number (1…n), then those
 * voided. The versions a correction replaced are in the paper's own view (PaperView).
 */
export const papersOf = (ballots: readonly Ballot[]): Ballot[] =>
  ballots
    .filter((b) => b.state !== 'superseded')
    .sort((a, b) => (a.no ?? Number.MAX_SAFE_INTEGER) - (b.no ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq);

/** Every paper of the round: opened by a click (read only), corrected or voided where allowed. */
export function PapersList(
  props: { ballots: Ballot[]; t: Translate; height?: number; onOpen?: (b: Ballot) => void } & PaperActions,
) {
  const { t, onOpen } = props;
  return (
    <DataTable<Ballot>
      testId="count-papers"
      rowKey="id"
      columns={paperColumns(t, props)}
      dataSource={papersOf(props.ballots)}
      emptyText={t('count.papers.empty')}
      {...(props.height !== undefined ? { height: props.height } : {})}
      row={(b) => ({
        testId: 'count-paper',
        data: paperRow(b),
        className: withdrawn(b),
        ...(onOpen ? { onClick: () => onOpen(b) } : {}),
      })}
    />
  );
}

/** Ballots the counters set aside: the chief scrutineer's decision, recorded with who made it. */
export function SetAsideQueue(props: {
  ballots: Ballot[];
  candidates: Candidate[];
  t: Translate;
  onDecide(b: Ballot, verdict: 'as_entered' | 'invalid', note: string | null): Promise<AppError | null>;
}) {
  const { t, candidates } = props;
  const waiting = props.ballots.filter((b) => b.state === 'set_aside' && b.decision === null);
  const decided = props.ballots.filter((b) => b.decision !== null).sort((a, b) => b.seq - a.seq);
  return (
    <div className={styles.setaside} data-testid="setaside-queue">
      {waiting.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('count.setAside.empty')} />}
      {waiting.map((b) => (
        <SetAsideItem key={b.id} ballot={b} candidates={candidates} t={t} onDecide={props.onDecide} />
      ))}
      {decided.length > 0 && (
        <>
          <Typography.Title level={5}>{t('count.setAside.decided')}</Typography.Title>
          {decided.map((b) => (
            <div key={b.id} className={styles.setasideDecided} data-testid="setaside-decided">
              <span>{paperLabel(t, b)}</span>
              <span className={styles.marksLine}>{marksLine(b.marks, b.writeIns)}</span>
              <Tag color={b.decision?.verdict === 'invalid' ? 'error' : 'success'}>
                {t(b.decision?.verdict === 'invalid' ? 'count.decide.invalid' : 'count.decide.asEntered')}
              </Tag>
              <Typography.Text type="secondary">
                {t('count.decidedBy', { by: b.decision?.by ?? '', at: formatTime(b.decision?.at ?? '') })}
                {b.decision?.note ? ` · ${b.decision.note}` : ''}
              </Typography.Text>
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function SetAsideItem(props: {
  ballot: Ballot;
  candidates: Candidate[];
  t: Translate;
  onDecide(b: Ballot, verdict: 'as_entered' | 'invalid', note: string | null): Promise<AppError | null>;
}) {
  const { ballot: b, candidates, t } = props;
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const decide = async (verdict: 'as_entered' | 'invalid') => {
    setError(await props.onDecide(b, verdict, note.trim() || null));
  };
  return (
    <div className={styles.setasideItem} data-testid="setaside-item" data-seq={b.seq}>
      <div className={styles.setasideHead}>
        <strong>{paperLabel(t, b)}</strong>
        <Typography.Text type="secondary">
          {t('count.enteredBy', { by: b.enteredBy, at: formatTime(b.enteredAt) })}
        </Typography.Text>
      </div>
      <div className={styles.setasideMarks}>
        <PaperMarks paper={b} candidates={candidates} markClass={styles.setasideMark} />
      </div>
      <Typography.Text type="secondary">{t('count.setAside.chosen', { n: b.chosen })}</Typography.Text>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Space.Compact block className="setaside-actions">
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('count.decide.note')}
          data-testid="setaside-note"
        />
        <Button data-testid="setaside-as-entered" onClick={() => void decide('as_entered')}>
          {t('count.decide.asEntered')}
        </Button>
        <Button danger data-testid="setaside-invalid" onClick={() => void decide('invalid')}>
          {t('count.decide.invalid')}
        </Button>
      </Space.Compact>
    </div>
  );
}

/** The two entries of a stack's position, side by side: settling keeps one of them. */
const ENTRIES = [
  { keep: 1, testId: 'settle-first', label: 'count.stacks.keepFirst' },
  { keep: 2, testId: 'settle-second', label: 'count.stacks.keepSecond' },
] as const;

/** Double entry: the stacks, and a stack's differing positions side by side to settle. */
export function StacksPanel(props: {
  stacks: StackSummary[];
  candidates: Candidate[];
  t: Translate;
  onCompare(stack: number): Promise<{ ok: true; value: StackComparison } | { ok: false; error: AppError }>;
  /** None for a role that may not settle (counters): the comparison only shows. */
  onSettle?: ((stack: number, position: number, keep: 1 | 2) => Promise<AppError | null>) | undefined;
}) {
  const { t, candidates } = props;
  const settle = props.onSettle;
  const [open, setOpen] = useState<number | null>(null);
  const [rows, setRows] = useState<StackComparison>([]);
  const [error, setError] = useState<AppError | null>(null);

  const load = async (stack: number) => {
    setOpen(stack);
    setError(null);
    const r = await props.onCompare(stack);
    if (r.ok) setRows(r.value.filter((x) => !x.same));
    else setError(r.error);
  };

  const columns: TableColumnsType<StackSummary> = [
    { title: t('count.stack'), dataIndex: 'stack', width: 60 },
    { title: t('count.entry.first'), dataIndex: 'first', width: 70 },
    { title: t('count.entry.second'), dataIndex: 'second', width: 70 },
    {
      title: t('count.stacks.differences'),
      dataIndex: 'differences',
      width: 70,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: '',
      key: 'state',
      render: (_, s) => (
        <Space>
          {s.reconciled ? (
            <Tag color="success">{t('count.stacks.reconciled')}</Tag>
          ) : (
            <Tag color="warning">{t('count.stacks.open')}</Tag>
          )}
          {s.differences > 0 && (
            <Button size="small" data-testid="stack-compare" onClick={() => void load(s.stack)}>
              {t('count.stacks.compare')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const side = (b: StackComparison[number]['first'], other: StackComparison[number]['first']) =>
    b ? (
      <div className={styles.compareSide}>
        <PaperMarks
          paper={b}
          candidates={candidates}
          markClass={styles.compareMark}
          // A mark the other entry of the position does not have stands out.
          diffClass={(i, m) => ((other?.marks[i] ?? null) !== m ? styles.compareDiff : undefined)}
        />
      </div>
    ) : (
      <Typography.Text type="secondary">{t('count.stacks.missing')}</Typography.Text>
    );

  return (
    <div data-testid="stacks-panel">
      <DataTable<StackSummary>
        testId="stacks-table"
        rowKey="stack"
        columns={columns}
        dataSource={props.stacks}
        emptyText={t('count.stacks.empty')}
        row={(s) => ({ testId: 'stack-row', data: { stack: s.stack } })}
      />
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {open !== null && (
        <div className={styles.compare} data-testid="stack-comparison">
          <Typography.Title level={5}>{t('count.stacks.comparing', { stack: open, n: rows.length })}</Typography.Title>
          {rows.map((r) => (
            <div key={r.position} className={styles.compareRow} data-testid="compare-row" data-position={r.position}>
              <div className="compare-pos">#{r.position}</div>
              {ENTRIES.map((e) => (
                <div key={e.keep}>
                  {e.keep === 1 ? side(r.first, r.second) : side(r.second, r.first)}
                  {settle && (
                    <Button
                      size="small"
                      data-testid={e.testId}
                      onClick={async () => {
                        const failed = await settle(open, r.position, e.keep);
                        if (failed) setError(failed);
                        else void load(open);
                      }}
                    >
                      {t(e.label)}
                    </Button>
                  )}
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
