import { ok } from '../../core/result.js';
import { listAudit, verifyAuditChain } from '../audit.js';
import type { QueryHandler } from './types.js';

export const list: QueryHandler<'audit.list'> = {
  kind: 'query',
  run: (input, { db }) => ok(listAudit(db, input.limit, input.beforeId)),
};

export const verify: QueryHandler<'audit.verify'> = {
  kind: 'query',
  run: (_input, { db }) => ok(verifyAuditChain(db)),
};
