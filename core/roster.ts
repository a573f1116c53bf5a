/**
 * Roster rows → delegate fields, with every problem named by row, column and value.
 * Pure: the file layer (db/roster-file.ts) turns bytes into cell values, this module
 * decides what they mean, so `.xlsx` and `.csv` get exactly the same rules.
 */
import { normalizeBadge } from './badge.js';
import { delegateFields } from './contract.js';
import type { DelegateCategory, DelegateFields, Gender } from './domain.js';
import { ROSTER_NOTICE_KINDS } from './model/roster.js';
import { findInvisible, type Invisible, layoutName, shownText } from './names.js';
import { type ReasonKey, type ReasonParams, reasonText } from './reasons.js';
import type { ParsedRoster, RosterIssue, RosterNotice, RosterNoticeExample, RosterNoticeKind } from './roster-types.js';

/** One issue by reason: the UI renders it in its language, `message` is the zh-CN text. */
const rosterIssue = (
  place: Pick<RosterIssue, 'row' | 'column' | 'value'>,
  reason: ReasonKey,
  params: ReasonParams,
): RosterIssue => ({ ...place, message: reasonText(reason, params, 'zh-CN') ?? reason, reason, params });

type Field = keyof DelegateFields;

/** The cell's value quoted with the invisible character written out (⟨U+202E⟩), so the message reads in order. */
const invisibleIssue = (row: number, column: string, value: string, bad: Invisible): RosterIssue => {
  const quoted = shown(shownText(value));
  return rosterIssue({ row, column, value: quoted }, 'roster.invisible_char', { row, column, value: quoted, ...bad });
};

/** Limits that keep a pasted-in mistake (a whole book in one cell) from freezing the preview. */
export const MAX_ROSTER_ROWS = 20_000;
export const MAX_CELL_CHARS = 10_000;
/** The header is looked for in the first rows only: a title or a note may sit above it. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * A cell the file layer could read but whose value is unusable: a formula saved without
 * its cached result, or an error value such as #N/A. Carried as a value so that the
 * issue can name the column header, which only this module knows.
 */
export class CellFault {
  constructor(
    readonly kind: 'formula_no_result' | 'error_value',
    /** The formula text or the error code, shown to the user. */
    readonly text: string,
  ) {}
}

const HEADER_ALIASES: Record<Field, readonly string[]> = {
  badge: ['代表证号', '证号', '编号', '代表编号', '代表证编号', 'badge', 'badgeno', 'no', 'no.'],
  name: ['姓名', '名字', '代表姓名', 'name'],
  gender: ['性别', 'gender', 'sex'],
  ethnicity: ['民族', 'ethnicity', 'nation', 'nationality'],
  birthDate: ['出生年月', '出生日期', '出生年月日', 'birthdate', 'dateofbirth', 'dob'],
  education: ['学历', '文化程度', 'education'],
  delegation: ['代表团', '代表组', '所在代表团', '所在代表组', 'delegation', 'group'],
  unit: ['工作单位', '单位及职务', '工作单位及职务', '单位', 'unit', 'organization', 'organisation'],
  category: ['类别', '代表类别', '身份', 'category', 'type'],
};

/** The column title people know each field by, used when a required column is missing. */
export const FIELD_LABELS: Record<Field, string> = {
  badge: '代表证号',
  name: '姓名',
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生年月',
  education: '学历',
  delegation: '代表团',
  unit: '工作单位',
  category: '类别',
};

const REQUIRED: readonly Field[] = ['badge', 'name'];

/**
 * Spreadsheets arrive with full-width letters, ideographic spaces, "姓 名" spaced out to
 * align the column, "*姓名" required-markers and "姓名：" colons; all mean the same column.
 */
function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]+$/, '');
}

const headerIndex = new Map<string, Field>();
for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [Field, readonly string[]][]) {
  for (const a of aliases) headerIndex.set(headerKey(a), field);
}

export function recogniseHeader(raw: string): Field | null {
  return headerIndex.get(headerKey(raw)) ?? null;
}

