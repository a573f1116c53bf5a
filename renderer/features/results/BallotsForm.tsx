import type { AttendanceSummary, Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { cell, columnsOf, PaperForm, type PaperSheet, paper } from '../../components/print/PaperForm.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { roundLabel } from '../contests/labels.js';
import type { ContestDetail, Round } from '../contests/store.js';
import styles from './BallotsForm.module.css';

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

const SHEET: PaperSheet = { title: 'ballotsForm.title', testId: 'ballots-report', venue: true, compact: true };
/** A round's papers, in the order the scrutineers count them, each a column headed by its label. */
const FIGURES = {
  votersPresent: 'ballotsForm.col.present',
  ballotsPrinted: 'ballotsForm.col.printed',
  issued: 'ballotsForm.col.issued',
  spareVoided: 'ballotsForm.col.spare',
  collected: 'ballotsForm.col.collected',
} as const satisfies Partial<Record<keyof Round, MessageKey>>;
const FIGURE_FIELDS = Object.keys(FIGURES) as (keyof typeof FIGURES)[];

/**
 * 分发选票情况报告单: for every contest and round of the meeting, the voters present when the
 * papers went out, the papers printed, issued, spare ones voided in public, and collected.
 */
export function BallotsForm(props: { data: BallotsFormData; t: Translate }) {
  const { t } = props;
  const { summary: s, contests } = props.data;
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
      <td colSpan={8} className={cell.empty}>
        {t('ballotsForm.none')}
      </td>
    </tr>
  );
  const row = ({ detail, round, first, span }: (typeof rows)[number]) => (
    <tr key={round.id} data-testid="ballots-row" data-round={round.id}>
      {first && (
        <td className={styles.contest} rowSpan={span}>
          {detail.contest.title}
          <div className={paper.small}>
            {t('ballotsForm.seats', { seats: detail.contest.seatsReducedTo ?? detail.contest.seats })}
          </div>
        </td>
      )}
      <td className={cell.round}>{roundLabel(t, round)}</td>
      {FIGURE_FIELDS.map((f) => (
        <td key={f} className={cell.num}>
          {figure(round[f])}
        </td>
      ))}
      <td className={styles.note}>
        {roundNotes(round)
          .map((k) => t(k))
          .join(t('list.clauseSeparator'))}
      </td>
    </tr>
  );
  return (
    <PaperForm
      {...props}
      sheet={SHEET}
      className={styles.form}
      table={{
        grid: true,
        columns: [
          { key: 'contest', label: t('ballotsForm.col.contest'), className: styles.contest },
          { key: 'round', label: t('ballotsForm.col.round'), className: cell.round },
          ...columnsOf(FIGURE_FIELDS, (f) => t(FIGURES[f]), cell.num),
          { key: 'note', label: t('ballotsForm.col.note'), className: styles.note },
        ],
        body: body.map(row),
        tail: rows.length === 0 ? none : tail.map(row),
        end: <p className={paper.note}>{t('ballotsForm.rule')}</p>,
      }}
    >
      <p className={paper.lead} data-testid="ballots-attendance">
        {t('ballotsForm.attendance', { due: s.due, present: s.present })}
      </p>
    </PaperForm>
  );
}
