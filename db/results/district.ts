/**
 * The district organisation department's view: many townships' result files, each verified,
 * and the figures they report upward — contests, seats, elected, and the structure of all
 * elected (women, under 35, minority, education) as counts and shares. Files that fail
 * verification are listed with why, and left out of the totals.
 */
import ExcelJS from 'exceljs';
import type { BodyStructure } from '../../core/election-types.js';
import type { DistrictReport } from '../../core/model/results.js';
import { safeRow } from '../../core/safe-cell.js';
import { formatShare, sumStructures } from '../../core/structure.js';
import { verifyResultFile } from './sign.js';

export function districtView(paths: readonly string[], fingerprint: string | null): DistrictReport {
  // The same result under two names (a copy on the stick and one sent by mail) is one township.
  const seen = new Map<string, string>();
  const files = paths.map((p) => {
    const report = verifyResultFile(p, fingerprint);
    const hash = report.ok ? report.summary?.contentHash : undefined;
    const duplicateOf = hash ? (seen.get(hash) ?? null) : null;
    if (hash && duplicateOf === null) seen.set(hash, p);
    return { path: p, report, duplicateOf };
  });
  const counted: BodyStructure[] = [];
  let townships = 0;
  let contests = 0;
  let seats = 0;
  let elected = 0;
  for (const { report, duplicateOf } of files) {
    if (!report.ok || !report.summary || duplicateOf !== null) continue;
    townships++;
    contests += report.summary.contests.length;
    seats += report.summary.seats;
    elected += report.summary.elected;
    counted.push(report.summary.structure);
  }
  return { files, total: { townships, contests, seats, elected, structure: sumStructures(counted) } };
}

const HEADER = [
  '乡镇党代会',
  '文件',
  '核验',
  '选举数',
  '应选名额',
  '当选人数',
  '女性',
  '35岁以下',
  '少数民族',
  '学历',
  '签名指纹',
];

/** Women, under 35, minority and education as the reports write them ("229名,占比37.1%"). */
const structureCells = (s: BodyStructure) => [
  formatShare(s.women, s.total),
  formatShare(s.under35, s.total),
  formatShare(s.minority, s.total),
  educationText(s),
];

const educationText = (s: BodyStructure) =>
  s.education.map((e) => `${e.level}${formatShare(e.count, s.total)}`).join(';');

/**
 * A row whose text cells cannot run: a township's congress name, a contest title or an elected
 * name such as `=HYPERLINK(…)` comes from a file the district did not write, and goes in as text
 * with a leading `'` (issue 12: 「Every CSV/XLSX cell that starts with `= + - @` (or a tab/CR) is
 * neutralised」). Numbers stay numbers, so the totals can still be summed.
 */
const addRow = (sheet: ExcelJS.Worksheet, cells: readonly (string | number)[]) => sheet.addRow(safeRow(cells));

/** The district view as a workbook: one row per township, a total row, and each contest on a second sheet. */
export async function districtWorkbook(view: DistrictReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Congress Desk';
  const sheet = book.addWorksheet('汇总');
  addRow(sheet, HEADER).font = { bold: true };
  for (const { path, report, duplicateOf } of view.files) {
    const s = report.summary;
    const verdict = !report.ok
      ? `未通过:${report.failures[0]?.message ?? ''}`
      : duplicateOf
        ? `通过;与 ${duplicateOf} 内容相同,不重复计入合计`
        : '通过';
    if (!report.ok || !s) {
      addRow(sheet, [s?.congress.name ?? '', path, verdict]);
      continue;
    }
    addRow(sheet, [
      s.congress.name,
      path,
      verdict,
      s.contests.length,
      s.seats,
      s.elected,
      ...structureCells(s.structure),
      s.fingerprint,
    ]);
  }
  const t = view.total;
  const totalRow = addRow(sheet, [
    `合计(${t.townships} 个乡镇,仅含核验通过的文件)`,
    '',
    '',
    t.contests,
    t.seats,
    t.elected,
    ...structureCells(t.structure),
  ]);
  totalRow.font = { bold: true };
  sheet.columns.forEach((c, i) => {
    c.width = [28, 40, 12, 8, 10, 10, 18, 18, 18, 40, 26][i] ?? 12;
  });

  const detail = book.addWorksheet('各项选举');
  addRow(detail, ['乡镇党代会', '选举', '应选名额', '当选人', '女性', '35岁以下', '少数民族']).font = { bold: true };
  for (const { report, duplicateOf } of view.files) {
    if (!report.ok || !report.summary || duplicateOf !== null) continue;
    for (const c of report.summary.contests) {
      addRow(detail, [
        report.summary.congress.name,
        c.title,
        c.seats,
        c.elected.join('、'),
        formatShare(c.structure.women, c.structure.total),
        formatShare(c.structure.under35, c.structure.total),
        formatShare(c.structure.minority, c.structure.total),
      ]);
    }
  }
  detail.columns.forEach((c, i) => {
    c.width = [28, 24, 10, 60, 18, 18, 18][i] ?? 12;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