const GENDER_VALUES = new Map<string, Gender>([
  ['男', 'male'],
  ['男性', 'male'],
  ['m', 'male'],
  ['male', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
  ['f', 'female'],
  ['female', 'female'],
]);

/** The words a cell holds when nothing had to be read into it: anything else is said in a notice. */
const GENDER_WORDS: Record<Gender, string> = { male: '男', female: '女' };
const CATEGORY_WORDS: Record<DelegateCategory, string> = {
  voting: '正式代表',
  alternate: '候补代表',
  nonvoting: '列席',
};

const CATEGORY_VALUES = new Map<string, DelegateCategory>([
  ['正式代表', 'voting'],
  ['代表', 'voting'],
  ['正式', 'voting'],
  ['voting', 'voting'],
  ['候补代表', 'alternate'],
  ['候补', 'alternate'],
  ['alternate', 'alternate'],
  ['列席', 'nonvoting'],
  ['列席代表', 'nonvoting'],
  ['列席人员', 'nonvoting'],
  ['non-voting', 'nonvoting'],
  ['nonvoting', 'nonvoting'],
]);

/** What Excel writes into a cell (or a CSV export) when a formula failed. */
const EXCEL_ERRORS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!']);

/** Max lengths come from the contract, so the preview refuses exactly what the store would. */
function maxLengthOf(field: Field): number | null {
  const shape = delegateFields.shape[field] as unknown as { unwrap?: () => unknown; maxLength?: number | null };
  const inner = (typeof shape.unwrap === 'function' ? shape.unwrap() : shape) as { maxLength?: number | null };
  return typeof inner.maxLength === 'number' ? inner.maxLength : null;
}
const MAX_LENGTH = Object.fromEntries((Object.keys(FIELD_LABELS) as Field[]).map((f) => [f, maxLengthOf(f)])) as Record<
  Field,
  number | null
>;

export interface ParseRosterOptions {
  /** "Today" for the birth-year bound; tests pin it. */
  now?: Date;
  /**
   * Cells whose value is the result a formula had when the file was saved, by `formulaAt(row,
   * column)` (0-based, as `rows`), with the formula's text: that result is imported, and said.
   */
  formulas?: ReadonlyMap<string, string>;
}

/** The key of a cell in `ParseRosterOptions.formulas`: row and column indices of `rows`. */
export const formulaAt = (row: number, column: number): string => `${row},${column}`;

/** A cell's value as an issue shows it: long ones cut. */
const shown = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Reads the roster rows of one sheet. `rows[i]` is spreadsheet row `i + 1`; the file
 * layer keeps empty rows in place so that the row numbers in messages are the ones the
 * user sees in Excel.
 */
export function parseRosterRows(
  rows: unknown[][],
  format: ParsedRoster['format'],
  encoding: string | null,
  options: ParseRosterOptions = {},
): ParsedRoster {
  const thisYear = (options.now ?? new Date()).getFullYear();
  const errors: RosterIssue[] = [];
  const out: ParsedRoster = { format, encoding, columns: [], rows: [], errors, notices: [] };

  const headerAt = findHeaderRow(rows);
  if (headerAt === null) {
    errors.push(
      rosterIssue({ row: null, column: null, value: null }, 'roster.no_header', { rows: HEADER_SEARCH_ROWS }),
    );
    return out;
  }

  const headerRow = rows[headerAt] ?? [];
  const fieldColumn = new Map<Field, number>();
  const headerText = new Map<number, string>();
  headerRow.forEach((cell, col) => {
    const header = cellText(cell);
    if (header === '') return;
    headerText.set(col, header);
    const field = header.length > MAX_CELL_CHARS ? null : recogniseHeader(header);
    out.columns.push({ header, field });
    if (field === null) return;
    const first = fieldColumn.get(field);
    if (first !== undefined) {
      // Two columns for one field (e.g. 编号 and 代表证号): guessing which one is meant
      // could import the wrong badge numbers for everybody.
      errors.push(
        rosterIssue({ row: headerAt + 1, column: header, value: header }, 'roster.header_twice', {
          row: headerAt + 1,
          first: headerText.get(first) ?? '',
          second: header,
          field,
        }),
      );
      return;
    }
    fieldColumn.set(field, col);
  });
  for (const field of REQUIRED) {
    if (!fieldColumn.has(field)) {
      errors.push(
        rosterIssue({ row: headerAt + 1, column: FIELD_LABELS[field], value: null }, 'roster.column_missing', {
          row: headerAt + 1,
          field,
        }),
      );
    }
  }
  if (errors.length > 0) return out;

  const dataRows = rows.length - headerAt - 1;
  if (dataRows > MAX_ROSTER_ROWS) {
    const row = headerAt + 1 + MAX_ROSTER_ROWS + 1;
    errors.push(
      rosterIssue({ row, column: null, value: null }, 'roster.too_many_rows', {
        rows: dataRows,
        max: MAX_ROSTER_ROWS,
        row,
      }),
    );
    return out;
  }

  const notices = new NoticeBook();
  const aboveHeader = rows.slice(0, headerAt).filter((r) => !isEmptyRow(r ?? [])).length;
  if (aboveHeader > 0)
    notices.note('above_header', { row: headerAt + 1, column: null, field: null, from: '', to: null });
  const emptyRows: number[] = [];
  const badgeRow = new Map<string, number>();
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const rowNo = i + 1;
    if (isEmptyRow(cells)) {
      emptyRows.push(rowNo);
      continue;
    }
    // An empty row between data rows is skipped, and said; the empty rows after the last are not rows.
    for (const row of emptyRows.splice(0))
      notices.note('empty_rows', { row, column: null, field: null, from: '', to: null });
    const rowErrors: RosterIssue[] = [];
    const columnOf = (field: Field) => headerText.get(fieldColumn.get(field) ?? -1) ?? FIELD_LABELS[field];
    const issue = (field: Field, value: string | null, reason: ReasonKey, params: ReasonParams = {}) => {
      const column = columnOf(field);
      rowErrors.push(
        rosterIssue({ row: rowNo, column, value }, reason, {
          row: rowNo,
          column,
          value: shown(value ?? ''),
          ...params,
        }),
      );
    };

    // Read every mapped cell to text once; faults and oversize cells are reported here.
    const raw = new Map<Field, unknown>();
    const textOf = new Map<Field, string>();
    for (const [field, col] of fieldColumn) {
      const cell = cells[col];
      raw.set(field, cell);
      if (cell instanceof CellFault) {
        issue(field, cell.text, cell.kind === 'formula_no_result' ? 'roster.cell_formula' : 'roster.cell_error');
        continue;
      }
      const t = cellText(cell);
      if (t.length > MAX_CELL_CHARS) {
        issue(field, `${t.slice(0, 40)}…`, 'roster.cell_too_long', { length: t.length, max: MAX_CELL_CHARS });
        continue;
      }
      if (EXCEL_ERRORS.has(t.toUpperCase())) {
        issue(field, t, 'roster.cell_error');
        continue;
      }
      // A line break or a tab inside a cell is layout (collapsed below); any other invisible
      // character refuses the file, naming the row, the column and the character
      // (「第 12 行「姓名」列第 2 个字符是不可见字符 U+202E(从右至左覆盖)」): an RLO in one
      // name turns the printed 缺席 line around.
      const bad = findInvisible(t.replace(/[\t\n\v\f\r]/g, ' '));
      if (bad) {
        rowErrors.push(invisibleIssue(rowNo, columnOf(field), t, bad));
        continue;
      }
      textOf.set(field, t.normalize('NFC'));
    }
    // Only fields read cleanly above are normalised; a faulty cell already has its issue.
    const has = (f: Field) => textOf.has(f);
    const text = (f: Field) => textOf.get(f) ?? '';

    const badge = has('badge') ? normaliseBadge(raw.get('badge'), text('badge')) : '';
    if (has('badge') && badge === '') issue('badge', null, 'roster.badge_missing');
    const name = has('name') ? layoutName(text('name')) : '';
    if (has('name') && name === '') issue('name', null, 'roster.name_missing');

    let gender: Gender | null = null;
    if (has('gender') && text('gender') !== '') {
      const g = GENDER_VALUES.get(text('gender').normalize('NFKC').toLowerCase());
      if (g) gender = g;
      else issue('gender', text('gender'), 'roster.gender_unknown');
    }

    let category: DelegateCategory = 'voting';
    if (has('category') && text('category') !== '') {
      const c = CATEGORY_VALUES.get(text('category').normalize('NFKC').toLowerCase().replace(/\s+/g, ''));
      if (c) category = c;
      else issue('category', text('category'), 'roster.category_unknown');
    }

    let birthDate: string | null = null;
    if (has('birthDate')) {
      const cell = raw.get('birthDate');
      if (!(cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))) {
        const parsed = parseBirthDate(cell, thisYear);
        if (parsed.ok) birthDate = parsed.value;
        else if (parsed.why === 'year_range')
          issue('birthDate', text('birthDate'), 'roster.birth_year_range', { max: thisYear });
        else issue('birthDate', text('birthDate'), 'roster.birth_date_invalid', { why: parsed.why });
      }
    }

    const optional = (f: Field) => {
      const t = text(f).replace(/\s+/g, ' ');
      return t === '' ? null : t;
    };
    const fields: DelegateFields = {
      badge,
      name,
      gender,
      ethnicity: optional('ethnicity'),
      birthDate,
      education: optional('education'),
      delegation: optional('delegation'),
      unit: optional('unit'),
      category,
    };

    for (const f of Object.keys(fields) as Field[]) {
      const max = MAX_LENGTH[f];
      const v = fields[f];
      if (max !== null && typeof v === 'string' && v.length > max) {
        issue(f, v, 'roster.value_too_long', { length: v.length, max });
      }
    }

    if (badge !== '' && has('badge')) {
      const first = badgeRow.get(badge);
      if (first !== undefined) {
        issue('badge', badge, 'roster.badge_repeated', { first });
      } else {
        badgeRow.set(badge, rowNo);
      }
    }

    if (rowErrors.length === 0) {
      // Last guard: whatever slipped past the checks above must not reach the store.
      const checked = delegateFields.safeParse(fields);
      if (!checked.success) {
        for (const zi of checked.error.issues) {
          const f = zi.path[0] as Field;
          const v = fields[f];
          issue(f, v === null || v === undefined ? null : String(v), 'roster.value_invalid', {
            detail: reasonText(zi.message, { field: f }, 'zh-CN') ?? zi.message,
          });
        }
      }
    }

    if (rowErrors.length > 0) errors.push(...rowErrors);
    else {
      out.rows.push({ ...fields, row: rowNo });
      for (const [kind, example] of rowNotes(rowNo, raw, textOf, fields, columnOf)) notices.note(kind, example);
      for (const [field, col] of fieldColumn) {
        const formula = options.formulas?.get(formulaAt(i, col));
        const value = fields[field];
        if (formula !== undefined)
          notices.note('formula', { row: rowNo, column: columnOf(field), field, from: formula, to: value ?? null });
      }
    }
  }
  if (!fieldColumn.has('category') && out.rows.length > 0) {
    for (const r of out.rows)
      notices.note('category_column', { row: r.row, column: null, field: 'category', from: '', to: 'voting' });
  }
  out.notices = notices.list(aboveHeader);
  return out;
}

