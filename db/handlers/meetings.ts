import type { Meeting } from '../../core/domain.js';
import { fail, ok } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import { findMeeting, listMeetings } from '../records.js';
import type { QueryHandler, UpdateHandler } from './types.js';

export const meetingNotFound = (meetingId: number) =>
  fail('not_found', `会议不存在(编号 ${meetingId})`, { field: 'meetingId', value: String(meetingId) });

/** The meeting named by a call, or the `not_found` every meeting-scoped call returns. */
export function requireMeeting(db: SqliteDb, meetingId: number) {
  const meeting = findMeeting(db, meetingId);
  return meeting ? ok(meeting) : meetingNotFound(meetingId);
}

export const list: QueryHandler<'meetings.list'> = {
  kind: 'query',
  run: (_input, { db }) => ok(listMeetings(db)),
};

export const create: UpdateHandler<'meetings.create'> = {
  kind: 'update',
  run(input, { db }) {
    const { next } = db.prepare('SELECT coalesce(max(position), 0) + 1 AS next FROM meetings').get() as {
      next: number;
    };
    const info = db
      .prepare('INSERT INTO meetings (name, date, position) VALUES (?, ?, ?)')
      .run(input.name, input.date, next);
    const meeting = findMeeting(db, Number(info.lastInsertRowid)) as Meeting;
    // The desk needs a current meeting as soon as there is one.
    db.prepare('UPDATE congress SET current_meeting_id = ? WHERE id = 1 AND current_meeting_id IS NULL').run(
      meeting.id,
    );
    return ok(meeting);
  },
  changes: () => [{ topic: 'meetings' }, { topic: 'congress' }],
};

export const setCurrent: UpdateHandler<'meetings.setCurrent'> = {
  kind: 'update',
  run(input, { db }) {
    const meeting = requireMeeting(db, input.meetingId);
    if (!meeting.ok) return meeting;
    db.prepare('UPDATE congress SET current_meeting_id = ? WHERE id = 1').run(meeting.value.id);
    return meeting;
  },
  changes: () => [{ topic: 'meetings' }, { topic: 'congress' }],
};
