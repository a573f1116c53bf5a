/**
 * Meetings of the congress (预备会议, 选举大会) and the first plenaries (一届一次全体会议) of the new
 * committee and 纪委, whose electorate is the members just elected (rule 14), and the committee
 * plenary's approval of the 纪委 plenary's result.
 */
import type { Meeting, MeetingApproval } from '../../core/domain.js';
import { normaliseName } from '../../core/names.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import { contestMembers, meetingElectorate } from '../attendance/electorate.js';
import { findDelegate, findMeeting, listApprovals, listMeetings } from '../congress/records.js';
import { type Contest, listContests, requireContest } from '../count/contest-rows.js';
import { type QueryHandler, query, type UpdateHandler, within } from '../handler-types.js';
import type { SqliteDb } from '../open.js';

export const meetingNotFound = (meetingId: number) =>
  refuse('not_found', 'meeting.not_found', { id: meetingId }, at('meetingId', meetingId));

/** The meeting named by a call, or the `not_found` every meeting-scoped call returns. */
export function requireMeeting(db: SqliteDb, meetingId: number) {
  const meeting = findMeeting(db, meetingId);
  return meeting ? ok(meeting) : meetingNotFound(meetingId);
}

export const list: QueryHandler<'meetings.list'> = {
  kind: 'query',
  run: (_input, { db }) => ok(listMeetings(db)),
};

/**
 * A members meeting gathers those elected in a contest that is over: 「全体会议由…当选的委员
 * 组成」. Its contest must have filled its seats or been closed, and every member must be a
 * delegate on the roster (a written-in winner is matched by name), or the desk could not check
 * them in.
 */
function membersContest(db: SqliteDb, contestId: number): Result<Contest> {
  const found = requireContest(db, contestId);
  if (!found.ok) return { ok: false, error: { ...found.error, field: 'electorateContestId' } };
  const contest = found.value;
  const field = at('electorateContestId', contest.id);
  if (contest.kind === 'prevote')
    return refuse('invalid_input', 'meetings.contest_prevote', { contest: contest.title }, field);
  if (contest.status !== 'closed') {
    return refuse('conflict', 'meetings.contest_not_closed', { contest: contest.title }, field);
  }
  const members = contestMembers(db, contest);
  if (!members.ok) return members;
  return ok(contest);
}

export const create: UpdateHandler<'meetings.create'> = {
  kind: 'update',
  run(input, { db }) {
    const contestId = input.electorateContestId ?? null;
    if (contestId !== null) {
      const contest = membersContest(db, contestId);
      if (!contest.ok) return contest;
    }
    const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM meetings').get() as {
      next: number;
    };
    const info = db
      .prepare('INSERT INTO meetings (name, date, position, electorate, electorate_contest_id) VALUES (?, ?, ?, ?, ?)')
      .run(input.name, input.date, next, input.electorate ?? 'delegates', contestId);
    const meeting = findMeeting(db, Number(info.lastInsertRowid)) as Meeting;
    // The desk needs a current meeting as soon as there is one.
    db.prepare('UPDATE congress SET current_meeting_id = ? WHERE id = 1 AND current_meeting_id IS NULL').run(
      meeting.id,
    );
    return ok(meeting);
  },
  changes: () => [{ topic: 'meetings' }, { topic: 'congress' }],
};

export const setCurrent = within<'meetings.setCurrent', Meeting>((input, db) => requireMeeting(db, input.meetingId), {
  run(meeting, _input, { db }) {
    db.prepare('UPDATE congress SET current_meeting_id = ? WHERE id = 1').run(meeting.id);
    return ok(meeting);
  },
  changes: () => [{ topic: 'meetings' }, { topic: 'congress' }],
});

export const electorate = query<'meetings.electorate'>((input, { db }) =>
  andThen(requireMeeting(db, input.meetingId), (meeting) => {
    const e = meetingElectorate(db, meeting);
    return ok({
      meetingId: meeting.id,
      electorate: meeting.electorate,
      contestId: meeting.electorateContestId,
      memberIds: e.kind === 'members' ? [...e.memberIds].sort((a, b) => a - b) : null,
    });
  }),
);

