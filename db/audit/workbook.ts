/**
 * The audit log as a workbook (issue 15 item 2: 「export it as .xlsx」): one row per audit row,
 * oldest first, its sentence in the language asked for beside its operator, role, station, kind
 * and hash; every text cell through core/safe-cell.ts (an operator or a delegate named `=1+1`
 * stays text), as the district workbook (db/results/district.ts).
 */
import ExcelJS from 'exceljs';
import { kindOf } from '../../core/audit/kinds.js';
import { actionLabel, auditSentence, auditSentenceCatalogues, kindLabel } from '../../core/audit/sentences.js';
import type { AuditEntry, AuditNames } from '../../core/model/audit.js';
import type { Language } from '../../core/reasons.js';
import { terms } from '../../core/reasons.js';
import { safeRow } from '../../core/safe-cell.js';

/** A row's time as read on the day: local, to the second. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export async function auditWorkbook(
  entries: Iterable<AuditEntry>,
  names: AuditNames,
  language: Language,
): Promise<{ buffer: Buffer; rows: number }> {
  const c = auditSentenceCatalogues[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'Congress Desk';
  const sheet = book.addWorksheet(c.sheet);
  const head = c.columns;
  sheet.addRow(
    safeRow([
      head.id,
      head.at,
      head.operator,
      head.role,
      head.station,
      head.kind,
      head.action,
      head.sentence,
      head.hash,
    ]),
  ).font = { bold: true };
  let rows = 0;
  for (const e of entries) {
    const role = names.operators[e.operator];
    sheet.addRow(
      safeRow([
        e.id,
        localTime(e.at),
        e.operator,
        role ? terms.role[role][language] : '',
        e.station,
        kindLabel(kindOf(e.action), language),
        actionLabel(e.action, language),
        auditSentence(e, names, language),
        e.hash,
      ]),
    );
    rows++;
  }
  sheet.columns.forEach((col, i) => {
    col.width = [8, 20, 14, 14, 18, 16, 16, 80, 66][i] ?? 12;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), rows };
}
