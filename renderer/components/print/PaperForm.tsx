import type { ReactNode } from 'react';
import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import styles from './Paper.module.css';
import { PaperFooter, type PaperOfficial, type PaperSeal, type SignRole } from './PaperFooter.js';
import { meetingMeta, PaperHead, type PaperMetaItem } from './PaperHead.js';
import { PaperTail } from './PaperTail.js';

/** The paper's classes for what a form lays out itself (warnings, notes, statements, cells). */
export const paper = styles;

/** The cells of a ruled table with a header row: numbers right, names and rounds unbroken. */
export const cell = {
  no: styles.cellNo,
  name: styles.cellName,
  num: styles.cellNum,
  round: styles.cellRound,
  mark: styles.cellMark,
  fact: styles.cellFact,
  empty: styles.cellEmpty,
} as const;

/** A column of a ruled table: its header and the class its header and cells share. */
export interface PaperColumn {
  key: string;
  label: string;
  className?: string;
}

/** The 序号 and 姓名 columns a list of people starts with. */
export const numberedColumns = (t: Translate): PaperColumn[] => [
  { key: 'no', label: t('paperForm.no'), className: cell.no },
  { key: 'name', label: t('field.name'), className: cell.name },
];

/** Columns of one kind of cell, one a key, headed by the key's label. */
export const columnsOf = <K extends string>(keys: readonly K[], label: (key: K) => string, className?: string) =>
  keys.map((key): PaperColumn => ({ key, label: label(key), className }));

/**
 * A ruled table: the header row from `columns` (none for a table of row heads), the rows, and
 * with `tail` its last rows and what follows them kept together (PaperTail). `grid` sizes the
 * columns to their content; `dense` is the tighter row of a long list of names.
 */
export function PaperTable(props: {
  columns?: readonly PaperColumn[];
  /** How many columns a table without a header row has (its tail spans them). */
  span?: number;
  grid?: boolean;
  dense?: boolean;
  className?: string;
  testId?: string;
  rows: ReactNode;
  tail?: { rows: ReactNode; end: ReactNode };
}) {
  const classes = [styles.table, props.grid && styles.grid, props.dense && styles.dense, props.className];
  return (
    <table className={classes.filter(Boolean).join(' ')} data-testid={props.testId}>
      {props.columns && (
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.key} className={c.className}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>{props.rows}</tbody>
      {props.tail && (
        <PaperTail columns={props.columns?.length ?? props.span ?? 1} rows={props.tail.rows}>
          {props.tail.end}
        </PaperTail>
      )}
    </table>
  );
}

/** What every form is printed from: the congress and meeting it is about, and what its foot says. */
export interface PaperData {
  congress: Congress;
  meeting: Meeting;
  seal: PaperSeal | null;
  printedAt: string;
  /** Rule 13: those appointed to sign, named under their lines. */
  officials?: readonly PaperOfficial[];
}

/** A form as printed: its title, its test id, and whether it is one of the compact rule 11 forms. */
export interface PaperSheet {
  title: MessageKey;
  testId: string;
  /** The head names the venue after the meeting and its date. */
  venue?: boolean;
  /** The tighter layout of rule 11's count, election and ballots forms, on their own A4 page. */
  compact?: boolean;
  /** Who signs (PaperFooter's roles; 总监票人, 监票人, 计票人 unless said). */
  roles?: readonly SignRole[];
}

/**
 * One paper form: the congress, the title and what it is about (`about`, then the meeting, its
 * date and, with `sheet.venue`, the venue), the form's body, and the signature block with the
 * key's fingerprint and the result's hash (PaperFooter). With `table` the form ends in that
 * ruled table, and its last rows, `table.end` (notes, statements) and the signature block are
 * one row group that never breaks (PaperTail); without it the signature block follows the body.
 */
export function PaperForm(props: {
  t: Translate;
  data: PaperData;
  sheet: PaperSheet;
  about?: readonly PaperMetaItem[];
  className?: string;
  closed?: boolean;
  children?: ReactNode;
  table?: PaperEndTable;
}) {
  const { t, data, sheet } = props;
  const classes = [styles.form, sheet.compact && styles.compact, props.className];
  const meta = [...(props.about ?? []), ...meetingMeta(t, data.meeting, sheet.venue ? data.congress.venue : null)];
  const footer = (
    <PaperFooter t={t} seal={data.seal} printedAt={data.printedAt} roles={sheet.roles} officials={data.officials} />
  );
  const { body, tail, end, ...look } = props.table ?? { body: null, tail: null };
  return (
    <article className={classes.filter(Boolean).join(' ')} data-testid={sheet.testId} data-closed={props.closed}>
      <PaperHead congress={data.congress.name} title={t(sheet.title)} meta={meta} t={t} />
      {props.children}
      {props.table ? (
        <PaperTable
          {...look}
          rows={body}
          tail={{
            rows: tail,
            end: (
              <>
                {end}
                {footer}
              </>
            ),
          }}
        />
      ) : (
        footer
      )}
    </article>
  );
}

/** The table a form ends in: its rows, the last ones kept with `end` and the signature block. */
export type PaperEndTable = Omit<Parameters<typeof PaperTable>[0], 'tail' | 'rows'> & {
  body: ReactNode;
  tail: ReactNode;
  end?: ReactNode;
};
