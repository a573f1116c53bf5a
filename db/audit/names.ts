/**
 * The names an audit row's ids stand for (`audit.names`, issue 15 item 2): what the sentences of
 * core/audit/sentences.ts look up. The file's tables as they are now; a candidate or an official
 * since removed keeps the name the row that added it recorded (its `changes`), found through the
 * index on audit_log (action) among the few rows that add them.
 */
import { type AuditNames, noAuditNames } from '../../core/model/audit.js';
import type { Role } from '../../core/model/operators.js';
import type { SqliteDb } from '../open.js';

/** The rows whose changes add candidates or officials (a candidate removed leaves only these). */
const ADDING: Record<'candidates' | 'contest_officials', string[]> = {
  candidates: ['candidates.add', 'candidates.import', 'contests.createFromPrevote', 'rounds.openAdditional'],
  contest_officials: ['officials.appoint'],
};

/** The rows of `table` that the changes of `actions` recorded, oldest first. */
interface Named {
  id: number;
  name: string;
  contestId: number;
}

function recorded(db: SqliteDb, table: keyof typeof ADDING): Named[] {
  const actions = ADDING[table];
  return db
    .prepare(
      `SELECT json_extract(c.value, '$[2].id') AS id, json_extract(c.value, '$[2].name') AS name,
              json_extract(c.value, '$[2].contest_id') AS contestId
       FROM audit_log AS a, json_each(a.changes) AS c
       WHERE a.action IN (${actions.map(() => '?').join(', ')}) AND a.changes IS NOT NULL
         AND json_extract(c.value, '$[0]') = ? AND json_type(c.value, '$[2]') = 'object'
       ORDER BY a.id`,
    )
    .all(...actions, table) as Named[];
}

const rows = <T>(db: SqliteDb, sql: string) => db.prepare(sql).all() as T[];

export function auditNames(db: SqliteDb): AuditNames {
  const names = noAuditNames();
  for (const m of rows<{ id: number; name: string }>(db, 'SELECT id, name FROM meetings'))
    names.meetings[m.id] = m.name;
  for (const c of rows<{ id: number; title: string }>(db, 'SELECT id, title FROM contests'))
    names.contests[c.id] = c.title;
  for (const r of rows<{ id: number; contestId: number; number: number }>(
    db,
    'SELECT id, contest_id AS contestId, number FROM rounds',
  ))
    names.rounds[r.id] = { contestId: r.contestId, number: r.number };
  for (const d of rows<{ id: number; name: string; badge: string }>(db, 'SELECT id, name, badge FROM delegates'))
    names.delegates[d.id] = { name: d.name, badge: d.badge };
  // Recorded first, then the tables: a name as it is now wins over the one it was added with.
  for (const table of ['candidates', 'contest_officials'] as const) {
    const into = table === 'candidates' ? names.candidates : names.officials;
    const now = rows<Named>(db, `SELECT id, name, contest_id AS contestId FROM ${table}`);
    for (const c of [...recorded(db, table), ...now]) into[c.id] = { name: c.name, contestId: c.contestId };
  }
  for (const o of rows<{ id: number; name: string; role: Role }>(db, 'SELECT id, name, role FROM operators')) {
    names.operators[o.name] = o.role;
    names.operatorIds[o.id] = o.name;
  }
  for (const o of rows<{ id: number; meetingId: number }>(db, 'SELECT id, meeting_id AS meetingId FROM oaths'))
    names.oaths[o.id] = o.meetingId;
  for (const p of rows<{ id: number; delegateId: number }>(db, 'SELECT id, delegate_id AS delegateId FROM pledges'))
    names.pledges[p.id] = p.delegateId;
  for (const e of rows<{ id: number; delegateId: number; meetingId: number }>(
    db,
    'SELECT id, delegate_id AS delegateId, meeting_id AS meetingId FROM due_exclusions',
  ))
    names.exclusions[e.id] = { delegateId: e.delegateId, meetingId: e.meetingId };
  return names;
}
