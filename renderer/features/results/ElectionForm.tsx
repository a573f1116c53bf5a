import type { Congress, Meeting } from '../../../core/domain.js';
import { electedListKindOf, electedListOrder } from '../../../core/elected-order.js';
import type { BodyStructure } from '../../../core/election-types.js';
import { sumStructures } from '../../../core/structure.js';
import type { Translate } from '../../app/language.js';
import { NameList, NamesIn } from '../../components/NameList.js';
import type { PaperOfficial, PaperSeal } from '../../components/print/PaperFooter.js';
import {
  cell,
  columnsOf,
  numberedColumns,
  PaperForm,
  type PaperSheet,
  PaperTable,
  paper,
} from '../../components/print/PaperForm.js';
import { splitTail } from '../../components/print/PaperTail.js';
import { roundLabel } from '../contests/labels.js';
import type { Candidate, ContestDetail, Round, RoundResult } from '../contests/store.js';
import { paperOrder } from '../contests/store.js';
import { structureItems, unknownText } from './structure.js';

export interface ElectionFormData {
  congress: Congress;
  meeting: Meeting;
  detail: ContestDetail;
  /** Results of the contest's counted rounds, by round id. */
  results: Readonly<Record<number, RoundResult>>;
  /** Rule 13: the contest's 总监票人, 监票人 and 计票人, named under their signature lines. */
  officials: readonly PaperOfficial[];
  /** Rule 14: the plenary that approved this meeting's result (the committee's, for the 纪委's). */
  approvedBy?: { meeting: string; note: string | null } | null;
  seal: PaperSeal | null;
  printedAt: string;
}

const SHEET: PaperSheet = { title: 'electionForm.title', testId: 'election-report', compact: true };
/** The facts of an elected candidate the organisation department asks for, from the ballot. */
const FACTS = ['gender', 'birthDate', 'ethnicity', 'education'] as const;
/** A round's papers and its count. */
const ROUND_FIGURES = ['issued', 'collected', 'valid', 'invalid'] as const;

export interface ElectedPerson {
  name: string;
  round: Round;
  votes: number;
  /** The candidate, or null for a written-in name (its facts are not on the ballot). */
  candidate: Candidate | null;
  /** Place on the paper of the round that elected them (1-based); null for a written-in name. */
  paperPosition: number | null;
}

/**
 * Everyone elected in the contest's closed rounds, listed as rule 15 says: members and
 * delegates by surname strokes (「其名单按姓氏笔划排列」), at a first plenary (a meeting of
 * members) 书记/副书记 in the approved paper order — the order core/elected-order.ts gives the
 * result file too.
 */
export function electedOf(
  detail: ContestDetail,
  results: Readonly<Record<number, RoundResult>>,
  electorate: Meeting['electorate'],
): ElectedPerson[] {
  return electedListOrder(electedByRound(detail, results), electedListKindOf(electorate));
}

/** Everyone elected in the contest's closed rounds, round by round, by votes within a round. */
function electedByRound(detail: ContestDetail, results: Readonly<Record<number, RoundResult>>): ElectedPerson[] {
  return [...detail.rounds]
    .filter((r) => r.status === 'closed')
    .sort((a, b) => a.number - b.number)
    .flatMap((round) => {
      const result = results[round.id];
      if (!result) return [];
      const order = paperOrder(round, detail.candidates);
      return result.decision.elected.map((e) => ({
        name: e.name,
        round,
        votes: e.votes,
        candidate: e.choice.kind === 'candidate' ? (order[e.choice.index] ?? null) : null,
        paperPosition: e.choice.kind === 'candidate' ? e.choice.index + 1 : null,
      }));
    });
}

/** The body elected in the contest: the closed rounds' bodies together (no one is elected twice). */
export function contestStructure(detail: ContestDetail, results: Readonly<Record<number, RoundResult>>): BodyStructure {
  return sumStructures(
    detail.rounds
      .filter((r) => r.status === 'closed')
      .flatMap((r) => (results[r.id] ? [results[r.id]!.structure] : [])),
  );
}

/**
 * 选举结果报告单 of one contest: the seats, each round's papers and who it elected, the
 * elected with their votes and facts, and the structure of the elected body as the
 * organisation department reports it (women, under 35, minority, education: counts and shares).
 */
