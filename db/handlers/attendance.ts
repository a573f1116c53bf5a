/**
 * The check-in desk. Every change of a delegate's attendance writes the new state into
 * `attendance` and an event into `attendance_events` that remembers the state it
 * replaced, so that undo restores it exactly (a delegate on leave who was checked in by
 * mistake is on leave again, with the same reason).
 */

import { summarizeAttendance } from '../../core/attendance.js';
import { normalizeBadge } from '../../core/badge.js';
import type { AttendanceRecord, Delegate } from '../../core/domain.js';
import { fail, ok } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import {
  findAttendance,
  findDelegate,
  findDelegateByBadge,
  listAttendance,
  listDelegateGroups,
  readCongress,
  type StoredAttendance,
} from '../records.js';
import { delegateNotFound } from './delegates.js';
import { requireMeeting } from './meetings.js';
import { type QueryHandler, type UpdateCall, type UpdateHandler, unchanged, type WriteOutcome } from './types.js';

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
  db.prepare(
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
    db.prepare('DELETE FROM attendance WHERE meeting_id = ? AND delegate_id = ?').run(meetingId, delegateId);
    return;
  }
  db.prepare(
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

/**
 * Checking in someone already present says so and changes nothing; a delegate marked on
 * leave or absent who turns up is checked in (the event keeps the leave for undo).
 */
function checkInDelegate(
  db: SqliteDb,
  call: UpdateCall,
  meetingId: number,
  delegate: Delegate,
): WriteOutcome<CheckInOutcome> {
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

export const summary: QueryHandler<'attendance.summary'> = {
  kind: 'query',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const { settings } = readCongress(db);
    return ok(
      summarizeAttendance(input.meetingId, listDelegateGroups(db), listAttendance(db, input.meetingId), settings),
    );
  },
};

export const list: QueryHandler<'attendance.list'> = {
  kind: 'query',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    return ok(listAttendance(db, input.meetingId));
  },
};

export const checkInByBadge: UpdateHandler<'attendance.checkInByBadge'> = {
  kind: 'update',
  run(input, call) {
    const meeting = requireMeeting(call.db, input.meetingId);
    if (!meeting.ok) return meeting;
    const badge = normalizeBadge(input.badge);
    const delegate = findDelegateByBadge(call.db, badge);
    if (!delegate) return fail('not_found', `没有代表证号为 ${badge} 的代表`, { field: 'badge', value: badge });
    return checkInDelegate(call.db, call, input.meetingId, delegate);
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
    return checkInDelegate(call.db, call, input.meetingId, delegate);
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
export const undoLast: UpdateHandler<'attendance.undoLast'> = {
  kind: 'update',
  run(input, call) {
    const { db } = call;
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const last = db
      .prepare(
        `SELECT id, delegate_id, prev_status, prev_reason, prev_at, prev_operator, prev_station FROM attendance_events
         WHERE meeting_id = ? AND station = ? AND kind = 'check_in' AND undone = 0 ORDER BY id DESC LIMIT 1`,
      )
      .get(input.meetingId, call.station) as EventRow | undefined;
    if (!last) return fail('not_found', '没有可撤销的报到');
    const delegate = findDelegate(db, last.delegate_id)!;
    // Restoring the old state over a later change (another station marked leave since)
    // would silently erase that change.
    const later = db
      .prepare('SELECT 1 FROM attendance_events WHERE meeting_id = ? AND delegate_id = ? AND id > ? LIMIT 1')
      .get(input.meetingId, last.delegate_id, last.id);
    if (later) {
      return fail('conflict', `${delegate.name}(${delegate.badge})报到后状态已被更改,不能撤销这次报到`, {
        value: delegate.badge,
      });
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
    db.prepare('UPDATE attendance_events SET undone = 1 WHERE id = ?').run(last.id);
    recordEvent(db, call, input.meetingId, last.delegate_id, 'undo', null, previous, last.id);
    return ok({ delegate });
  },
  changes: attendanceChanged,
};

/** 请假 (with its reason), 缺席, or back to not arrived (`pending`, no row). */
export const mark: UpdateHandler<'attendance.mark'> = {
  kind: 'update',
  run(input, call) {
    const { db } = call;
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    const delegate = findDelegate(db, input.delegateId);
    if (!delegate) return delegateNotFound(input.delegateId);
    const reason = input.reason && input.reason.length > 0 ? input.reason : null;
    // The attendance report lists 请假 with reasons, so a leave without one is refused.
    if (input.status === 'leave' && reason === null) {
      return fail('invalid_input', '字段 reason: 请假须填写事由', { field: 'reason' });
    }
    const previous = findAttendance(db, input.meetingId, delegate.id);
    const output = { delegate, status: input.status };
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
};
