/**
 * A candidate list (.xlsx or .csv) with the roster's columns: 姓名, 性别, 出生年月, 民族, 学历,
 * 工作单位. Read by the roster's machinery (db/roster-file.ts, core/roster.ts) so that a cell
 * means the same in both files; a candidate list needs no 代表证号, so when it has none the
 * row number stands in for it while parsing, and is dropped afterwards.
 */
import { reasonText } from '../../core/reasons.js';
import { HEADER_SEARCH_ROWS, parseRosterRows, recogniseHeader } from '../../core/roster.js';
import type { ParsedRoster } from '../../core/roster-types.js';
import { parseRosterFile } from '../roster/file.js';

export interface ParsedCandidates extends ParsedRoster {
  /** Whether the file has its own 代表证号 column (then a row may name a roster delegate). */
  hasBadge: boolean;
}

const SYNTHETIC_BADGE_HEADER = '代表证号';

const blank = (cell: unknown) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

export async function parseCandidateFile(fileName: string, bytes: Uint8Array): Promise<ParsedCandidates> {
  let hasBadge = true;
  const parsed = await parseRosterFile(fileName, bytes, (rows, format, encoding) => {
    const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
    let headerAt = -1;
    for (let i = 0; i < limit && headerAt < 0; i++) {
      if ((rows[i] ?? []).some((c) => typeof c === 'string' && recogniseHeader(c) === 'name')) headerAt = i;
    }
    if (headerAt < 0) {
      return {
        format,
        encoding,
        columns: [],
        rows: [],
        errors: [
          {
            row: null,
            column: '姓名',
            value: null,
            message: reasonText('candidates.no_name_column', { rows: HEADER_SEARCH_ROWS }, 'zh-CN')!,
            reason: 'candidates.no_name_column',
            params: { rows: HEADER_SEARCH_ROWS },
          },
        ],
        notices: [],
      };
    }
    const header = rows[headerAt] ?? [];
    hasBadge = header.some((c) => typeof c === 'string' && recogniseHeader(c) === 'badge');
    if (hasBadge) return parseRosterRows(rows, format, encoding);
    // A column after every other one, holding the row number of each non-empty row.
    const width = Math.max(...rows.map((r) => r.length));
    const withBadge = rows.map((r, i) => {
      if (i < headerAt) return r;
      const copy = [...r];
      for (let c = 0; c < width; c++) copy[c] ??= null;
      if (i === headerAt) copy[width] = SYNTHETIC_BADGE_HEADER;
      else if (!r.every(blank)) copy[width] = String(i + 1);
      return copy;
    });
    const out = parseRosterRows(withBadge, format, encoding);
    return { ...out, columns: out.columns.filter((c, i) => !(i === out.columns.length - 1 && c.field === 'badge')) };
  });
  return { ...parsed, hasBadge };
}