/** Examples a notice carries: enough to recognise the kind, few enough to read. */
export const NOTICE_EXAMPLES = 3;

/** The notices of one file by kind, in the order ROSTER_NOTICE_KINDS lists them. */
class NoticeBook {
  private readonly byKind = new Map<RosterNoticeKind, { count: number; examples: RosterNoticeExample[] }>();

  note(kind: RosterNoticeKind, example: RosterNoticeExample): void {
    const entry = this.byKind.get(kind) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < NOTICE_EXAMPLES) entry.examples.push(example);
    this.byKind.set(kind, entry);
  }

  /** `aboveHeader`: the rows above the header (a title), counted once rather than noted row by row. */
  list(aboveHeader: number): RosterNotice[] {
    return ROSTER_NOTICE_KINDS.flatMap((kind) => {
      const entry = this.byKind.get(kind);
      if (!entry) return [];
      const count = kind === 'above_header' ? aboveHeader : entry.count;
      const reason = `roster.normalised.${kind}` as ReasonKey;
      const params: ReasonParams = kind === 'above_header' ? { count, row: entry.examples[0]!.row } : { count };
      return [
        {
          kind,
          count,
          reason,
          params,
          message: reasonText(reason, params, 'zh-CN') ?? reason,
          examples: entry.examples,
        },
      ];
    });
  }
}