/** The members meeting's contest title, for refusals naming it. */
function electorateTitle(db: SqliteDb, meeting: Meeting): string {
  return meeting.electorateContestId === null
    ? ''
    : (requireContest(db, meeting.electorateContestId) as { ok: true; value: Contest }).value.title;
}

/**
 * At a members meeting a candidate must be a member (「从新当选的委员中」): a roster delegate among
 * them, or a typed name that is exactly one member's. `null` when the candidate may stand.
 */
export function refuseNonMemberCandidate(
  db: SqliteDb,
  contest: Contest,
  candidate: { delegateId: number | null; name: string },
): Result<never> | null {
  const meeting = findMeeting(db, contest.meetingId)!;
  const e = meetingElectorate(db, meeting);
  if (e.kind === 'delegates') return null;
  let name = candidate.name;
  if (candidate.delegateId !== null) {
    if (e.memberIds.has(candidate.delegateId)) return null;
    name = findDelegate(db, candidate.delegateId)?.name ?? name;
  } else {
    const wanted = normaliseName(candidate.name);
    const named = [...e.memberIds].filter((id) => normaliseName(findDelegate(db, id)?.name ?? '') === wanted);
    if (named.length === 1) return null;
  }
  return refuse(
    'invalid_input',
    'meetings.candidate_not_member',
    { name, contest: electorateTitle(db, meeting) },
    { field: candidate.delegateId === null ? 'name' : 'delegateId', value: String(candidate.delegateId ?? name) },
  );
}

/** The plenary's contests are all over, and there is at least one: there is a result to approve. */
function hasResult(db: SqliteDb, meetingId: number): boolean {
  const contests = listContests(db, meetingId);
  return contests.length > 0 && contests.every((c) => c.status === 'closed');
}

/**
 * Rule 14: 「党委全体会议…审议批准纪委全体会议选举的结果」. Both meetings are plenaries of members;
 * the approved one has finished its elections. Recorded once, never changed.
 */
export const approveResult = within<'meetings.approveResult', Meeting>(
  (input, db) => requireMeeting(db, input.meetingId),
  {
    run(approving, input, call) {
      const { db } = call;
      const approvedFound = findMeeting(db, input.approvedMeetingId);
      if (!approvedFound) {
        return { ok: false, error: { ...meetingNotFound(input.approvedMeetingId).error, field: 'approvedMeetingId' } };
      }
      const [meeting, approved] = [approving, approvedFound];
      if (meeting.id === approved.id) {
        return refuse('invalid_input', 'meetings.approval_same', {}, { field: 'approvedMeetingId' });
      }
      for (const [m, field] of [
        [meeting, 'meetingId'],
        [approved, 'approvedMeetingId'],
      ] as const) {
        if (m.electorate !== 'members') {
          return refuse(
            'invalid_input',
            'meetings.approval_not_members',
            { meeting: m.name },
            { field, value: String(m.id) },
          );
        }
      }
      if (!hasResult(db, approved.id)) {
        return refuse(
          'conflict',
          'meetings.approval_no_result',
          { meeting: approved.name },
          at('approvedMeetingId', approved.id),
        );
      }
      if (listApprovals(db).some((a) => a.meetingId === meeting.id && a.approvedMeetingId === approved.id)) {
        return refuse(
          'conflict',
          'meetings.approval_exists',
          { meeting: meeting.name, approved: approved.name },
          at('approvedMeetingId', approved.id),
        );
      }
      const info = db
        .prepare(
          `INSERT INTO meeting_approvals (meeting_id, approved_meeting_id, note, operator, station, at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          meeting.id,
          approved.id,
          input.note && input.note.length > 0 ? input.note : null,
          call.operator,
          call.station,
          call.now,
        );
      return ok(listApprovals(db).find((a) => a.id === Number(info.lastInsertRowid)) as MeetingApproval);
    },
    changes: () => [{ topic: 'meetings' }],
  },
);

export const approvals: QueryHandler<'meetings.approvals'> = {
  kind: 'query',
  run: (_input, { db }) => ok(listApprovals(db)),
};
