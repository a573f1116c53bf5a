import type { auditZhCN } from './messages.zh-CN.js';

/** The audit feature's texts in English: exactly the keys of the zh-CN section. */
export const auditEn: Record<keyof typeof auditZhCN, string> = {
  'audit.acknowledged': 'Acknowledged by {by}: {warning}',
  'audit.title': 'Audit log',
  'audit.hint': 'Every write appends one row, chained by SHA-256: changing any row breaks the chain.',
  'audit.verify': 'Verify chain',
  'audit.verify.ok': 'Chain intact: all {count} rows verified.',
  'audit.verify.broken': 'Chain broken at row {id} ({count} rows).',
  'audit.verify.tables':
    'The chain is intact ({count} rows), but the tables are not what the log’s changes make them: the file was changed outside this program.',
  'audit.verify.brokenShort': 'broken',
  'audit.id': 'No.',
  'audit.at': 'Time',
  'audit.operator': 'Operator',
  'audit.station': 'Station',
  'audit.action': 'Action',
  'audit.payload': 'Payload',
  'audit.hash': 'Hash',
  'audit.newer': 'Newer',
  'audit.older': 'Older',
  'audit.first': 'Newest',
  'audit.page': 'Page {n}',
  'audit.empty': 'No rows yet.',
};