/** A space between two Chinese characters: layout that `layoutName` closes up. */
const HAN_SPACED = /\p{Script=Han}\s+\p{Script=Han}/u;

/**
 * What reading one accepted row changed, cell by cell: the cell as the file had it (`from`,
 * only text cells carry spaces and Unicode forms) against the value to be stored (`to`).
 */
function rowNotes(
  row: number,
  raw: ReadonlyMap<Field, unknown>,
  textOf: ReadonlyMap<Field, string>,
  fields: DelegateFields,
  columnOf: (f: Field) => string,
): [RosterNoticeKind, RosterNoticeExample][] {
  const notes: [RosterNoticeKind, RosterNoticeExample][] = [];
  for (const [field, cell] of raw) {
    const text = textOf.get(field);
    if (text === undefined) continue;
    const column = columnOf(field);
    const note = (kind: RosterNoticeKind, from: string, to: string | null) =>
      notes.push([kind, { row, column, field, from, to }]);
    const source = typeof cell === 'string' ? cell : null;
    // NFC turns a CJK compatibility ideograph (U+F900–U+FAFF) into the unified one: the glyph may change.
    if (source !== null && source.normalize('NFC') !== source) note('unicode', source, source.normalize('NFC'));
    const nfc = source?.normalize('NFC') ?? null;
    const spaced = (stored: string | null) => {
      if (nfc !== null && nfc !== (stored ?? '')) note('spaces', nfc, stored);
    };
    switch (field) {
      case 'badge':
        if (nfc !== null && fields.badge !== nfc.trim()) note('badge', nfc, fields.badge);
        else spaced(fields.badge);
        break;
      case 'name':
        if (nfc !== null && nfc !== fields.name) {
          const kind = nfc.includes('\u3000') ? 'name_wide_space' : HAN_SPACED.test(nfc) ? 'name_space' : 'spaces';
          note(kind, nfc, fields.name);
        }
        break;
      case 'gender':
        if (fields.gender === null) break;
        if (text !== GENDER_WORDS[fields.gender]) note('gender', text, fields.gender);
        else spaced(text);
        break;
      case 'category':
        if (text === '') note('category_empty', nfc ?? '', fields.category);
        else if (text !== CATEGORY_WORDS[fields.category]) note('category', text, fields.category);
        else spaced(text);
        break;
      case 'birthDate': {
        if (fields.birthDate === null) break;
        const shown = typeof cell === 'number' ? numberText(cell) : nfc?.trim();
        if (shown !== undefined && shown !== fields.birthDate)
          note(typeof cell === 'number' ? 'birth_number' : 'birth_date', shown, fields.birthDate);
        else if (shown !== undefined) spaced(fields.birthDate);
        break;
      }
      default:
        // A cell of nothing but spaces is an empty cell, not a normalised one.
        if (text !== '') spaced(fields[field]);
    }
  }
  return notes;
}

