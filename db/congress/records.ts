/** Rows of the congress file as domain values (core/domain.ts), and the lookups handlers share. */

import { normalizeBadge } from '../../core/badge.js';
import {
  type AttendanceRecord,
  type Congress,
  type CongressSettings,
  DEFAULT_SETTINGS,
  type Delegate,
  type DelegateFields,
  type DueExclusion,
  type Meeting,
  type MeetingApproval,
} from '../../core/domain.js';
import { pinyinKeys } from '../../core/pinyin.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';

const DELEGATE_COLUMNS = `id, badge, name, gender, ethnicity, birth_date AS birthDate, education, delegation, unit,
  category, pinyin, initials`;

export function listDelegates(db: SqliteDb): Delegate[] {
  return statement(db, `SELECT ${DELEGATE_COLUMNS} FROM delegates ORDER BY badge`).all() as Delegate[];
}

/** What attendance figures need of every delegate: a fraction of the row, for the 3,000-delegate desk. */
export function listDelegateGroups(db: SqliteDb): Pick<Delegate, 'id' | 'category' | 'delegation'>[] {
  return statement(db, 'SELECT id, category, delegation FROM delegates').all() as Pick<
    Delegate,
    'id' | 'category' | 'delegation'
  >[];
}

export function findDelegate(db: SqliteDb, id: number): Delegate | undefined {
  return statement(db, `SELECT ${DELEGATE_COLUMNS} FROM delegates WHERE id = ?`).get(id) as Delegate | undefined;
}

export function findDelegateByBadge(db: SqliteDb, badge: string): Delegate | undefined {
  return statement(db, `SELECT ${DELEGATE_COLUMNS} FROM delegates WHERE badge = ?`).get(normalizeBadge(badge)) as
    | Delegate
    | undefined;
}

/** The stored row of a delegate's fields, with search keys recomputed from the name. */
function delegateRow(fields: DelegateFields) {
  const keys = pinyinKeys(fields.name);
  return {
    badge: normalizeBadge(fields.badge),
    name: fields.name,
    gender: fields.gender,
    ethnicity: fields.ethnicity,
    birthDate: fields.birthDate,
    education: fields.education,
    delegation: fields.delegation,
    unit: fields.unit,
    category: fields.category,
    pinyin: keys.pinyin,
    initials: keys.initials,
  };
}

/** Inserts a delegate with its search keys; the caller has checked that the badge is free. */
export function insertDelegate(db: SqliteDb, fields: DelegateFields): Delegate {
  const info = statement(
    db,
    `INSERT INTO delegates (badge, name, gender, ethnicity, birth_date, education, delegation, unit, category, pinyin, initials)
       VALUES (@badge, @name, @gender, @ethnicity, @birthDate, @education, @delegation, @unit, @category, @pinyin, @initials)`,
  ).run(delegateRow(fields));
  return findDelegate(db, Number(info.lastInsertRowid))!;
}

/** Rewrites every field of a delegate and recomputes the search keys from the name. */
export function replaceDelegate(db: SqliteDb, id: number, fields: DelegateFields): Delegate {
  statement(
    db,
    `UPDATE delegates SET badge = @badge, name = @name, gender = @gender, ethnicity = @ethnicity, birth_date = @birthDate,
       education = @education, delegation = @delegation, unit = @unit, category = @category, pinyin = @pinyin,
       initials = @initials WHERE id = @id`,
  ).run({ ...delegateRow(fields), id });
  return findDelegate(db, id)!;
}

export function delegateFieldsOf(d: Delegate): DelegateFields {
  const { id: _id, pinyin: _p, initials: _i, ...fields } = d;
  return fields;
}

interface CongressRow {
  name: string;
  date: string;
  venue: string;
  created_at: string;
  settings_json: string;
  current_meeting_id: number | null;
  uid: string;
}

export function readSettings(json: string): CongressSettings {
  const stored = JSON.parse(json) as Partial<CongressSettings>;
  // Settings added by later versions get their defaults when missing, nested ones key by key.
  return { ...DEFAULT_SETTINGS, ...stored, marking: { ...DEFAULT_SETTINGS.marking, ...stored.marking } };
}

export function readCongress(db: SqliteDb): Congress {
  const row = statement(db, 'SELECT * FROM congress WHERE id = 1').get() as CongressRow;
  return {
    name: row.name,
    date: row.date,
    venue: row.venue,
    createdAt: row.created_at,
    settings: readSettings(row.settings_json),
    currentMeetingId: row.current_meeting_id,
    uid: row.uid,
  };
}

const MEETING_COLUMNS = 'id, name, date, position, electorate, electorate_contest_id AS electorateContestId';

export function listMeetings(db: SqliteDb): Meeting[] {
  return statement(db, `SELECT ${MEETING_COLUMNS} FROM meetings ORDER BY position`).all() as Meeting[];
}

export function findMeeting(db: SqliteDb, id: number): Meeting | undefined {
  return statement(db, `SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`).get(id) as Meeting | undefined;
}

const EXCLUSION_COLUMNS = `id, meeting_id AS meetingId, delegate_id AS delegateId, kind, note, operator, at,
  revoked_at AS revokedAt, revoked_by AS revokedBy, revoked_note AS revokedNote`;

/** Every exclusion from 应到 recorded at the meeting, revoked ones too, in the order recorded. */
export function listExclusions(db: SqliteDb, meetingId: number): DueExclusion[] {
  return statement(db, `SELECT ${EXCLUSION_COLUMNS} FROM due_exclusions WHERE meeting_id = ? ORDER BY id`).all(
    meetingId,
  ) as DueExclusion[];
}

/** The exclusions standing at the meeting (rule 16): not revoked. */
export function standingExclusions(db: SqliteDb, meetingId: number): DueExclusion[] {
  return statement(
    db,
    `SELECT ${EXCLUSION_COLUMNS} FROM due_exclusions WHERE meeting_id = ? AND revoked_at IS NULL ORDER BY id`,
  ).all(meetingId) as DueExclusion[];
}

export function findExclusion(db: SqliteDb, id: number): DueExclusion | undefined {
  return statement(db, `SELECT ${EXCLUSION_COLUMNS} FROM due_exclusions WHERE id = ?`).get(id) as
    | DueExclusion
    | undefined;
}

export function listApprovals(db: SqliteDb): MeetingApproval[] {
  return statement(
    db,
    `SELECT id, meeting_id AS meetingId, approved_meeting_id AS approvedMeetingId, note, operator, at
       FROM meeting_approvals ORDER BY id`,
  ).all() as MeetingApproval[];
}

export interface StoredAttendance extends AttendanceRecord {
  station: string;
}

export function listAttendance(db: SqliteDb, meetingId: number): AttendanceRecord[] {
  return statement(
    db,
    `SELECT delegate_id AS delegateId, status, reason, at, operator FROM attendance WHERE meeting_id = ?
       ORDER BY at, delegate_id`,
  ).all(meetingId) as AttendanceRecord[];
}

export function findAttendance(db: SqliteDb, meetingId: number, delegateId: number): StoredAttendance | undefined {
  return statement(
    db,
    `SELECT delegate_id AS delegateId, status, reason, at, operator, station FROM attendance
       WHERE meeting_id = ? AND delegate_id = ?`,
  ).get(meetingId, delegateId) as StoredAttendance | undefined;
}
