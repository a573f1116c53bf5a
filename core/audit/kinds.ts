/**
 * What the audit log's rows are about, for its filters (issue 15 item 2: 「filters by kind,
 * operator and contest」): every action a row can carry belongs to one kind. The write channels
 * are their own actions (db/commit.ts); the rows written outside a channel's transaction are
 * listed in OTHER_ACTIONS (tests/core/audit-sentences.test.ts finds them in db/ and fails on one
 * missing here).
 */
import { channels, contract } from '../contract.js';
import { AUDIT_KINDS, type AuditKind } from '../model/audit.js';

export { AUDIT_KINDS, type AuditKind };

/** Rows appended by name rather than by a write channel's commit. */
export const OTHER_ACTIONS = [
  'station.signIn_failed',
  'chief.confirm_failed',
  'chief.confirm_cleared',
  'congress.backup.withdrawn',
  'result.export.withdrawn',
  'audit.export.withdrawn',
  'audit.anchor',
  'audit.key',
  'audit.checkpoint',
  'audit.baseline',
  // Issue 14: the venue network's rows of the host (db/lan/host/store.ts) and of a promoted standby.
  'lan.pair',
  'lan.pairRefused',
  'lan.standby',
  'lan.promoted',
] as const;

/** Every action a row of this program's audit log can carry. */
export const AUDIT_ACTIONS: readonly string[] = [...channels.filter((c) => contract[c].write), ...OTHER_ACTIONS];

/** The kind by the action's first word; a few words are their own kind's. */
const KIND_OF_PREFIX: Record<string, AuditKind> = {
  attendance: 'attendance',
  oath: 'attendance',
  pledges: 'attendance',
  ballots: 'ballots',
  stacks: 'ballots',
  // Scanned papers received (issue 13): the count's own record, beside the ballots they become.
  scan: 'ballots',
  rounds: 'rounds',
  contests: 'contests',
  candidates: 'contests',
  officials: 'contests',
  delegates: 'roster',
  roster: 'roster',
  operators: 'operators',
  station: 'operators',
  chief: 'operators',
  backups: 'files',
  result: 'files',
  congress: 'congress',
  meetings: 'congress',
  discipline: 'congress',
  audit: 'chain',
  // Issue 14: stations paired, revoked, the venue opened: who may work where.
  lan: 'operators',
};

/** Files written or read back: the exports and backups, whatever their channel's word. */
const FILE_ACTIONS = new Set([
  'congress.backup',
  'congress.backup.withdrawn',
  'audit.export',
  'audit.export.withdrawn',
]);

export function kindOf(action: string): AuditKind {
  if (FILE_ACTIONS.has(action)) return 'files';
  return KIND_OF_PREFIX[action.split('.')[0] ?? ''] ?? 'congress';
}

/** The actions of the given kinds: what the log's query matches (`action IN (…)`, on its index). */
export const actionsOfKinds = (kinds: readonly AuditKind[]): string[] =>
  AUDIT_ACTIONS.filter((a) => kinds.includes(kindOf(a)));
