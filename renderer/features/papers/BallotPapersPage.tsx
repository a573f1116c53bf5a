import { InputNumber, Space, Spin, Typography } from 'antd';
import { Fragment, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { Congress } from '../../../core/domain.js';
import { paperInputOf } from '../../../core/paper/input.js';
import { ballotLayout, type PaperInput, type PaperLayout } from '../../../core/paper/layout.js';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PrintToolbar } from '../../components/print/PrintToolbar.js';
import { joinPath, safeFileName } from '../../lib/paths.js';
import { useCalls } from '../contests/calls.js';
import { roundLabel } from '../contests/labels.js';
import { byPosition, type ContestDetail, type Round } from '../contests/store.js';
import styles from './BallotPapersPage.module.css';
import { BallotSheet } from './BallotSheet.js';

/** Copies at most: a typo in the count must not lay out tens of thousands of pages. */
const MAX_COPIES = 5000;

/** One contest's paper of the print run: what the sheet needs. */
interface PaperSpec {
  input: PaperInput;
  layout: PaperLayout;
  subtitle: string;
  contestTitle: string;
  round: Round;
}

type Prepared = { papers: PaperSpec[]; notice: null } | { papers: null; notice: string };

/** A round still to be voted on in this contest: the last one in setup or voting. */
function openRound(detail: ContestDetail): Round | null {
  const open = detail.rounds.filter((r) => r.status === 'setup' || r.status === 'voting');
  return open[open.length - 1] ?? null;
}

function prepare(
  congress: Congress,
  items: readonly { detail: ContestDetail; round: Round }[],
  t: Translate,
): Prepared {
  const papers: PaperSpec[] = [];
  for (const { detail, round } of items) {
    const { contest } = detail;
    const byId = new Map(detail.candidates.map((c) => [c.id, c]));
    const candidates = round.candidateIds.map((id) => ({ id, name: byId.get(id)?.name ?? '' }));
    if (candidates.length === 0 || candidates.some((c) => c.name === '')) {
      return { papers: null, notice: t('papers.notApproved', { title: contest.title }) };
    }
    const input = paperInputOf(congress, contest, round, candidates);
    let layout: PaperLayout;
    try {
      layout = ballotLayout(input);
    } catch {
      return { papers: null, notice: t('papers.tooMany', { title: contest.title, n: candidates.length }) };
    }
    papers.push({
      input,
      layout,
      subtitle: roundLabel(t, round),
      contestTitle: t(contest.kind === 'prevote' ? 'papers.contestTitle.prevote' : 'papers.contestTitle', {
        title: contest.title,
      }),
      round,
    });
  }
  return { papers, notice: null };
}

/**
 * `#/print/ballot-papers?round=ID`: the round's ballot papers, one page each, as many as the round
 * records as printed (`ballotsPrinted`); before that is recorded the toolbar asks how many
 * (default: voters present, else those due; `copies=N` in the link sets it).
 * `#/print/ballot-papers?group=NAME&meeting=ID`: a paper group voted together (rule 10), for each
 * copy one sheet per contest of the group in contest order. Every copy is the same paper: no
 * serial and no page number is printed (a paper must not be traceable to a voter).
 */
export function BallotPapersPage() {
  const query = useRoute((s) => s.query);
  // The print window is reused for the next round's papers (same window name): a count asked for
  // one round must not carry over to another, so each link starts afresh.
  return <PapersOf key={new URLSearchParams(query).toString()} query={query} />;
}

