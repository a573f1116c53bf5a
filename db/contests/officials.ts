/**
 * Officials of a contest (rule 13): 「总监票人、监票人由全体代表中不是候选人的人员担任,经大会表决
 * 通过;计票人在监票人监督下进行工作」. The 总监票人 and 监票人 are voters of the contest's
 * meeting who do not stand in that contest, recorded with how the meeting approved them; the
 * 计票人 are appointed (staff or delegates, any name). The forms print their names.
 */

import { isVoter } from '../../core/attendance.js';
import type { Official } from '../../core/model/index.js';
import { normaliseName } from '../../core/names.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import { meetingElectorate } from '../attendance/electorate.js';
import { findDelegate, findMeeting, standingExclusions } from '../congress/records.js';
import { type Contest, listCandidates, requireContest } from '../count/contest-rows.js';
import { done, query, type UpdateHandler, within } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { delegateNotFound } from '../roster/delegates.js';
import { statement } from '../statements.js';
import { contestChanged } from './handlers.js';

export type { Official };

interface OfficialRow {
  id: number;
  contest_id: number;
  role: Official['role'];
  delegate_id: number | null;
  name: string;
  approval: string | null;
  appointed_by: string;
  appointed_at: string;
}

const officialOf = (r: OfficialRow): Official => ({
  id: r.id,
  contestId: r.contest_id,
  role: r.role,
  delegateId: r.delegate_id,
  name: r.name,
  approval: r.approval,
  appointedBy: r.appointed_by,
  appointedAt: r.appointed_at,
});

const ROLE_ORDER = "CASE role WHEN 'chief_scrutineer' THEN 1 WHEN 'scrutineer' THEN 2 ELSE 3 END";

/** The contest's officials: the 总监票人, then 监票人, then 计票人, each in the order appointed. */
export function listOfficials(db: SqliteDb, contestId: number): Official[] {
  return (
    statement(db, `SELECT * FROM contest_officials WHERE contest_id = ? ORDER BY ${ROLE_ORDER}, id`).all(
      contestId,
    ) as OfficialRow[]
  ).map(officialOf);
}

function findOfficial(db: SqliteDb, id: number): Official | undefined {
  const row = statement(db, 'SELECT * FROM contest_officials WHERE id = ?').get(id) as OfficialRow | undefined;
  return row && officialOf(row);
}

/**
 * A scrutineer of the contest cannot stand in it (rule 13, the other way round): the refusal for
 * candidates.add and the candidates added to a 另行选举. `null` when the delegate may stand.
 */
export function refuseOfficialAsCandidate(
  db: SqliteDb,
  contest: Contest,
  delegateId: number | null,
  field = 'delegateId',
): Result<never> | null {
  if (delegateId === null) return null;
  const row = statement(
    db,
    "SELECT name FROM contest_officials WHERE contest_id = ? AND delegate_id = ? AND role <> 'counter'",
  ).get(contest.id, delegateId) as { name: string } | undefined;
  if (!row) return null;
  return refuse(
    'conflict',
    'officials.candidate_is_scrutineer',
    { name: row.name, contest: contest.title },
    { field, value: String(delegateId) },
  );
}

export const list = query<'officials.list'>((input, { db }) =>
  andThen(requireContest(db, input.contestId), () => ok(listOfficials(db, input.contestId))),
);

export const appoint = within<'officials.appoint', Contest>((input, db) => requireContest(db, input.contestId), {
  run(contest, input, call) {
    const { db } = call;
    if (contest.status === 'closed') {
      return refuse('conflict', 'officials.contest_closed', { contest: contest.title }, at('contestId', contest.id));
    }
    const scrutineer = input.role !== 'counter';
    let name: string;
    if (input.delegateId !== null) {
      const d = findDelegate(db, input.delegateId);
      if (!d) return delegateNotFound(input.delegateId);
      name = d.name;
    } else if (scrutineer) {
      return refuse('invalid_input', 'officials.delegate_required', {}, { field: 'delegateId' });
    } else if (input.name === null) {
      return refuse('invalid_input', 'officials.delegate_required', {}, { field: 'name' });
    } else {
      name = input.name;
    }
    const person = {
      field: input.delegateId === null ? 'name' : 'delegateId',
      value: String(input.delegateId ?? name),
    };

    if (scrutineer) {
      const delegateId = input.delegateId!;
      // 「由…不是候选人的人员担任」: a candidate of this contest (by roster link, or by name).
      const wanted = normaliseName(name);
      const standing = listCandidates(db, contest.id).some(
        (c) => c.delegateId === delegateId || (c.delegateId === null && normaliseName(c.name) === wanted),
      );
      if (standing) return refuse('conflict', 'officials.is_candidate', { name, contest: contest.title }, person);
      // A voter of the contest's meeting: the voting delegates, or the members at a plenary, not excluded.
      const meeting = findMeeting(db, contest.meetingId)!;
      const d = findDelegate(db, delegateId)!;
      const excluded = standingExclusions(db, meeting.id).some((x) => x.delegateId === delegateId);
      if (!isVoter(d, meetingElectorate(db, meeting)) || excluded) {
        return refuse('conflict', 'officials.not_voter', { name }, person);
      }
      if (input.approval === null) {
        return refuse('invalid_input', 'officials.approval_required', { name }, { field: 'approval' });
      }
      if (input.role === 'chief_scrutineer') {
        const chief = listOfficials(db, contest.id).find((o) => o.role === 'chief_scrutineer');
        if (chief) {
          return refuse('conflict', 'officials.chief_exists', { contest: contest.title, name: chief.name }, person);
        }
      }
    }
    if (input.delegateId !== null) {
      const already = listOfficials(db, contest.id).find((o) => o.delegateId === input.delegateId);
      if (already) return refuse('conflict', 'officials.already_official', { name, contest: contest.title }, person);
    }
    const info = statement(
      db,
      `INSERT INTO contest_officials (contest_id, role, delegate_id, name, approval, appointed_by, appointed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(contest.id, input.role, input.delegateId, name, input.approval, call.operator, call.now);
    return ok(findOfficial(db, Number(info.lastInsertRowid))!);
  },
  changes: (input) => contestChanged(input.contestId),
});

/** Only before the contest's first distribution: once papers are out, those who watched them stay on record. */
export const remove: UpdateHandler<'officials.remove', undefined, Official> = {
  kind: 'update',
  run(input, { db }) {
    const official = findOfficial(db, input.officialId);
    if (!official) {
      return refuse('not_found', 'officials.not_found', { id: input.officialId }, at('officialId', input.officialId));
    }
    const contest = requireContest(db, official.contestId);
    if (!contest.ok) return contest;
    if (contest.value.status !== 'setup') {
      return refuse('conflict', 'officials.locked', { contest: contest.value.title }, at('officialId', official.id));
    }
    statement(db, 'DELETE FROM contest_officials WHERE id = ?').run(official.id);
    return done({}, official);
  },
  // The removed official as it was: the row itself is gone.
  audit: (input, _output, { note }) => ({ officialId: input.officialId, removed: note }),
  changes: (_input, _output, { note }) => contestChanged(note.contestId),
};
