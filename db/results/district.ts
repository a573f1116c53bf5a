/**
 * The district organisation department's view: many townships' result files, each verified
 * against its own township's key (the registry, db/results/district-keys.ts), and the figures
 * they report upward — contests, seats, elected, and the structure of all elected (women, under
 * 35, minority, education) as counts and shares. Files that fail verification, whose signer was
 * not checked, or that the flags put in doubt are listed with why, and left out of the totals.
 */
import ExcelJS from 'exceljs';
import type { BodyStructure } from '../../core/election-types.js';
import type { DistrictFlag, DistrictReport, VerifyReport } from '../../core/model/results.js';
import { safeRow } from '../../core/safe-cell.js';
import { formatShare, sumStructures } from '../../core/structure.js';
import { type VerifyOptions, verifyResultFile } from './sign.js';

type DistrictFile = DistrictReport['files'][number];

/** Files that share `keyOf` but differ in `otherOf`: each is flagged with the paths of the others. */
function clash(
  files: readonly DistrictFile[],
  keyOf: (f: DistrictFile) => string | null,
  otherOf: (f: DistrictFile) => string,
  flag: DistrictFlag,
): void {
  const groups = new Map<string, DistrictFile[]>();
  for (const f of files) {
    const key = keyOf(f);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map(otherOf)).size < 2) continue;
    for (const f of group) {
      const others = group.filter((g) => otherOf(g) !== otherOf(f)).map((g) => g.path);
      f.flags.push({ flag, others });
    }
  }
}

/**
 * Every file verified with the same options (the registry pins each file's signer by its
 * township; a fingerprint given pins all to one key). Then the flags (issue 12): a township not
 * in the registry (its signer unchecked); one key signing two townships' files (each township
 * signs with its own laptop: one of them at least is not who it says); two different files for
 * one township (the district decides which holds: neither is counted). A copy of one file under
 * two names is one township, counted once.
 */
export function districtView(paths: readonly string[], options: VerifyOptions | string | null): DistrictReport {
  const seen = new Map<string, string>();
  const files: DistrictFile[] = paths.map((p) => {
    const report: VerifyReport = verifyResultFile(p, options);
    // A copy is the same content signed by the same key; the same content under another key is
    // another signer's file (and the clash below names it).
    const hash = report.signatureValid && report.summary ? `${report.summary.contentHash} ${report.fingerprint}` : null;
    const duplicateOf = hash ? (seen.get(hash) ?? null) : null;
    if (hash && duplicateOf === null) seen.set(hash, p);
    const unpinned =
      report.signatureValid &&
      report.signerCheckedBy === null &&
      !report.failures.some((f) => f.kind === 'unknown_key');
    const flags: DistrictFile['flags'] = unpinned ? [{ flag: 'not_registered', others: [] }] : [];
    return { path: p, report, duplicateOf, flags, counted: false };
  });
  // Copies are left out of the clashes: a file and its copy are one township's one file.
  const originals = files.filter((f) => f.report.signatureValid && f.report.summary && f.duplicateOf === null);
  clash(
    originals,
    (f) => f.report.fingerprint,
    (f) => f.report.township ?? '',
    'key_shared',
  );
  clash(
    originals,
    (f) => f.report.township,
    (f) => f.report.summary!.contentHash,
    'township_twice',
  );
  for (const f of files) {
    const original = f.duplicateOf === null ? f : files.find((g) => g.path === f.duplicateOf)!;
    if (f !== original) f.flags.push(...original.flags.filter((x) => x.flag !== 'not_registered'));
    f.counted = f.report.ok && f.duplicateOf === null && original.flags.length === 0;
  }
  const counted: BodyStructure[] = [];
  let townships = 0;
  let contests = 0;
  let seats = 0;
  let elected = 0;
  for (const { report, counted: inTotal } of files) {
    if (!inTotal || !report.summary) continue;
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
  '核验结论',
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

const FLAG_TEXT: Record<DistrictFlag, (others: string) => string> = {
  not_registered: () => '该乡镇未在密钥登记表中',
  key_shared: (others) => `同一密钥还签署了其他乡镇的文件(${others})`,
  township_twice: (others) => `同一乡镇还有另一份不同的文件(${others})`,
};

/** The verdict column: 核验通过 only for a verified, counted file; else what stands in the way. */
export function verdictText(file: DistrictFile): string {
  const { report, duplicateOf, flags } = file;
  const head =
    report.verdict === 'failed'
      ? `未通过:${report.failures[0]?.message ?? ''}`
      : report.verdict === 'signer_unchecked'
        ? '签名有效,但未核对签名人(未计入合计)'
        : '核验通过';
  const notes = flags.filter((f) => f.flag !== 'not_registered' || report.verdict !== 'signer_unchecked');
  const parts = [head, ...notes.map((f) => FLAG_TEXT[f.flag](f.others.join('、')))];
  if (duplicateOf) parts.push(`与 ${duplicateOf} 内容相同,不重复计入合计`);
  else if (report.ok && !file.counted) parts.push('未计入合计');
  return parts.join(';');
}

/** The district view as a workbook: one row per township, a total row, and each contest on a second sheet. */
export async function districtWorkbook(view: DistrictReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Congress Desk';
  const sheet = book.addWorksheet('汇总');
  addRow(sheet, HEADER).font = { bold: true };
  for (const file of view.files) {
    const { path, report } = file;
    const s = report.summary;
    const verdict = verdictText(file);
    if (!s || report.verdict === 'failed') {
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
    c.width = [28, 40, 36, 8, 10, 10, 18, 18, 18, 40, 26][i] ?? 12;
  });

  const detail = book.addWorksheet('各项选举');
  addRow(detail, ['乡镇党代会', '选举', '应选名额', '当选人', '女性', '35岁以下', '少数民族']).font = { bold: true };
  for (const { report, counted } of view.files) {
    if (!counted || !report.summary) continue;
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
