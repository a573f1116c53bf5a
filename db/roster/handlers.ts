import { createHash } from 'node:crypto';
import type { DelegateFields } from '../../core/domain.js';
import { type AppError, ok, type Result, refuse } from '../../core/result.js';
import type { ParsedRoster, RosterIssue } from '../../core/roster-types.js';
import type { QueryHandler, UpdateHandler } from '../handler-types.js';
import { applyRoster, diffRoster, duplicateBadges, type PresentFields } from './apply.js';
import { parseRosterFile } from './file.js';

const presentFields = (parsed: ParsedRoster): PresentFields =>
  new Set(parsed.columns.map((c) => c.field).filter((f): f is keyof DelegateFields => f !== null));

const decode = (contentBase64: string) => new Uint8Array(Buffer.from(contentBase64, 'base64'));

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const issueAsError = (issue: RosterIssue): AppError => ({
  code: 'roster_invalid',
  message: issue.message,
  ...(issue.reason ? { reason: issue.reason, params: issue.params ?? {} } : {}),
  ...(issue.row !== null ? { row: issue.row } : {}),
  ...(issue.column !== null ? { column: issue.column } : {}),
  ...(issue.value !== null ? { value: issue.value } : {}),
});

export const preview: QueryHandler<'roster.preview'> = {
  kind: 'query',
  async run(input, { db }) {
    const parsed = await parseRosterFile(input.fileName, decode(input.contentBase64));
    return ok({ ...parsed, ...diffRoster(db, parsed.rows, presentFields(parsed)) });
  },
};

/** Parses outside the transaction; any problem at all refuses the whole file. */
async function parseForImport(fileName: string, contentBase64: string): Promise<Result<ParsedRoster>> {
  const parsed = await parseRosterFile(fileName, decode(contentBase64));
  const issues = [...parsed.errors];
  for (const badge of duplicateBadges(parsed.rows)) {
    if (!issues.some((i) => i.value === badge)) {
      const { message, reason, params } = refuse('roster_invalid', 'roster.badge_twice', { badge }).error;
      issues.push({ row: null, column: null, value: badge, message, ...(reason ? { reason, params } : {}) });
    }
  }
  if (issues.length > 0) {
    return refuse(
      'roster_invalid',
      'roster.invalid',
      { count: issues.length },
      {
        details: issues.map(issueAsError),
      },
    );
  }
  if (parsed.rows.length === 0) return refuse('roster_invalid', 'roster.empty');
  return ok(parsed);
}

export const importRoster: UpdateHandler<'roster.import', ParsedRoster> = {
  kind: 'update',
  prepare: (input) => parseForImport(input.fileName, input.contentBase64),
  run(_input, { db }, parsed) {
    const diff = applyRoster(db, parsed.rows, presentFields(parsed));
    return ok({ added: diff.added.length, updated: diff.updated.length, unchanged: diff.unchanged });
  },
  // The file itself would bloat the log; its hash identifies it.
  audit: (input, output) => ({
    fileName: input.fileName,
    sha256: sha256Hex(decode(input.contentBase64)),
    ...output,
  }),
  changes: () => [{ topic: 'roster' }, { topic: 'attendance' }],
};
