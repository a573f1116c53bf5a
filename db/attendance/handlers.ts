/**
 * The check-in desk. Every change of a delegate's attendance writes the new state into
 * `attendance` and an event into `attendance_events` that remembers the state it
 * replaced, so that undo restores it exactly (a delegate on leave who was checked in by
 * mistake is on leave again, with the same reason).
 */

import { isVoter, mayAttend } from '../../core/attendance.js';
import { normalizeBadge } from '../../core/badge.js';
import type { AttendanceRecord, Delegate, DueExclusion, Meeting } from '../../core/domain.js';
import { andThen, at, ok, type Result, refuse } from '../../core/result.js';
import {
  findAttendance,
  findDelegate,
  findDelegateByBadge,
  findExclusion,
  findMeeting,
  listAttendance,
  listExclusions,
  type StoredAttendance,
  standingExclusions,
} from '../congress/records.js';
import { findContest } from '../count/contest-rows.js';
import { query, type UpdateCall, type UpdateHandler, unchanged, type WriteOutcome, within } from '../handler-types.js';
import { requireMeeting } from '../meetings/handlers.js';
import type { SqliteDb } from '../open.js';
import { andDelegate, delegateNotFound } from '../roster/delegates.js';
import { statement } from '../statements.js';
import { meetingAttendance, meetingElectorate, meetingHasDistributed } from './electorate.js';

type EventKind = 'check_in' | 'leave' | 'absent' | 'reset' | 'undo';

