-- Schema version 6: meetings with their own electorate (the first plenaries) and exclusions from 应到 (issue 10).
--
-- Rule 14: the first plenary (一届一次全体会议) of the new committee, and that of the new 纪委, are
-- meetings whose electorate is the members just elected in a contest, not the delegates. A meeting
-- keeps the electorate it was created with: its attendance, quorum and every round's snapshot
-- are counted against it.
ALTER TABLE meetings ADD COLUMN electorate TEXT NOT NULL DEFAULT 'delegates'
  CHECK (electorate IN ('delegates', 'members'));
ALTER TABLE meetings ADD COLUMN electorate_contest_id INTEGER REFERENCES contests (id)
  CHECK ((electorate = 'members') = (electorate_contest_id IS NOT NULL));

CREATE TRIGGER meetings_electorate_fixed BEFORE UPDATE OF electorate, electorate_contest_id ON meetings
WHEN NEW.electorate IS NOT OLD.electorate OR NEW.electorate_contest_id IS NOT OLD.electorate_contest_id
BEGIN
  SELECT RAISE(ABORT, 'a meeting keeps its electorate');
END;

-- Rule 16: 应到 counts every voting delegate (every member, at a plenary) except approved exclusions
-- with a reason: rights suspended (条例 第五条), death, transfer. Leave (请假) is no exclusion.
-- Append-only: a revocation fills the revoked_* columns, nothing else changes.
CREATE TABLE due_exclusions (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  delegate_id INTEGER NOT NULL REFERENCES delegates (id),
  kind TEXT NOT NULL CHECK (kind IN ('suspended', 'deceased', 'transferred')),
  note TEXT CHECK (note IS NULL OR length(trim(note)) > 0),
  operator TEXT NOT NULL,
  station TEXT NOT NULL,
  at TEXT NOT NULL,
  revoked_at TEXT,
  revoked_by TEXT,
  revoked_note TEXT CHECK (revoked_note IS NULL OR length(trim(revoked_note)) > 0),
  CHECK ((revoked_at IS NULL) = (revoked_by IS NULL)),
  CHECK (revoked_at IS NOT NULL OR revoked_note IS NULL),
  CHECK (revoked_at IS NULL OR revoked_at >= at)
) STRICT;

-- One standing exclusion per delegate and meeting.
CREATE UNIQUE INDEX due_exclusions_standing ON due_exclusions (meeting_id, delegate_id) WHERE revoked_at IS NULL;

CREATE TRIGGER due_exclusions_no_delete BEFORE DELETE ON due_exclusions
BEGIN
  SELECT RAISE(ABORT, 'due_exclusions is append-only');
END;

CREATE TRIGGER due_exclusions_only_revocation BEFORE UPDATE ON due_exclusions
WHEN NOT (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL AND NEW.id = OLD.id
  AND NEW.meeting_id = OLD.meeting_id AND NEW.delegate_id = OLD.delegate_id AND NEW.kind = OLD.kind
  AND NEW.note IS OLD.note AND NEW.operator = OLD.operator AND NEW.station = OLD.station AND NEW.at = OLD.at)
BEGIN
  SELECT RAISE(ABORT, 'due_exclusions is append-only');
END;

-- Rule 14: 「党委全体会议审议批准纪委全体会议的选举结果」: the committee's plenary records that it
-- approved the 纪委 plenary's result. Kept as recorded.
CREATE TABLE meeting_approvals (
  id INTEGER PRIMARY KEY,
  -- The meeting that approved (the committee's plenary).
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  -- The meeting whose result it approved (the 纪委 plenary).
  approved_meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  note TEXT CHECK (note IS NULL OR length(trim(note)) > 0),
  operator TEXT NOT NULL,
  station TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (meeting_id, approved_meeting_id),
  CHECK (meeting_id <> approved_meeting_id)
) STRICT;

CREATE TRIGGER meeting_approvals_no_update BEFORE UPDATE ON meeting_approvals
BEGIN
  SELECT RAISE(ABORT, 'meeting_approvals is append-only');
END;

CREATE TRIGGER meeting_approvals_no_delete BEFORE DELETE ON meeting_approvals
BEGIN
  SELECT RAISE(ABORT, 'meeting_approvals is append-only');
END;