function PapersOf({ query }: { query: Record<string, string> }) {
  const t = useT();
  const congress = useCongress((s) => s.file?.congress ?? null);
  const status = useCongress((s) => s.status);
  const openError = useCongress((s) => s.openError);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');

  const asId = (v: string | undefined): number | null => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const roundId = asId(query.round);
  const group = query.group ?? null;
  const meetingParam = asId(query.meeting);

  // One round: its contest through the round's result (the round names its contest).
  const roundResult = useCall('rounds.result', roundId === null ? null : { roundId });
  const roundContestId = roundResult.data?.round.contestId ?? null;
  // A paper group: the meeting's contests of that group.
  const list = useCall('contests.list', group !== null && meetingParam !== null ? { meetingId: meetingParam } : null);
  const contestIds = useMemo(() => {
    if (roundContestId !== null) return [roundContestId];
    return [...(list.data ?? [])]
      .filter((c) => c.paperGroup === group)
      .sort(byPosition)
      .map((c) => c.id);
  }, [roundContestId, list.data, group]);
  const details = useCalls(
    'contests.get',
    contestIds.map((contestId) => ({ contestId })),
  );
  const loadedDetails = details.data.flatMap((d) => (d ? [d] : []));
  const allLoaded = contestIds.length > 0 && loadedDetails.length === contestIds.length;
  const meetingId = loadedDetails[0]?.contest.meetingId ?? meetingParam;
  const summary = useCall('attendance.summary', meetingId === null ? null : { meetingId });

  const items = useMemo(() => {
    if (!allLoaded) return null;
    const out: { detail: ContestDetail; round: Round }[] = [];
    for (const detail of loadedDetails) {
      const round = roundId !== null ? (detail.rounds.find((r) => r.id === roundId) ?? null) : openRound(detail);
      if (round) out.push({ detail, round });
    }
    return out;
  }, [allLoaded, loadedDetails, roundId]);

  const prepared = useMemo(
    () => (congress && items && items.length > 0 ? prepare(congress, items, t) : null),
    [congress, items, t],
  );

  // The count: what the round records as printed (every round of a group the same), else asked.
  const recorded = useMemo(() => {
    const counts = new Set((items ?? []).map((i) => i.round.ballotsPrinted));
    const only = counts.size === 1 ? [...counts][0] : null;
    return typeof only === 'number' ? only : null;
  }, [items]);
  const firstRound = items?.[0]?.round ?? null;
  const fallback =
    asId(query.copies) ?? firstRound?.votersPresent ?? summary.data?.present ?? summary.data?.due ?? null;
  const [asked, setAsked] = useState<number | null>(null);
  useEffect(() => {
    if (asked === null && fallback !== null) setAsked(fallback);
  }, [asked, fallback]);
  const copies = recorded ?? asked;

  const badLink = roundId === null && (group === null || meetingParam === null);
  const error: AppError | null =
    (badLink ? { code: 'invalid_input', message: t('papers.badLink') } : null) ??
    roundResult.error ??
    list.error ??
    details.error ??
    openError;
  const noRound = group !== null && roundId === null && items !== null && items.length === 0;
  const notice = noRound ? t('papers.noRound', { group }) : (prepared?.notice ?? null);
  const papers = prepared?.papers ?? null;
  const ready = papers !== null && copies !== null && copies > 0;

  const first = papers?.[0];
  const pdfName = first
    ? `${safeFileName([group ?? first.input.contestTitle, first.subtitle, t('papers.pdfName')].join('-'))}.pdf`
    : 'ballot-papers.pdf';

  let body: ReactNode;
  if (error) body = <ErrorAlert error={error} />;
  else if (status === 'ready' && !congress)
    body = <ErrorAlert error={{ code: 'no_congress_open', message: t('error.no_congress_open') }} />;
  else if (notice) body = <Typography.Paragraph data-testid="papers-notice">{notice}</Typography.Paragraph>;
  else if (!ready || !papers) body = <Spin />;
  else body = <Copies papers={papers} copies={copies} t={t} />;

  return (
    <main className={styles.page} data-testid="print-page" data-ready={ready}>
      <PrintToolbar
        ready={ready}
        pdfPath={joinPath(defaultDirectory, pdfName)}
        t={t}
        extra={
          papers && (
            <Space>
              {recorded !== null ? (
                <Typography.Text data-testid="papers-recorded">
                  {t('papers.copies.recorded', { n: recorded })}
                </Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">{t('papers.copies.hint')}</Typography.Text>
                  <span>{t('papers.copies')}</span>
                  <InputNumber
                    min={1}
                    max={MAX_COPIES}
                    precision={0}
                    value={asked}
                    onChange={(v) => setAsked(typeof v === 'number' ? v : null)}
                    data-testid="papers-copies"
                  />
                </>
              )}
            </Space>
          )
        }
      />
      {body}
    </main>
  );
}

/** The print run: for each copy, one sheet per contest, the same sheets every time. */
function Copies(props: { papers: PaperSpec[]; copies: number; t: Translate }) {
  const sheets = props.papers.map((p) => (
    <BallotSheet
      key={p.input.contestId}
      input={p.input}
      layout={p.layout}
      subtitle={p.subtitle}
      contestTitle={p.contestTitle}
      t={props.t}
    />
  ));
  return (
    <div className={styles.run} data-testid="ballot-papers" data-copies={props.copies}>
      {Array.from({ length: props.copies }, (_, copy) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the copies are identical and never reorder
        <Fragment key={copy}>{sheets}</Fragment>
      ))}
    </div>
  );
}
