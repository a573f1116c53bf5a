import type { AuditVerdict } from '../../core/model/audit.js';
import { ok } from '../../core/result.js';
import type { QueryHandler } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { verifyCheckpoints } from './checkpoint.js';
import { listAudit, verifyAuditChain } from './log.js';
import { replayAudit } from './replay.js';

export const list: QueryHandler<'audit.list'> = {
  kind: 'query',
  run: (input, { db }) => ok(listAudit(db, input.limit, input.beforeId)),
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
