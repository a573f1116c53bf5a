import type { AttendanceSummary, Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { PaperFooter, type PaperSeal } from '../../components/print/PaperFooter.js';
import { meetingMeta, PaperHead } from '../../components/print/PaperHead.js';
import { PaperTail } from '../../components/print/PaperTail.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { roundLabel } from '../contests/labels.js';
import type { ContestDetail, Round } from '../contests/store.js';

export interface BallotsFormData {
  congress: Congress;
  meeting: Meeting;
  summary: AttendanceSummary;
  /** The meeting's contests in their order, each with its rounds. */
  contests: ContestDetail[];
  seal: PaperSeal | null;
  printedAt: string;
}

/** What the scrutineers note beside a round's figures (rule 2). */
function roundNotes(round: Round): MessageKey[] {
  if (round.issued === null) return ['ballotsForm.note.notIssued'];
  const notes: MessageKey[] = [];
  // Void by rule 2 (more collected than issued) or declared void by the presidium (rule 16).
  if (round.status === 'void')
    notes.push(round.voidDeclaration ? 'ballotsForm.note.declaredVoid' : 'ballotsForm.note.void');
  if (round.votersPresent !== null && round.issued !== round.votersPresent)
    notes.push('ballotsForm.note.issuedMismatch');
  if (round.ballotsPrinted !== null && round.ballotsPrinted !== round.issued + (round.spareVoided ?? 0)) {
    notes.push('ballotsForm.note.printedMismatch');
  }
  if (round.collected === null) notes.push('ballotsForm.note.notCollected');
  return notes;
}

const figure = (n: number | null): string => (n === null ? '' : String(n));

/**
 * 分发选票情况报告单: for every contest and round of the meeting, the voters present when the
 * papers went out, the papers printed, issued, spare ones voided in public, and collected.
 */
export function BallotsForm(props: { data: BallotsFormData; t: Translate }) {
  const { t } = props;
  const { congress, meeting, summary: s, contests } = props.data;
  const rows = contests.flatMap((detail) => {
    const rounds = [...detail.rounds].sort((a, b) => a.number - b.number);
    return rounds.map((round, i) => ({ detail, round, first: i === 0, span: rounds.length }));
  });
  // The last contest's rounds (one rowSpan group) go with the signature block when it moves.
  const lastGroup = rows.findLastIndex((r) => r.first);
  const body = rows.slice(0, Math.max(0, lastGroup));
  const tail = rows.slice(Math.max(0, lastGroup));
  const none = (
    <tr>
      <td colSpan={8} className="cell-empty">
        {t('ballotsForm.none')}
      </td>
    </tr>
  );
  const row = ({ detail, round, first, span }: (typeof rows)[number]) => (
    <tr key={round.id} data-testid="ballots-row" data-round={round.id}>
      {first && (
        <td className="cell-title" rowSpan={span}>
          {detail.contest.title}
          <div className="paper-small">
            {t('ballotsForm.seats', { seats: detail.contest.seatsReducedTo ?? detail.contest.seats })}
          </div>
        </td>
      )}
      <td className="cell-round">{roundLabel(t, round)}</td>
      <td className="cell-num">{figure(round.votersPresent)}</td>
      <td className="cell-num">{figure(round.ballotsPrinted)}</td>
      <td className="cell-num">{figure(round.issued)}</td>
      <td className="cell-num">{figure(round.spareVoided)}</td>
      <td className="cell-num">{figure(round.collected)}</td>
      <td className="cell-note">
        {roundNotes(round)
          .map((k) => t(k))
          .join(t('list.clauseSeparator'))}
      </td>
    </tr>
  );
  return (
    <article className="paper-form ballots-form" data-testid="ballots-report">
      <PaperHead
        congress={congress.name}
        title={t('ballotsForm.title')}
        meta={meetingMeta(t, meeting, congress.venue)}
        t={t}
      />
      <p className="paper-lead" data-testid="ballots-attendance">
        {t('ballotsForm.attendance', { due: s.due, present: s.present })}
      </p>
      <table className="paper-table paper-grid">
        <thead>
          <tr>
            <th className="cell-title">{t('ballotsForm.col.contest')}</th>
            <th className="cell-round">{t('ballotsForm.col.round')}</th>
            <th className="cell-num">{t('ballotsForm.col.present')}</th>
            <th className="cell-num">{t('ballotsForm.col.printed')}</th>
            <th className="cell-num">{t('ballotsForm.col.issued')}</th>
            <th className="cell-num">{t('ballotsForm.col.spare')}</th>
            <th className="cell-num">{t('ballotsForm.col.collected')}</th>
            <th className="cell-note">{t('ballotsForm.col.note')}</th>
          </tr>
        </thead>
        <tbody>{body.map(row)}</tbody>
        <PaperTail columns={8} rows={rows.length === 0 ? none : tail.map(row)}>
          <p className="paper-note">{t('ballotsForm.rule')}</p>
          <PaperFooter t={t} seal={props.data.seal} printedAt={props.data.printedAt} />
        </PaperTail>
      </table>
    </article>
  );
}