function recordEvent(
  db: SqliteDb,
  call: UpdateCall,
  meetingId: number,
  delegateId: number,
  kind: EventKind,
  reason: string | null,
  previous: StoredAttendance | undefined,
  undoesEventId: number | null = null,
): void {
  statement(
    db,
    `INSERT INTO attendance_events (meeting_id, delegate_id, kind, reason, prev_status, prev_reason, prev_at,
       prev_operator, prev_station, undoes_event_id, station, operator, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    meetingId,
    delegateId,
    kind,
    reason,
    previous?.status ?? null,
    previous?.reason ?? null,
    previous?.at ?? null,
    previous?.operator ?? null,
    previous?.station ?? null,
    undoesEventId,
    call.station,
    call.operator,
    call.now,
  );
}

function writeState(db: SqliteDb, meetingId: number, delegateId: number, state: StoredAttendance | null): void {
  if (state === null) {
    statement(db, 'DELETE FROM attendance WHERE meeting_id = ? AND delegate_id = ?').run(meetingId, delegateId);
    return;
  }
  statement(
    db,
    `INSERT INTO attendance (meeting_id, delegate_id, status, reason, at, operator, station) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (meeting_id, delegate_id) DO UPDATE SET status = excluded.status, reason = excluded.reason,
       at = excluded.at, operator = excluded.operator, station = excluded.station`,
  ).run(meetingId, delegateId, state.status, state.reason, state.at, state.operator, state.station);
}

const publicRecord = ({ station: _station, ...record }: StoredAttendance): AttendanceRecord => record;

interface CheckInOutcome {
  outcome: 'checked_in' | 'already_present';
  delegate: Delegate;
  record: AttendanceRecord;
}

const delegateField = (delegate: Delegate) => at('delegateId', delegate.id);

/**
 * Whether the desk may record the delegate's attendance at the meeting: at a plenary only its
 * members attend (rule 14), and someone excluded from 应到 (rule 16) has no attendance to record.
 */
function refuseAttendance(db: SqliteDb, meeting: Meeting, delegate: Delegate): Result<never> | null {
  const params = { name: delegate.name, badge: delegate.badge };
  if (!mayAttend(delegate, meetingElectorate(db, meeting))) {
    const contest = findContest(db, meeting.electorateContestId!)!;
    return refuse('conflict', 'meetings.not_member', { ...params, contest: contest.title }, delegateField(delegate));
  }
  if (standingExclusions(db, meeting.id).some((x) => x.delegateId === delegate.id)) {
    return refuse('conflict', 'attendance.excluded', params, delegateField(delegate));
  }
  return null;
}

/**
 * Checking in someone already present says so and changes nothing; a delegate marked on
 * leave or absent who turns up is checked in (the event keeps the leave for undo).
 */
function checkInDelegate(
  db: SqliteDb,
  call: UpdateCall,
  meeting: Meeting,
  delegate: Delegate,
): WriteOutcome<CheckInOutcome> {
  const meetingId = meeting.id;
  const refused = refuseAttendance(db, meeting, delegate);
  if (refused) return refused;
  const previous = findAttendance(db, meetingId, delegate.id);
  if (previous?.status === 'present') {
    return unchanged({ outcome: 'already_present', delegate, record: publicRecord(previous) });
  }
  const state: StoredAttendance = {
    delegateId: delegate.id,
    status: 'present',
    reason: null,
    at: call.now,
    operator: call.operator,
    station: call.station,
  };
  writeState(db, meetingId, delegate.id, state);
  recordEvent(db, call, meetingId, delegate.id, 'check_in', null, previous);
  return ok({ outcome: 'checked_in', delegate, record: publicRecord(state) });
}

const attendanceChanged = (input: { meetingId: number }) => [
  { topic: 'attendance' as const, meetingId: input.meetingId },
];

export const summary = query<'attendance.summary'>((input, { db }) =>
  andThen(requireMeeting(db, input.meetingId), () => ok(meetingAttendance(db, input.meetingId))),
);

export const list = query<'attendance.list'>((input, { db }) =>
  andThen(requireMeeting(db, input.meetingId), () => ok(listAttendance(db, input.meetingId))),
);

export const checkInByBadge: UpdateHandler<'attendance.checkInByBadge'> = {
  kind: 'update',
  run(input, call) {
    const meeting = requireMeeting(call.db, input.meetingId);
    if (!meeting.ok) return meeting;
    const badge = normalizeBadge(input.badge);
    const delegate = findDelegateByBadge(call.db, badge);
    if (!delegate) return refuse('not_found', 'attendance.badge_unknown', { badge }, { field: 'badge', value: badge });
    return checkInDelegate(call.db, call, meeting.value, delegate);
  },
  changes: attendanceChanged,
};

export const checkIn: UpdateHandler<'attendance.checkIn'> = {
  kind: 'update',
  run(input, call) {
    const meeting = requireMeeting(call.db, input.meetingId);
    if (!meeting.ok) return meeting;
    const delegate = findDelegate(call.db, input.delegateId);
    if (!delegate) return delegateNotFound(input.delegateId);
    return checkInDelegate(call.db, call, meeting.value, delegate);
  },
  changes: attendanceChanged,
};

interface EventRow {
  id: number;
  delegate_id: number;
  prev_status: StoredAttendance['status'] | null;
  prev_reason: string | null;
  prev_at: string | null;
  prev_operator: string | null;
  prev_station: string | null;
}

/** Undoes this station's last check-in at the meeting, restoring the state it replaced. */
export const undoLast = within<'attendance.undoLast', Meeting>((input, db) => requireMeeting(db, input.meetingId), {
  run(_meeting, input, call) {
    const { db } = call;
    const last = statement(
      db,
      `SELECT id, delegate_id, prev_status, prev_reason, prev_at, prev_operator, prev_station FROM attendance_events
         WHERE meeting_id = ? AND station = ? AND kind = 'check_in' AND undone = 0 ORDER BY id DESC LIMIT 1`,
    ).get(input.meetingId, call.station) as EventRow | undefined;
    if (!last) return refuse('not_found', 'attendance.nothing_to_undo');
    const delegate = findDelegate(db, last.delegate_id)!;
    // Restoring the old state over a later change (another station marked leave since)
    // would silently erase that change.
    const later = statement(
      db,
      'SELECT 1 FROM attendance_events WHERE meeting_id = ? AND delegate_id = ? AND id > ? LIMIT 1',
    ).get(input.meetingId, last.delegate_id, last.id);
    if (later) {
      return refuse(
        'conflict',
        'attendance.changed_since',
        { name: delegate.name, badge: delegate.badge },
        {
          value: delegate.badge,
        },
      );
    }
    const previous = findAttendance(db, input.meetingId, last.delegate_id);
    const restored: StoredAttendance | null =
      last.prev_status === null
        ? null
        : {
            delegateId: last.delegate_id,
            status: last.prev_status,
            reason: last.prev_reason,
            at: last.prev_at ?? call.now,
            operator: last.prev_operator ?? call.operator,
            station: last.prev_station ?? call.station,
          };
    writeState(db, input.meetingId, last.delegate_id, restored);
    statement(db, 'UPDATE attendance_events SET undone = 1 WHERE id = ?').run(last.id);
    recordEvent(db, call, input.meetingId, last.delegate_id, 'undo', null, previous, last.id);
    return ok({ delegate });
  },
  changes: attendanceChanged,
});

/** A call on one delegate at one meeting: the meeting refused first, then the delegate. */
const delegateAtMeeting = andDelegate((input: { meetingId: number; delegateId: number }, db) =>
  requireMeeting(db, input.meetingId),
);

/** 请假 (with its reason), 缺席, or back to not arrived (`pending`, no row). */
export const mark = within<'attendance.mark', [Meeting, Delegate]>(delegateAtMeeting, {
  run([meeting, delegate], input, call) {
    const { db } = call;
    const reason = input.reason && input.reason.length > 0 ? input.reason : null;
    // The attendance report lists 请假 with reasons, so a leave without one is refused.
    if (input.status === 'leave' && reason === null) {
      return refuse('invalid_input', 'attendance.leave_reason_required', {}, { field: 'reason' });
    }
    const previous = findAttendance(db, input.meetingId, delegate.id);
    const output = { delegate, status: input.status };
    // Back to not arrived is always allowed: it only clears what the desk recorded.
    if (input.status !== 'pending') {
      const refused = refuseAttendance(db, meeting, delegate);
      if (refused) return refused;
    }
    if (input.status === 'pending') {
      if (!previous) return unchanged(output);
      writeState(db, input.meetingId, delegate.id, null);
      recordEvent(db, call, input.meetingId, delegate.id, 'reset', null, previous);
      return ok(output);
    }
    if (previous?.status === input.status && previous.reason === reason) return unchanged(output);
    writeState(db, input.meetingId, delegate.id, {
      delegateId: delegate.id,
      status: input.status,
      reason,
      at: call.now,
      operator: call.operator,
      station: call.station,
    });
    recordEvent(db, call, input.meetingId, delegate.id, input.status, reason, previous);
    return ok(output);
  },
  changes: attendanceChanged,
});

// ——— Exclusions from 应到 (rule 16) ———

/**
 * A distributed round took 应到 and 实到 as its snapshot (rule 5's basis, the quorum): an
 * exclusion made or revoked afterwards would make the meeting's figures disagree with its
 * rounds, so it is refused.
 */
function refuseAfterDistribution(db: SqliteDb, meeting: Meeting): Result<never> | null {
  return meetingHasDistributed(db, meeting.id)
    ? refuse(
        'conflict',
        'attendance.exclusion_after_distribution',
        { meeting: meeting.name },
        at('meetingId', meeting.id),
      )
    : null;
}

/**
 * 「应到会人数…除去…被停止党员权利、死亡、调离的代表」: an approved exclusion with its kind.
 * Only a voter of the meeting can be excluded, once, and not while checked in (undo first: the
 * desk would otherwise show someone present who counts nowhere). Leave is no exclusion.
 */
export const exclude = within<'attendance.exclude', [Meeting, Delegate]>(delegateAtMeeting, {
  run([meeting, delegate], input, call) {
    const { db } = call;
    const params = { name: delegate.name, badge: delegate.badge };
    if (!isVoter(delegate, meetingElectorate(db, meeting))) {
      return refuse('invalid_input', 'attendance.exclusion_not_voter', params, delegateField(delegate));
    }
    const late = refuseAfterDistribution(db, meeting);
    if (late) return late;
    if (standingExclusions(db, meeting.id).some((x) => x.delegateId === delegate.id)) {
      return refuse('conflict', 'attendance.exclusion_exists', params, delegateField(delegate));
    }
    if (findAttendance(db, meeting.id, delegate.id)?.status === 'present') {
      return refuse('conflict', 'attendance.exclusion_present', params, delegateField(delegate));
    }
    const note = input.note && input.note.length > 0 ? input.note : null;
    const info = statement(
      db,
      `INSERT INTO due_exclusions (meeting_id, delegate_id, kind, note, operator, station, at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(meeting.id, delegate.id, input.kind, note, call.operator, call.station, call.now);
    return ok(findExclusion(db, Number(info.lastInsertRowid)) as DueExclusion);
  },
  changes: attendanceChanged,
});

