import type { ReactNode } from 'react';
import styles from './Paper.module.css';

/** How many of a table's last rows go with the signature block to the next page, when it has to. */
export const ROWS_KEPT_WITH_END = 2;

/** A table's rows split into those that may stand on any page and the last few kept with the end. */
export function splitTail<T>(rows: readonly T[], keep: number = ROWS_KEPT_WITH_END): { body: T[]; tail: T[] } {
  const cut = Math.max(0, rows.length - keep);
  return { body: rows.slice(0, cut), tail: rows.slice(cut) };
}

/**
 * The last rows of a form's table and everything after it (statements, notes, the signature
 * lines, the key fingerprint and the result hash) as the table's last body group, which does
 * not break: when the page is full the group moves to the next page whole, under the repeated
 * table head, so the signature block never stands alone on a page. Chromium's print engine
 * (Electron's printToPDF) honours `break-inside: avoid` on a row group, while a chain of
 * `break-before: avoid` after a table is only a hint it often does not follow back into the rows.
 */
export function PaperTail(props: { columns: number; rows: ReactNode; children: ReactNode }) {
  return (
    <tbody className={styles.keep}>
      {props.rows}
      <tr className={styles.tail}>
        <td colSpan={props.columns}>{props.children}</td>
      </tr>
    </tbody>
  );
}
