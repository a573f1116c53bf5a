-- Schema version 7: the day's recorded decisions (issue 10): a round declared void, officials of a contest, pre-vote to formal list.

-- ——— A round declared void by the presidium (rule 16: 「A presidium may declare a round void
-- (选举无效) with its reason; a rerun follows」) ———
-- Version 2's CHECK tied `void` to collected > issued alone, so `rounds` is rebuilt with the
-- declaration's columns (SQLite's 12-step rebuild). The migration runs inside a transaction,
-- where `PRAGMA foreign_keys` cannot change: the foreign keys of round_candidates,
-- round_elected and ballots are deferred instead, the old table dropped, the new one renamed into
-- its place (legacy_alter_table, so the triggers on ballots, which name `rounds`, are left as
-- they are) and only then filled, which settles every deferred reference before the commit.
-- Every other CHECK is kept and every row copied.
PRAGMA defer_foreign_keys = ON;
PRAGMA legacy_alter_table = ON;

CREATE TEMP TABLE rounds_v6 AS SELECT * FROM main.rounds;

CREATE TABLE rounds_v7 (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('first', 'tie_revote', 'additional', 'rerun')),
  seats INTEGER NOT NULL CHECK (seats >= 1),
  status TEXT NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'voting', 'void', 'closed')),
  -- Snapshot at distribution: 实到会有选举权人数 and 应到会人数 (rule 5's basis).
  voters_present INTEGER CHECK (voters_present IS NULL OR voters_present >= 0),
  due INTEGER CHECK (due IS NULL OR due >= 0),
  ballots_printed INTEGER CHECK (ballots_printed IS NULL OR ballots_printed >= 0),
  issued INTEGER CHECK (issued IS NULL OR issued >= 0),
  spare_voided INTEGER CHECK (spare_voided IS NULL OR spare_voided >= 0),
  collected INTEGER CHECK (collected IS NULL OR collected >= 0),
  closed_by TEXT,
  closed_at TEXT,
  -- Bumped by every ballot write of the round; ballots carry the revision that last touched
  -- them, so the live tally reloads only what changed.
  revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  -- Ballots entered and not withdrawn (counted or set aside), per keying; kept by the triggers
  -- on ballots. A single-entry round counts in entered_first.
  entered_first INTEGER NOT NULL DEFAULT 0 CHECK (entered_first >= 0),
  entered_second INTEGER NOT NULL DEFAULT 0 CHECK (entered_second >= 0),
  -- Rule 16: the presidium's declaration, with its reason, who recorded it and when.
  void_reason TEXT CHECK (void_reason IS NULL OR length(trim(void_reason)) > 0),
  void_by TEXT CHECK (void_by IS NULL OR length(trim(void_by)) > 0),
  void_at TEXT,
  UNIQUE (contest_id, number),
  -- Distribution fills the snapshot and the paper counts together.
  CHECK ((status = 'setup') = (voters_present IS NULL)),
  CHECK ((voters_present IS NULL) = (due IS NULL) AND (due IS NULL) = (ballots_printed IS NULL)
    AND (ballots_printed IS NULL) = (issued IS NULL) AND (issued IS NULL) = (spare_voided IS NULL)),
  CHECK (ballots_printed IS NULL OR ballots_printed >= issued + spare_voided),
  CHECK (collected IS NULL OR issued IS NOT NULL),
  -- Rule 2 and rule 16: a round is void exactly when more ballots came back than were issued,
  -- or the presidium declared it void.
  CHECK ((status = 'void') = ((collected IS NOT NULL AND collected > issued) OR void_reason IS NOT NULL)),
  CHECK ((void_reason IS NULL) = (void_by IS NULL) AND (void_by IS NULL) = (void_at IS NULL)),
  -- Only a round whose papers went out can be declared void.
  CHECK (void_reason IS NULL OR issued IS NOT NULL),
  CHECK (status <> 'closed' OR collected IS NOT NULL),
  CHECK ((status = 'closed') = (closed_by IS NOT NULL) AND (closed_by IS NULL) = (closed_at IS NULL))
) STRICT;

DROP TABLE main.rounds;
ALTER TABLE rounds_v7 RENAME TO rounds;

INSERT INTO main.rounds (id, contest_id, number, kind, seats, status, voters_present, due, ballots_printed, issued,
    spare_voided, collected, closed_by, closed_at, revision, entered_first, entered_second)
  SELECT id, contest_id, number, kind, seats, status, voters_present, due, ballots_printed, issued,
    spare_voided, collected, closed_by, closed_at, revision, entered_first, entered_second
  FROM temp.rounds_v6;

DROP TABLE temp.rounds_v6;
PRAGMA legacy_alter_table = OFF;

-- A declaration is final: once recorded it stays as recorded.
CREATE TRIGGER rounds_void_declaration_fixed BEFORE UPDATE OF void_reason, void_by, void_at ON rounds
WHEN OLD.void_reason IS NOT NULL AND (NEW.void_reason IS NOT OLD.void_reason OR NEW.void_by IS NOT OLD.void_by
  OR NEW.void_at IS NOT OLD.void_at)
BEGIN
  SELECT RAISE(ABORT, 'a void declaration cannot be changed');
END;

-- ——— Officials of a contest (rule 13: 总监票人 and 监票人 are voters who are not candidates in
-- that contest, approved by the meeting; 计票人 are appointed) ———
CREATE TABLE contest_officials (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id),
  role TEXT NOT NULL CHECK (role IN ('chief_scrutineer', 'scrutineer', 'counter')),
  -- The voter on the roster; NULL only for a counter (计票人 may be staff, not delegates).
  delegate_id INTEGER REFERENCES delegates (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  -- How the meeting approved a scrutineer (「经大会表决通过」); optional for a counter.
  approval TEXT CHECK (approval IS NULL OR length(trim(approval)) > 0),
  appointed_by TEXT NOT NULL,
  appointed_at TEXT NOT NULL,
  CHECK (role = 'counter' OR delegate_id IS NOT NULL),
  CHECK (role = 'counter' OR approval IS NOT NULL)
) STRICT;

CREATE INDEX contest_officials_by_contest ON contest_officials (contest_id);
-- One place per person and contest, and one 总监票人.
CREATE UNIQUE INDEX contest_officials_once ON contest_officials (contest_id, delegate_id) WHERE delegate_id IS NOT NULL;
CREATE UNIQUE INDEX contest_officials_one_chief ON contest_officials (contest_id) WHERE role = 'chief_scrutineer';

-- ——— Pre-vote to formal list (rule 12) ———
-- The formal contest made from a closed 预选's result; one formal contest per pre-vote.
ALTER TABLE contests ADD COLUMN from_prevote_id INTEGER REFERENCES contests (id);
CREATE UNIQUE INDEX contests_one_per_prevote ON contests (from_prevote_id) WHERE from_prevote_id IS NOT NULL;
