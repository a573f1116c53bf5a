/**
 * Roster file bytes → cell rows → `parseRosterRows`. Never throws: whatever the user
 * picked, the preview must be able to say what is wrong with it.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { type ReasonKey, type ReasonParams, reasonText } from '../../core/reasons.js';
import {
  CellFault,
  formulaAt,
  MAX_CELL_CHARS,
  MAX_ROSTER_ROWS,
  type ParseRosterOptions,
  parseRosterRows,
} from '../../core/roster.js';
import type { ParsedRoster } from '../../core/roster-types.js';

/** Far above any township roster; keeps a wrongly chosen video or archive from being parsed. */
export const MAX_ROSTER_BYTES = 32 * 1024 * 1024;

/** The whole file refused by one reason (core/reasons.ts `roster.*`). */
function fileProblem(
  format: ParsedRoster['format'],
  reason: ReasonKey,
  params: ReasonParams,
  encoding: string | null = null,
  row: number | null = null,
): ParsedRoster {
  const message = reasonText(reason, params, 'zh-CN') ?? reason;
  return {
    format,
    encoding,
    columns: [],
    rows: [],
    errors: [{ row, column: null, value: null, message, reason, params }],
    notices: [],
  };
}

const extensionOf = (fileName: string) => {
  const m = /\.([^./\\]+)$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** OLE compound file: legacy .xls, and also password-protected .xlsx. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the cell rows of the first sheet mean: the roster's rules unless a caller brings its own. */
export type InterpretRows = (
  rows: unknown[][],
  format: ParsedRoster['format'],
  encoding: string | null,
  options?: ParseRosterOptions,
) => ParsedRoster;

export async function parseRosterFile(
  fileName: string,
  bytes: Uint8Array,
  interpret: InterpretRows = parseRosterRows,
): Promise<ParsedRoster> {
  const ext = extensionOf(fileName);
  const format: ParsedRoster['format'] = ext === 'csv' || ext === 'txt' ? 'csv' : 'xlsx';
  try {
    if (bytes.length === 0) return fileProblem(format, 'roster.file_empty', { file: fileName });
    if (bytes.length > MAX_ROSTER_BYTES) {
      return fileProblem(format, 'roster.file_too_big', {
        file: fileName,
        size: (bytes.length / 1048576).toFixed(1),
        max: MAX_ROSTER_BYTES / 1048576,
      });
    }
    if (ext === 'xls' || ext === 'et') {
      return fileProblem('xlsx', 'roster.file_xls', { ext, file: fileName });
    }
    if (ext === 'xlsx') return await readXlsx(fileName, bytes, interpret);
    if (ext === 'csv' || ext === 'txt') return readCsv(fileName, bytes, interpret);
    return fileProblem(format, 'roster.file_type', { ext: ext === '' ? '' : `.${ext}`, file: fileName });
  } catch (e) {
    // A bug in a parser library must still end as a message, not a crashed import dialog.
    return fileProblem(format, 'roster.file_unreadable', {
      file: fileName,
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

async function readXlsx(fileName: string, bytes: Uint8Array, interpret: InterpretRows): Promise<ParsedRoster> {
  if (startsWith(bytes, OLE_MAGIC)) {
    return fileProblem('xlsx', 'roster.file_old_xls', { file: fileName });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    return fileProblem('xlsx', 'roster.file_not_xlsx', { file: fileName });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    return fileProblem('xlsx', 'roster.file_damaged', {
      file: fileName,
      detail: e instanceof Error ? e.message.slice(0, 120) : String(e),
    });
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return fileProblem('xlsx', 'roster.file_no_sheet', { file: fileName });
  if (sheet.actualRowCount > MAX_ROSTER_ROWS + HEADER_ALLOWANCE) {
    return fileProblem(
      'xlsx',
      'roster.sheet_too_long',
      {
        sheet: sheet.name,
        rows: sheet.actualRowCount,
        max: MAX_ROSTER_ROWS,
        row: MAX_ROSTER_ROWS + HEADER_ALLOWANCE + 1,
      },
      null,
      MAX_ROSTER_ROWS + HEADER_ALLOWANCE + 1,
    );
  }

  // Dense by row number so that rows[i] is spreadsheet row i + 1, as the messages say.
  const rows: unknown[][] = [];
  // A formula's saved result is what is read; the preview says which cells were formulas.
  const formulas = new Map<string, string>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = xlsxCellValue(cell.value, cell.numFmt);
      cells[col - 1] = value;
      const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula}` : null;
      if (formula !== null && !(value instanceof CellFault)) formulas.set(formulaAt(rowNumber - 1, col - 1), formula);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return interpret(rows, 'xlsx', null, { formulas });
}

/** Lines a title, a note and the header may take above the data. */
const HEADER_ALLOWANCE = 10;

type XlsxValue = ExcelJS.CellValue;

function xlsxCellValue(value: XlsxValue, numFmt: string | undefined): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateValue(value, numFmt);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return new CellFault('error_value', String(value.error));
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
      const result = v.result;
      if (result === undefined || result === null) {
        return new CellFault('formula_no_result', `=${v.formula ?? v.sharedFormula ?? ''}`);
      }
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return new CellFault('error_value', String((result as { error: unknown }).error));
      }
      return xlsxCellValue(result as XlsxValue, numFmt);
    }
    // A hyperlink cell shows its text; the link target is not roster data.
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) return xlsxCellValue(t as XlsxValue, numFmt);
    }
  }
  return String(value);
}

/**
 * A 出生年月 column is often a real date formatted "yyyy.mm": the stored day (1) was never
 * entered, so a format without a day gives "YYYY-MM", not a made-up "YYYY-MM-01".
 */
function dateValue(date: Date, numFmt: string | undefined): unknown {
  if (numFmt && !/d/i.test(numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, '')) && /y/i.test(numFmt)) {
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  return date;
}

/** Encoding of a CSV: BOM first, then strict UTF-8, else GB18030 (what Chinese Excel/WPS write). */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  // Excel's "Unicode 文本" export is UTF-16 with a BOM.
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function readCsv(fileName: string, bytes: Uint8Array, interpret: InterpretRows): ParsedRoster {
  const encoding = detectEncoding(bytes);
  const text =
    encoding === 'gb18030'
      ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030')
      : new TextDecoder(encoding).decode(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (body.includes('\u0000')) {
    return fileProblem('csv', 'roster.file_binary', { file: fileName }, encoding);
  }

  let records: string[][];
  try {
    records = parseCsv(body, {
      delimiter: guessDelimiter(body),
      relax_quotes: true,
      relax_column_count: true,
      // Keep blank lines as empty records so record n is the row n Excel shows.
      skip_empty_lines: false,
      max_record_size: MAX_CELL_CHARS * 4,
      to: MAX_ROSTER_ROWS + HEADER_ALLOWANCE + 1,
    }) as string[][];
  } catch (e) {
    const err = e as { message?: string; code?: string; records?: number; lines?: number };
    const row = typeof err.records === 'number' ? err.records + 1 : (err.lines ?? null);
    const where = { file: fileName, row: row ?? '?' };
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      return fileProblem('csv', 'roster.csv_cell_too_long', { ...where, max: MAX_CELL_CHARS }, encoding, row);
    }
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') return fileProblem('csv', 'roster.csv_quote_open', where, encoding, row);
    return fileProblem(
      'csv',
      'roster.csv_row_unreadable',
      { ...where, detail: err.message ?? String(e) },
      encoding,
      row,
    );
  }
  if (records.length > MAX_ROSTER_ROWS + HEADER_ALLOWANCE) {
    const row = MAX_ROSTER_ROWS + HEADER_ALLOWANCE + 1;
    return fileProblem(
      'csv',
      'roster.file_too_many_rows',
      { file: fileName, max: MAX_ROSTER_ROWS, row },
      encoding,
      row,
    );
  }
  return interpret(records, 'csv', encoding);
}

/** Excel saves "CSV" with commas but "文本文件" with tabs; some regional settings use semicolons. */
function guessDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/, 10).join('\n');
  const count = (ch: string) => firstLines.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
