/**
 * A spreadsheet cell that cannot run. Excel, WPS and LibreOffice take a text cell that starts
 * with `=`, `+`, `-` or `@` for a formula when they open a CSV, so a candidate or a written-in
 * name such as `=HYPERLINK("http://x","点此")` would become a link or a sum on the machine that
 * opens the file; a workbook's text cell saved on as CSV carries it along. Issue 12: 「Every
 * CSV/XLSX cell that starts with `= + - @` (or a tab/CR) is neutralised.」
 *
 * As OWASP's CSV-injection guidance says, such a cell gets a leading apostrophe `'`, so it is
 * read as text and the name stays readable (`'=1+1`). Tab and carriage return are in the list
 * because a spreadsheet may drop them at the start of a cell and then see the `=` behind them.
 *
 * Only text changes: a number stays a number (a count of −1 is not a formula, and the figures
 * must stay sums a spreadsheet can add up), and so do empty cells. The signed result file is
 * never passed through here — only its spreadsheet and CSV renderings are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(text: string): string;
export function safeCell<T>(value: T): T | string;
export function safeCell(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Every text cell of a row made safe by `safeCell`; numbers and empty cells as they were. */
export const safeRow = <T>(row: readonly T[]): (T | string)[] => row.map((cell) => safeCell(cell));