function findHeaderRow(rows: unknown[][]): number | null {
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const fields = new Set<Field>();
    for (const cell of rows[i] ?? []) {
      const t = cellText(cell);
      if (t === '' || t.length > 100) continue;
      const f = recogniseHeader(t);
      if (f) fields.add(f);
    }
    // A merged title row repeats one text in every cell: count distinct fields, not cells.
    if (fields.size >= 2) return i;
  }
  return null;
}

function isEmptyRow(cells: unknown[]): boolean {
  return cells.every((c) => !(c instanceof CellFault) && cellText(c) === '');
}

/** The cell as people read it. `trim` covers U+3000 (ideographic space) too. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberText(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (cell instanceof CellFault) return cell.text;
  return String(cell).trim();
}

/** Excel stores 12 as 12 (shown "12"); never let it become "12.0" or "1.2e+1". */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

function normaliseBadge(cell: unknown, text: string): string {
  if (typeof cell === 'number') return numberText(cell);
  // Zeros typed as text stay.
  return normalizeBadge(text);
}

/** Why a birth date is not one: `year_range` (1900 to this year), else a term of core/reasons.ts `birth_fault`. */
type BirthFault = 'year_range' | 'month_range' | 'no_such_day' | 'invalid' | 'empty' | 'month_missing' | 'unrecognised';
type DateResult = { ok: true; value: string } | { ok: false; why: BirthFault };

