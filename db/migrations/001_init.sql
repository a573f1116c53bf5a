-- Schema version 1: the congress, its meetings, the roster, attendance and the audit log.
-- Contests, candidates and ballots arrive in later numbered migrations (002_…).
-- Every enum is a CHECK so that a file edited by hand cannot smuggle in a value the
-- rules in core/ do not know. Times are ISO 8601 UTC strings.

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- Order in which the meetings are held (预备会议 before 选举大会).
  position INTEGER NOT NULL UNIQUE
) STRICT;

-- A congress file holds exactly one congress.
CREATE TABLE congress (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  venue TEXT NOT NULL,
  created_at TEXT NOT NULL,
  settings_json TEXT NOT NULL CHECK (json_valid(settings_json)),
  -- The meeting the check-in desk works on.
  current_meeting_id INTEGER REFERENCES meetings (id)
) STRICT;

CREATE TABLE delegates (
  id INTEGER PRIMARY KEY,
  -- 代表证号: what the barcode scanner types.
  badge TEXT NOT NULL UNIQUE CHECK (length(badge) > 0),
  name TEXT NOT NULL CHECK (length(name) > 0),
  gender TEXT CHECK (gender IN ('male', 'female')),
  ethnicity TEXT,
  birth_date TEXT CHECK (
    birth_date IS NULL
    OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  ),
  education TEXT,
  delegation TEXT,
  unit TEXT,
  -- 正式代表 voting, 候补代表 alternate, 列席 nonvoting (rule 1: only voting counts).
  category TEXT NOT NULL CHECK (category IN ('voting', 'alternate', 'nonvoting')),
  -- Search keys, kept in step with name by the store (core/pinyin.ts).
  pinyin TEXT NOT NULL,
  initials TEXT NOT NULL
) STRICT;

CREATE INDEX delegates_by_delegation ON delegates (delegation);

-- Current state per meeting × delegate. No row = not arrived yet (pending).
CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  delegate_id INTEGER NOT NULL REFERENCES delegates (id),
  status TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
  reason TEXT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  station TEXT NOT NULL,
  PRIMARY KEY (meeting_id, delegate_id),
  -- 请假 always carries its reason: the attendance report lists it.
  CHECK (status <> 'leave' OR length(trim(coalesce(reason, ''))) > 0)
) STRICT;

CREATE INDEX attendance_by_delegate ON attendance (delegate_id);

-- Append-only history of the desk. Each event keeps the state it replaced so that an
-- undo restores it exactly; `undone` is the only column that may change afterwards.
CREATE TABLE attendance_events (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  delegate_id INTEGER NOT NULL REFERENCES delegates (id),
  kind TEXT NOT NULL CHECK (kind IN ('check_in', 'leave', 'absent', 'reset', 'undo')),
  reason TEXT,
  prev_status TEXT CHECK (prev_status IS NULL OR prev_status IN ('present', 'leave', 'absent')),
  prev_reason TEXT,
  prev_at TEXT,
  prev_operator TEXT,
  prev_station TEXT,
  -- For kind = 'undo': the event it reverted.
  undoes_event_id INTEGER REFERENCES attendance_events (id),
  station TEXT NOT NULL,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  undone INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  CHECK ((kind = 'undo') = (undoes_event_id IS NOT NULL))
) STRICT;

-- attendance.undoLast: the last check-in at this meeting from this station.
CREATE INDEX attendance_events_by_station ON attendance_events (meeting_id, station, kind, undone, id);
CREATE INDEX attendance_events_by_delegate ON attendance_events (meeting_id, delegate_id, id);

CREATE TRIGGER attendance_events_no_delete BEFORE DELETE ON attendance_events
BEGIN
  SELECT RAISE(ABORT, 'attendance_events is append-only');
END;

CREATE TRIGGER attendance_events_only_undone_changes BEFORE UPDATE ON attendance_events
WHEN NOT (OLD.undone = 0 AND NEW.undone = 1 AND NEW.id = OLD.id AND NEW.meeting_id = OLD.meeting_id
  AND NEW.delegate_id = OLD.delegate_id AND NEW.kind = OLD.kind AND NEW.at = OLD.at)
BEGIN
  SELECT RAISE(ABORT, 'attendance_events is append-only');
END;

-- Every write appends one row, hash-chained (db/audit.ts). AUTOINCREMENT so that an id is
-- never reused; the triggers stop the app itself from editing history (someone with a
-- SQLite shell can drop them: the hash chain is what exposes that).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  station TEXT NOT NULL,
  action TEXT NOT NULL CHECK (length(action) > 0),
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
  hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