export function ElectionForm(props: { data: ElectionFormData; t: Translate }) {
  const { t } = props;
  const { meeting, detail, results } = props.data;
  const { contest } = detail;
  const rounds = [...detail.rounds].sort((a, b) => a.number - b.number);
  const elected = electedOf(detail, results, meeting.electorate);
  const structure = contestStructure(detail, results);
  const seats = contest.seatsReducedTo ?? contest.seats;
  const closed = contest.status === 'closed';
  const unknown = unknownText(t, structure);
  const gender = (c: Candidate | null) => (c?.gender ? t(`gender.${c.gender}`) : '');
  const none = (
    <tr key="none">
      <td colSpan={8} className={cell.empty}>
        {t('electionForm.noneElected')}
      </td>
    </tr>
  );
  const { body, tail } = splitTail(elected.map((e, i) => ({ ...e, no: i + 1 })));
  const electedRow = (e: ElectedPerson & { no: number }) => (
    <tr key={`${e.round.id}-${e.name}`} data-testid="election-row" data-name={e.name}>
      <td className={cell.no}>{e.no}</td>
      <td className={cell.name}>{e.candidate ? e.name : t('countForm.writeInName', { name: e.name })}</td>
      <td className={cell.round}>{t('electionForm.roundN', { n: e.round.number })}</td>
      <td className={cell.num}>{e.votes}</td>
      {FACTS.map((f) => (
        <td key={f} className={cell.fact}>
          {f === 'gender' ? gender(e.candidate) : (e.candidate?.[f] ?? '')}
        </td>
      ))}
    </tr>
  );
  const approvedBy = props.data.approvedBy;

  return (
    <PaperForm
      {...props}
      sheet={SHEET}
      about={[{ label: t('paperForm.contest'), value: contest.title }]}
      closed={closed}
      table={{
        grid: true,
        dense: true,
        testId: 'election-elected',
        columns: [
          ...numberedColumns(t),
          { key: 'round', label: t('electionForm.col.round'), className: cell.round },
          { key: 'votes', label: t('electionForm.col.votes'), className: cell.num },
          ...columnsOf(FACTS, (f) => t(`field.${f}`), cell.fact),
        ],
        body: body.map(electedRow),
        tail: elected.length === 0 ? none : tail.map(electedRow),
        end: (
          <>
            {structure.total > 0 && (
              <section className={paper.structure} data-testid="election-structure">
                <h2 className={paper.section}>{t('electionForm.structure')}</h2>
                <p>
                  {/* Each figure whole on its line (not 大专 2 / 名,占比 28.6%): a <bdi> each, unbroken on paper. */}
                  <NamesIn
                    sentence={(list) => t('electionForm.structure.text', { n: structure.total, list })}
                    items={structureItems(t, structure).map((i) => i.text)}
                    separator={t('list.clauseSeparator')}
                  />
                </p>
                {unknown && <p className={paper.note}>{unknown}</p>}
              </section>
            )}
            {approvedBy && (
              <p className={paper.note} data-testid="election-approved-by">
                {approvedBy.note
                  ? t('electionForm.approvedByNote', { meeting: approvedBy.meeting, note: approvedBy.note })
                  : t('electionForm.approvedBy', { meeting: approvedBy.meeting })}
              </p>
            )}
          </>
        ),
      }}
    >
      {!closed && (
        <p className={paper.warning} data-testid="election-provisional">
          {t('electionForm.provisional')}
        </p>
      )}
      <p className={paper.lead} data-testid="election-summary">
        {t('electionForm.summary', {
          kind: t(`contest.kind.${contest.kind}`),
          seats,
          candidates: detail.candidates.length,
          elected: elected.length,
          rounds: rounds.filter((r) => r.status === 'closed').length,
        })}
      </p>
      {contest.seatsReducedTo !== null && (
        <p className={paper.note}>
          {t('results.reduced', { seats: contest.seatsReducedTo, note: contest.seatsReducedNote ?? '' })}
        </p>
      )}

      <h2 className={paper.section}>{t('electionForm.rounds')}</h2>
      <PaperTable
        grid
        testId="election-rounds"
        columns={[
          { key: 'round', label: t('paperForm.round'), className: cell.round },
          ...columnsOf(ROUND_FIGURES, (f) => t(`results.${f}`), cell.num),
          { key: 'elected', label: t('electionForm.col.roundElected') },
        ]}
        rows={rounds.map((round) => {
          const result = results[round.id];
          const names = elected.filter((e) => e.round.id === round.id).map((e) => e.name);
          return (
            <tr key={round.id}>
              <td className={cell.round}>{roundLabel(t, round)}</td>
              {ROUND_FIGURES.map((f) => (
                <td key={f} className={cell.num}>
                  {(f === 'issued' || f === 'collected' ? round[f] : result?.tally[f]) ?? ''}
                </td>
              ))}
              <td>
                {round.status === 'closed' ? (
                  <NameList items={names} separator={t('list.separator')} none={t('electionForm.noneElected')} />
                ) : round.voidDeclaration ? (
                  t('electionForm.voidDeclared', { reason: round.voidDeclaration.reason })
                ) : (
                  t(`round.status.${round.status}`)
                )}
              </td>
            </tr>
          );
        })}
      />

      <h2 className={paper.section}>{t('electionForm.elected', { n: elected.length })}</h2>
    </PaperForm>
  );
}