const pad2 = (n: number) => String(n).padStart(2, '0');

function checkDate(y: number, m: number, d: number | null, thisYear: number): DateResult {
  if (y < 1900 || y > thisYear) return { ok: false, why: 'year_range' };
  if (m < 1 || m > 12) return { ok: false, why: 'month_range' };
  if (d !== null) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (d < 1 || d > days) return { ok: false, why: 'no_such_day' };
    return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
  }
  return { ok: true, value: `${y}-${pad2(m)}` };
}

const DATE_PATTERNS: readonly RegExp[] = [
  // 1975.03 / 1975-03 / 1975/3 / 1975.3.12 / 1975-03-12 / 1975/3/12
  /^(\d{4})[.\-/](\d{1,2})(?:[.\-/](\d{1,2}))?$/,
  // 1975年3月 / 1975年3月12日 (the 日 may be missing)
  /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日?)?$/,
  // 197503 / 19750312
  /^(\d{4})(\d{2})(\d{2})?$/,
];

/** Days between Excel's epoch (serial 0 = 1899-12-30, which absorbs the 1900 leap-year bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function parseBirthDate(cell: unknown, thisYear: number): DateResult {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, why: 'invalid' };
    // exceljs hands dates as UTC midnight; local getters would shift them a day in the west.
    return checkDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), thisYear);
  }
  if (typeof cell === 'number') return numericBirthDate(cell, thisYear);
  const t = cellText(cell).normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return { ok: false, why: 'empty' };
  for (const re of DATE_PATTERNS) {
    const m = re.exec(t);
    if (m) return checkDate(Number(m[1]), Number(m[2]), m[3] === undefined ? null : Number(m[3]), thisYear);
  }
  if (/^\d{4}年?$/.test(t)) return { ok: false, why: 'month_missing' };
  return { ok: false, why: 'unrecognised' };
}

function numericBirthDate(n: number, thisYear: number): DateResult {
  if (!Number.isFinite(n) || n <= 0) return { ok: false, why: 'unrecognised' };
  if (Number.isInteger(n)) {
    const s = String(n);
    if (s.length === 8) return checkDate(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6)), thisYear);
    if (s.length === 6) return checkDate(Number(s.slice(0, 4)), Number(s.slice(4)), null, thisYear);
    if (s.length === 4 && n >= 1900 && n <= thisYear + 1) return { ok: false, why: 'month_missing' };
    if (n < 100_000) return serialDate(n, thisYear);
    return { ok: false, why: 'unrecognised' };
  }
  // "1975.03" typed into a number cell arrives as 1975.03; "1975.10" arrives as 1975.1,
  // so a single decimal digit means month 10–12 under the two-digit-month convention of
  // cadre rosters. A fraction that is not a month (1975.5) stays an error.
  const year = Math.trunc(n);
  if (year >= 1000 && year <= 9999) {
    const frac = Math.round((n - year) * 100);
    if (Math.abs((n - year) * 100 - frac) > 1e-6) return { ok: false, why: 'unrecognised' };
    return checkDate(year, frac, null, thisYear);
  }
  // A date-time serial (time of day as the fraction): the day is what counts.
  return serialDate(Math.floor(n), thisYear);
}

function serialDate(serial: number, thisYear: number): DateResult {
  const d = new Date(EXCEL_EPOCH_MS + serial * 86_400_000);
  return checkDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), thisYear);
}
