import type { DelegateFields } from '../../core/domain.js';
import { ok, type Result, refuse } from '../../core/result.js';
import type { ParsedRoster } from '../../core/roster-types.js';
import { decodeFile, sha256Hex, wholeFile } from '../file-import.js';
import type { QueryHandler, UpdateHandler } from '../handler-types.js';
import { applyRoster, diffRoster, duplicateBadges, type PresentFields } from './apply.js';
import { parseRosterFile } from './file.js';

const presentFields = (parsed: ParsedRoster): PresentFields =>
  new Set(parsed.columns.map((c) => c.field).filter((f): f is keyof DelegateFields => f !== null));

export const preview: QueryHandler<'roster.preview'> = {
  kind: 'query',
  async run(input, { db }) {
    const parsed = await parseRosterFile(input.fileName, decodeFile(input.contentBase64));
    return ok({ ...parsed, ...diffRoster(db, parsed.rows, presentFields(parsed)) });
  },
};

/** Parses outside the transaction; any problem at all refuses the whole file. */
async function parseForImport(fileName: string, contentBase64: string): Promise<Result<ParsedRoster>> {
  const parsed = await parseRosterFile(fileName, decodeFile(contentBase64));
  const issues = [...parsed.errors];
  for (const badge of duplicateBadges(parsed.rows)) {
    if (!issues.some((i) => i.value === badge)) {
      const { message, reason, params } = refuse('roster_invalid', 'roster.badge_twice', { badge }).error;
      issues.push({ row: null, column: null, value: badge, message, ...(reason ? { reason, params } : {}) });
    }
  }
  return wholeFile(parsed, issues, { code: 'roster_invalid', invalid: 'roster.invalid', empty: 'roster.empty' });
}

export const importRoster: UpdateHandler<'roster.import', ParsedRoster> = {
  kind: 'update',
  prepare: (input) => parseForImport(input.fileName, input.contentBase64),
  run(_input, { db }, parsed) {
    const diff = applyRoster(db, parsed.rows, presentFields(parsed));
    return ok({ added: diff.added.length, updated: diff.updated.length, unchanged: diff.unchanged });
  },
  audit: (input, output) => ({
    fileName: input.fileName,
    sha256: sha256Hex(decodeFile(input.contentBase64)),
    ...output,
  }),
  changes: () => [{ topic: 'roster' }, { topic: 'attendance' }],
};
