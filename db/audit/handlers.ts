import type { AuditVerdict } from '../../core/model/audit.js';
import { ok } from '../../core/result.js';
import { cannotWrite, missingFolder, overCongress } from '../file-target.js';
import { done, type QueryHandler, type UpdateHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { type StagedFileError, StagedFiles } from '../staged-files.js';
import { verifyCheckpoints } from './checkpoint.js';
import { verifyAuditChain } from './log.js';
import { auditNames } from './names.js';
import { everyAudit, filteredAudit } from './query.js';
import { replayAudit } from './replay.js';
import { auditWorkbook } from './workbook.js';

export const list: QueryHandler<'audit.list'> = {
  kind: 'query',
  run: ({ limit, beforeId, ...filter }, { db }) => ok(filteredAudit(db, filter, limit, beforeId, () => auditNames(db))),
};

export const names: QueryHandler<'audit.names'> = {
  kind: 'query',
  run: (_input, { db }) => ok(auditNames(db)),
};

/** The workbook made before the transaction (ExcelJS writes asynchronously); the dispatcher runs one call at a time, so no row comes between. */
interface Workbook {
  buffer: Buffer;
  rows: number;
}

const exportTarget = (path: string, open: string) => overCongress(path, open, 'path') ?? missingFolder(path);

/**
 * The log (as filtered) written as a workbook of sentences, staged beside its target and put in
 * place as one unit with its own audit row (db/staged-files.ts), like the result file.
 */
export const exportLog: UpdateHandler<'audit.export', Workbook, { files: StagedFiles }> = {
  kind: 'update',
  precheck: (input, { path }) => exportTarget(input.path, path) ?? ok(null),
  async prepare({ path: _path, language, ...filter }, { db }) {
    const all = auditNames(db);
    return ok(
      await auditWorkbook(
        everyAudit(db, filter, () => all),
        all,
        language,
      ),
    );
  },
  run(input, { path }, workbook) {
    const refused = exportTarget(input.path, path);
    if (refused) return refused;
    const files = new StagedFiles();
    let bytes: number;
    try {
      bytes = files.stage(input.path, workbook.buffer, 'path');
    } catch (error) {
      files.discard();
      const failed = error as StagedFileError;
      return cannotWrite(failed, failed.field, failed.target);
    }
    return done({ path: input.path, bytes, rows: workbook.rows }, { files });
  },
  staged: (note) => note.files,
  audit: (input, output) => ({ ...input, rows: output.rows, bytes: output.bytes }),
  changes: () => [],
};

/** The chain, then the tables against the log replayed (db/audit/replay.ts). */
export function auditVerdict(db: SqliteDb): AuditVerdict {
  const chain = verifyAuditChain(db);
  const replay = replayAudit(db);
  const difference = replay.ok
    ? null
    : { reason: replay.error.reason ?? '', params: replay.error.params ?? {}, message: replay.error.message };
  const checkpoints = verifyCheckpoints(db);
  const { problem, ...anchor } = checkpoints;
  return {
    ...chain,
    ok: chain.ok && replay.ok && problem === null,
    tablesAgree: replay.ok,
    difference,
    anchor: {
      ...anchor,
      problem: problem && { reason: problem.reason ?? '', params: problem.params ?? {}, message: problem.message },
    },
  };
}

export const verify: QueryHandler<'audit.verify'> = {
  kind: 'query',
  run: (_input, { db }) => ok(auditVerdict(db)),
};
