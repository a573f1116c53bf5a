import type { Congress, Meeting } from '../../../core/domain.js';
import type { BodyStructure } from '../../../core/election-types.js';
import { sumStructures } from '../../../core/structure.js';
import type { Candidate, ContestDetail, Round, RoundResult } from '../../stores/contests.js';
import { paperOrder } from '../../stores/contests.js';
import type { Translate } from '../../stores/language.js';
import { roundLabel } from '../contests/labels.js';
import { PaperFooter, type PaperSeal } from '../print/PaperFooter.js';
import { PaperHead } from '../print/PaperHead.js';
import { structureItems, unknownText } from './structure.js';

export interface ElectionFormData {
  congress: Congress;
  meeting: Meeting;
  detail: ContestDetail;
  /** Results of the contest's counted rounds, by round id. */
  results: Readonly<Record<number, RoundResult>>;
  seal: PaperSeal | null;
  printedAt: string;
}

export interface ElectedPerson {
  name: string;
  round: Round;
  votes: number;
  /** The candidate, or null for a written-in name (its facts are not on the ballot). */
  candidate: Candidate | null;
}

/** Everyone elected in the contest's closed rounds, round by round, by votes within a round. */
export function electedOf(detail: ContestDetail, results: Readonly<Record<number, RoundResult>>): ElectedPerson[] {
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
  const { congress, meeting, detail, results } = props.data;
  const { contest } = detail;
  const rounds = [...detail.rounds].sort((a, b) => a.number - b.number);
  const elected = electedOf(detail, results);
  const structure = contestStructure(detail, results);
  const seats = contest.seatsReducedTo ?? contest.seats;
  const closed = contest.status === 'closed';
  const unknown = unknownText(t, structure);
  const gender = (c: Candidate | null) => (c?.gender ? t(`gender.${c.gender}`) : '');

  return (
    <article className="paper-form election-form" data-testid="election-report" data-closed={closed}>
      <PaperHead
        congress={congress.name}
        title={t('electionForm.title')}
        meta={[
          { label: t('paperForm.contest'), value: contest.title },
          { label: t('report.form.meeting'), value: meeting.name },
          { label: t('report.form.date'), value: meeting.date },
        ]}
        t={t}
      />
      {!closed && (
        <p className="paper-warning" data-testid="election-provisional">
          {t('electionForm.provisional')}
        </p>
      )}
      <p className="paper-lead" data-testid="election-summary">
        {t('electionForm.summary', {
          kind: t(`contest.kind.${contest.kind}`),
          seats,
          candidates: detail.candidates.length,
          elected: elected.length,
          rounds: rounds.filter((r) => r.status === 'closed').length,
        })}
      </p>
      {contest.seatsReducedTo !== null && (
        <p className="paper-note">
          {t('results.reduced', { seats: contest.seatsReducedTo, note: contest.seatsReducedNote ?? '' })}
        </p>
      )}

      <h2 className="paper-section">{t('electionForm.rounds')}</h2>
      <table className="paper-table paper-grid election-rounds" data-testid="election-rounds">
        <thead>
          <tr>
            <th className="cell-round">{t('paperForm.round')}</th>
            <th className="cell-num">{t('results.issued')}</th>
            <th className="cell-num">{t('results.collected')}</th>
            <th className="cell-num">{t('results.valid')}</th>
            <th className="cell-num">{t('results.invalid')}</th>
            <th className="cell-note">{t('electionForm.col.roundElected')}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((round) => {
            const result = results[round.id];
            const names = elected.filter((e) => e.round.id === round.id).map((e) => e.name);
            return (
              <tr key={round.id}>
                <td className="cell-round">{roundLabel(t, round)}</td>
                <td className="cell-num">{round.issued ?? ''}</td>
                <td className="cell-num">{round.collected ?? ''}</td>
                <td className="cell-num">{result?.tally.valid ?? ''}</td>
                <td className="cell-num">{result?.tally.invalid ?? ''}</td>
                <td className="cell-note">
                  {round.status === 'closed'
                    ? names.join(t('list.separator')) || t('electionForm.noneElected')
                    : t(`round.status.${round.status}`)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h2 className="paper-section">{t('electionForm.elected', { n: elected.length })}</h2>
      <table className="paper-table paper-grid elected-table" data-testid="election-elected">
        <thead>
          <tr>
            <th className="cell-no">{t('paperForm.no')}</th>
            <th className="cell-name">{t('field.name')}</th>
            <th className="cell-round">{t('electionForm.col.round')}</th>
            <th className="cell-num">{t('electionForm.col.votes')}</th>
            <th className="cell-fact">{t('field.gender')}</th>
            <th className="cell-fact">{t('field.birthDate')}</th>
            <th className="cell-fact">{t('field.ethnicity')}</th>
            <th className="cell-fact">{t('field.education')}</th>
          </tr>
        </thead>
        <tbody>
          {elected.length === 0 ? (
            <tr>
              <td colSpan={8} className="cell-empty">
                {t('electionForm.noneElected')}
              </td>
            </tr>
          ) : (
            elected.map((e, i) => (
              <tr key={`${e.round.id}-${e.name}`} data-testid="election-row" data-name={e.name}>
                <td className="cell-no">{i + 1}</td>
                <td className="cell-name">{e.candidate ? e.name : t('countForm.writeInName', { name: e.name })}</td>
                <td className="cell-round">{t('electionForm.roundN', { n: e.round.number })}</td>
                <td className="cell-num">{e.votes}</td>
                <td className="cell-fact">{gender(e.candidate)}</td>
                <td className="cell-fact">{e.candidate?.birthDate ?? ''}</td>
                <td className="cell-fact">{e.candidate?.ethnicity ?? ''}</td>
                <td className="cell-fact">{e.candidate?.education ?? ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {structure.total > 0 && (
        <section className="paper-structure" data-testid="election-structure">
          <h2 className="paper-section">{t('electionForm.structure')}</h2>
          <p>
            {t('electionForm.structure.text', {
              n: structure.total,
              list: structureItems(t, structure)
                .map((i) => i.text)
                .join(t('list.clauseSeparator')),
            })}
          </p>
          {unknown && <p className="paper-note">{unknown}</p>}
        </section>
      )}
      <PaperFooter t={t} seal={props.data.seal} printedAt={props.data.printedAt} />
    </article>
  );
}
