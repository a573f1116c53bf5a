import { ok } from '../../core/result.js';
import type { QueryHandler } from '../handler-types.js';
import { listAudit, verifyAuditChain } from './log.js';

export const list: QueryHandler<'audit.list'> = {
  kind: 'query',
  run: (input, { db }) => ok(listAudit(db, input.limit, input.beforeId)),
};

export const verify: QueryHandler<'audit.verify'> = {
  kind: 'query',
  run: (_input, { db }) => ok(verifyAuditChain(db)),
};
