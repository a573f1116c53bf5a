/**
 * Who votes at a meeting, and its attendance figures (rules 14 and 16). Every figure of a
 * meeting — the desk's counts, the quorum at distribution, a round's snapshot, the attendance
 * report, the result file — comes from `meetingAttendance`, so they cannot disagree.
 */
import { DELEGATES, type Electorate, summarizeAttendance } from '../../core/attendance.js';
import type { AttendanceSummary, Meeting } from '../../core/domain.js';
import { ok, type Result, refuse } from '../../core/result.js';
import {
  findMeeting,
  listAttendance,
  listDelegateGroups,
  readCongress,
  standingExclusions,
} from '../congress/records.js';
import { type Contest, delegatesNamed, findCandidate, findContest } from '../count/contest-rows.js';
import { electedInContest } from '../count/round-rows.js';
import type { SqliteDb } from '../open.js';

/** A member elected in a contest, as the roster delegate they are. */
export interface Member {
  delegateId: number;
  name: string;
}

/**
 * Those elected in the contest's closed rounds, each matched to exactly one roster delegate: a
 * candidate picked from the roster is that delegate; a typed-in candidate or a written-in winner
 * is matched by normalised name, and refused when no delegate or several have that name.
 */
export function contestMembers(db: SqliteDb, contest: Contest): Result<Member[]> {
  const members: Member[] = [];
  for (const e of electedInContest(db, contest.id)) {
    const candidate = e.candidateId === null ? undefined : findCandidate(db, e.candidateId);
    if (candidate?.delegateId != null) {
      members.push({ delegateId: candidate.delegateId, name: candidate.name });
      continue;
    }
    const matches = delegatesNamed(db, candidate?.name ?? e.name);
    if (matches.length !== 1) {
      return refuse(
        'conflict',
        'meetings.member_not_on_roster',
        { contest: contest.title, name: e.name, matches: matches.length },
        { field: 'electorateContestId', value: e.name },
      );
    }
    members.push({ delegateId: matches[0]!.id, name: matches[0]!.name });
  }
  return ok(members);
}

/** The meeting's electorate: the voting delegates, or the members of its contest. */
export function meetingElectorate(db: SqliteDb, meeting: Meeting): Electorate {
  if (meeting.electorate === 'delegates' || meeting.electorateContestId === null) return DELEGATES;
  const contest = findContest(db, meeting.electorateContestId)!;
  const members = contestMembers(db, contest);
  // Matched when the meeting was created; a name that stopped matching since drops out rather
  // than letting someone else vote.
  const ids = members.ok ? members.value.map((m) => m.delegateId) : [];
  return { kind: 'members', memberIds: new Set(ids) };
}

/** 应到/实到/请假/缺席 and the quorum of a meeting, for its own electorate, less approved exclusions. */
export function meetingAttendance(db: SqliteDb, meetingId: number): AttendanceSummary {
  const meeting = findMeeting(db, meetingId)!;
  const { settings } = readCongress(db);
  return summarizeAttendance(meetingId, listDelegateGroups(db), listAttendance(db, meetingId), settings, {
    electorate: meetingElectorate(db, meeting),
    exclusions: standingExclusions(db, meetingId),
    started: meetingStarted(db, meetingId),
  });
}

/**
 * Whether the meeting has started, as far as the file knows: its oath of discipline began (the
 * oath's start is kept and never moved), or a round of it had its papers handed out (the round
 * took 应到 and 实到 then). Before that, a delegate not here is 未到, not yet 缺席.
 */
export function meetingStarted(db: SqliteDb, meetingId: number): boolean {
  return (
    db.prepare('SELECT 1 FROM oaths WHERE meeting_id = ? LIMIT 1').get(meetingId) !== undefined ||
    meetingHasDistributed(db, meetingId)
  );
}

/** Whether any round of a contest of the meeting has had its papers distributed (its snapshot taken). */
export function meetingHasDistributed(db: SqliteDb, meetingId: number): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM rounds r JOIN contests c ON c.id = r.contest_id
           WHERE c.meeting_id = ? AND r.voters_present IS NOT NULL LIMIT 1`,
      )
      .get(meetingId) !== undefined
  );
}