/** Revokes a standing exclusion (recorded by mistake, or the decision withdrawn): the person is due again. */
export const revokeExclusion: UpdateHandler<'attendance.revokeExclusion'> = {
  kind: 'update',
  run(input, call) {
    const { db } = call;
    const exclusion = findExclusion(db, input.exclusionId);
    if (!exclusion || exclusion.revokedAt !== null) {
      return refuse(
        'not_found',
        'attendance.exclusion_not_found',
        { id: input.exclusionId },
        at('exclusionId', input.exclusionId),
      );
    }
    const late = refuseAfterDistribution(db, findMeeting(db, exclusion.meetingId)!);
    if (late) return late;
    const note = input.note && input.note.length > 0 ? input.note : null;
    statement(db, 'UPDATE due_exclusions SET revoked_at = ?, revoked_by = ?, revoked_note = ? WHERE id = ?').run(
      call.now,
      call.operator,
      note,
      exclusion.id,
    );
    return ok(findExclusion(db, exclusion.id) as DueExclusion);
  },
  changes: (_input, output) => [{ topic: 'attendance' as const, meetingId: output.meetingId }],
};

export const exclusions = query<'attendance.exclusions'>((input, { db }) =>
  andThen(requireMeeting(db, input.meetingId), () => ok(listExclusions(db, input.meetingId))),
);
