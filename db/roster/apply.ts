/**
 * Re-importing an updated roster updates by 代表证号 and says what changed. Delegates
 * the file does not list are left alone: a roster is not a deletion list.
 */

import { normalizeBadge } from '../../core/badge.js';
import { DELEGATE_FIELD_NAMES, type DelegateFields } from '../../core/domain.js';
import { delegateFieldsOf, findDelegateByBadge, insertDelegate, replaceDelegate } from '../congress/records.js';
import type { SqliteDb } from '../open.js';

/** The fields compared between the file and the store, in the order the preview shows them. */
export const COMPARED_FIELDS = DELEGATE_FIELD_NAMES.filter((f) => f !== 'badge');

export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface RosterDiff {
  added: { badge: string; name: string }[];
  updated: { badge: string; name: string; fields: FieldChange[] }[];
  unchanged: number;
}

interface PlannedRow {
  fields: DelegateFields;
  existingId: number | null;
  changes: FieldChange[];
}

/**
 * The fields the file has a column for. A roster without a 民族 column says nothing about
 * ethnicity: re-importing it must keep what the store has, not blank it.
 */
export type PresentFields = ReadonlySet<keyof DelegateFields>;
const ALL_FIELDS: PresentFields = new Set<keyof DelegateFields>(DELEGATE_FIELD_NAMES);

function plan(db: SqliteDb, rows: readonly DelegateFields[], present: PresentFields): PlannedRow[] {
  return rows.map((row) => {
    const given = { ...row, badge: normalizeBadge(row.badge) };
    const existing = findDelegateByBadge(db, given.badge);
    if (!existing) return { fields: given, existingId: null, changes: [] };
    const stored = delegateFieldsOf(existing);
    const fields: DelegateFields = { ...stored };
    for (const f of COMPARED_FIELDS) if (present.has(f)) (fields as Record<string, unknown>)[f] = given[f];
    const changes = COMPARED_FIELDS.filter((f) => stored[f] !== fields[f]).map((f) => ({
      field: f,
      from: stored[f],
      to: fields[f],
    }));
    return { fields, existingId: existing.id, changes };
  });
}

function summarize(planned: PlannedRow[]): RosterDiff {
  const diff: RosterDiff = { added: [], updated: [], unchanged: 0 };
  for (const p of planned) {
    if (p.existingId === null) diff.added.push({ badge: p.fields.badge, name: p.fields.name });
    else if (p.changes.length > 0) diff.updated.push({ badge: p.fields.badge, name: p.fields.name, fields: p.changes });
    else diff.unchanged++;
  }
  return diff;
}

/** What importing `rows` would do, without writing. */
export function diffRoster(db: SqliteDb, rows: readonly DelegateFields[], present = ALL_FIELDS): RosterDiff {
  return summarize(plan(db, rows, present));
}

/** Inserts new badges and rewrites changed ones. Run it inside the import's transaction. */
export function applyRoster(db: SqliteDb, rows: readonly DelegateFields[], present = ALL_FIELDS): RosterDiff {
  const planned = plan(db, rows, present);
  for (const p of planned) {
    if (p.existingId === null) insertDelegate(db, p.fields);
    else if (p.changes.length > 0) replaceDelegate(db, p.existingId, p.fields);
  }
  return summarize(planned);
}

/** Badges listed more than once: the parser reports them, the store refuses them regardless. */
export function duplicateBadges(rows: readonly DelegateFields[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const r of rows) {
    const badge = normalizeBadge(r.badge);
    if (seen.has(badge)) dupes.add(badge);
    seen.add(badge);
  }
  return [...dupes];
}
