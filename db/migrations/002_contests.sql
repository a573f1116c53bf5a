-- Schema version 2: contests, candidates, rounds and ballots (issue 3).
-- The rules live in core/ (ballot.ts, tally.ts, results.ts); these tables keep what was
-- decided and entered, and refuse by CHECK what no rule could produce. Ballot rows are never
-- deleted: a correction inserts a new row that `replaces` the old one (then `superseded`), a
-- void keeps the row with its reason.

-- One contest of a meeting (党委委员, 纪委委员, 出席区党代会代表…).
CREATE TABLE contests (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meetings (id),
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  -- election: 正式选举; prevote: 预选 (rule 5 counts those due to attend).
  kind TEXT NOT NULL CHECK (kind IN ('election', 'prevote')),
  seats INTEGER NOT NULL CHECK (seats >= 1),
  -- Rule 8: candidates must outnumber seats by at least this percentage, rounded up.
  margin_percent INTEGER NOT NULL CHECK (margin_percent BETWEEN 0 AND 100),
  double_entry INTEGER NOT NULL CHECK (double_entry IN (0, 1)),
  -- Rule 10: contests with the same group are issued together on separate papers.
  paper_group TEXT,
  position INTEGER NOT NULL CHECK (position >= 1),
  status TEXT NOT NULL DEFAULT 'setup' CHECK (status IN ('setup', 'voting', 'closed')),
  -- Rule 7: the presidium's recorded decision to reduce the seats, with its note.
  seats_reduced_to INTEGER CHECK (seats_reduced_to IS NULL OR (seats_reduced_to >= 0 AND seats_reduced_to < seats)),
  seats_reduced_note TEXT,
  UNIQUE (meeting_id, position),
  CHECK ((seats_reduced_to IS NULL) = (seats_reduced_note IS NULL)),
  CHECK (seats_reduced_note IS NULL OR length(trim(seats_reduced_note)) > 0)
) STRICT;

CREATE TABLE candidates (
  id INTEGER PRIMARY KEY,
  contest_id INTEGER NOT NULL REFERENCES contests (id),
  -- The roster entry the facts were copied from, when picked from the roster.
  delegate_id INTEGER REFERENCES delegates (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  gender TEXT CHECK (gender IN ('male', 'female')),
  birth_date TEXT CHECK (
    birth_date IS NULL
    OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'
    OR birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
  ),
  ethnicity TEXT,
  education TEXT,
  unit TEXT,
  -- Rule 9: the presidium-approved paper order, 1-based; NULL until approved.
  position INTEGER CHECK (position IS NULL OR position >= 1),
  -- A written-in name carried into a later round (a tie revote).
  from_write_in INTEGER NOT NULL DEFAULT 0 CHECK (from_write_in IN (0, 1)),
  UNIQUE (contest_id, position)
) STRICT;

CREATE INDEX candidates_by_contest ON candidates (contest_id);
-- A delegate stands at most once per contest.
CREATE UNIQUE INDEX candidates_one_per_delegate ON candidates (contest_id, delegate_id) WHERE delegate_id IS NOT NULL;

-- One vote of a contest: the first, a tie revote (rule 6), 另行选举 (rule 7) or 重新选举 (rule 2).
CREATE TABLE rounds (
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
  UNIQUE (contest_id, number),
  -- Distribution fills the snapshot and the paper counts together.
  CHECK ((status = 'setup') = (voters_present IS NULL)),
  CHECK ((voters_present IS NULL) = (due IS NULL) AND (due IS NULL) = (ballots_printed IS NULL)
    AND (ballots_printed IS NULL) = (issued IS NULL) AND (issued IS NULL) = (spare_voided IS NULL)),
  CHECK (ballots_printed IS NULL OR ballots_printed >= issued + spare_voided),
  CHECK (collected IS NULL OR issued IS NOT NULL),
  -- Rule 2: a round is void exactly when more ballots came back than were issued.
  CHECK ((status = 'void') = (collected IS NOT NULL AND collected > issued)),
  CHECK (status <> 'closed' OR collected IS NOT NULL),
  CHECK ((status = 'closed') = (closed_by IS NOT NULL) AND (closed_by IS NULL) = (closed_at IS NULL))
) STRICT;

-- The paper order of a round.
CREATE TABLE round_candidates (
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  candidate_id INTEGER NOT NULL REFERENCES candidates (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (round_id, position),
  UNIQUE (round_id, candidate_id)
) STRICT;

CREATE INDEX round_candidates_by_candidate ON round_candidates (candidate_id);

-- Who a closed round elected (rule 6), kept as decided at the close: later rounds and the
-- contest's filled seats are counted from here, never re-decided.
CREATE TABLE round_elected (
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  rank INTEGER NOT NULL CHECK (rank >= 1),
  -- NULL for a written-in name that is no candidate of the contest.
  candidate_id INTEGER REFERENCES candidates (id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  votes INTEGER NOT NULL CHECK (votes >= 0),
  PRIMARY KEY (round_id, rank)
) STRICT;

CREATE TRIGGER round_elected_no_change BEFORE UPDATE ON round_elected
BEGIN
  SELECT RAISE(ABORT, 'round_elected is append-only');
END;

CREATE TRIGGER round_elected_no_delete BEFORE DELETE ON round_elected
BEGIN
  SELECT RAISE(ABORT, 'round_elected is append-only');
END;

-- One paper ballot as entered. No voter identity exists.
CREATE TABLE ballots (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  -- Order of entry in the round, every version counted.
  seq INTEGER NOT NULL CHECK (seq >= 1),
  -- Double entry: the numbered stack, which keying (1 or 2), and the place in that keying.
  stack INTEGER CHECK (stack IS NULL OR stack >= 1),
  entry INTEGER CHECK (entry IS NULL OR entry IN (1, 2)),
  stack_position INTEGER CHECK (stack_position IS NULL OR stack_position >= 1),
  state TEXT NOT NULL CHECK (state IN ('counted', 'set_aside', 'voided', 'superseded')),
  -- One paper mark per candidate in the round's order: ["circle","cross","none",…].
  marks TEXT NOT NULL CHECK (json_valid(marks) AND json_type(marks) = 'array'),
  -- Write-in lines: [{"name":"…","mark":"circle"},…].
  write_ins TEXT NOT NULL CHECK (json_valid(write_ins) AND json_type(write_ins) = 'array'),
  -- Rule 4: persons chosen, and whether the ballot is valid (NULL while set aside undecided).
  chosen INTEGER NOT NULL CHECK (chosen >= 0),
  valid INTEGER CHECK (valid IS NULL OR valid IN (0, 1)),
  -- The chief scrutineer's decision on a set-aside ballot, with who made it.
  decision TEXT CHECK (decision IS NULL OR decision IN ('as_entered', 'invalid')),
  decision_by TEXT,
  decision_note TEXT,
  decision_at TEXT,
  -- The version this row corrects.
  replaces INTEGER REFERENCES ballots (id),
  -- Why this row replaced another, or why it was voided or superseded.
  reason TEXT,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  -- The round revision of the last write to this row.
  revision INTEGER NOT NULL CHECK (revision >= 0),
  UNIQUE (round_id, seq),
  CHECK ((stack IS NULL) = (entry IS NULL) AND (entry IS NULL) = (stack_position IS NULL)),
  CHECK ((decision IS NULL) = (decision_by IS NULL) AND (decision_by IS NULL) = (decision_at IS NULL)),
  CHECK (decision IS NULL OR state IN ('set_aside', 'superseded', 'voided')),
  CHECK (state <> 'counted' OR valid IS NOT NULL),
  CHECK (state NOT IN ('voided', 'superseded') OR length(trim(coalesce(reason, ''))) > 0),
  CHECK (replaces IS NULL OR length(trim(coalesce(reason, ''))) > 0)
) STRICT;

CREATE INDEX ballots_by_round_state ON ballots (round_id, state, entry);
CREATE INDEX ballots_by_round_revision ON ballots (round_id, revision);
-- One live ballot per place of a stack's keying.
CREATE UNIQUE INDEX ballots_stack_place ON ballots (round_id, stack, entry, stack_position)
  WHERE stack IS NOT NULL AND state IN ('counted', 'set_aside');
CREATE UNIQUE INDEX ballots_replaced_once ON ballots (replaces) WHERE replaces IS NOT NULL;

CREATE TRIGGER ballots_count_entered AFTER INSERT ON ballots
WHEN NEW.state IN ('counted', 'set_aside')
BEGIN
  UPDATE rounds SET entered_first = entered_first + (coalesce(NEW.entry, 1) = 1),
    entered_second = entered_second + (coalesce(NEW.entry, 1) = 2)
  WHERE id = NEW.round_id;
END;

-- A withdrawn ballot never comes back (ballots_content_fixed), so only this direction exists.
CREATE TRIGGER ballots_count_withdrawn AFTER UPDATE OF state ON ballots
WHEN OLD.state IN ('counted', 'set_aside') AND NEW.state NOT IN ('counted', 'set_aside')
BEGIN
  UPDATE rounds SET entered_first = entered_first - (coalesce(OLD.entry, 1) = 1),
    entered_second = entered_second - (coalesce(OLD.entry, 1) = 2)
  WHERE id = OLD.round_id;
END;

CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN
  SELECT RAISE(ABORT, 'ballots are never deleted');
END;

-- What was entered stays as entered: only the state, its reason, the decision and the
-- revision may change, and a withdrawn ballot does not come back.
CREATE TRIGGER ballots_content_fixed BEFORE UPDATE ON ballots
WHEN NEW.id IS NOT OLD.id OR NEW.round_id IS NOT OLD.round_id OR NEW.seq IS NOT OLD.seq
  OR NEW.stack IS NOT OLD.stack OR NEW.entry IS NOT OLD.entry OR NEW.stack_position IS NOT OLD.stack_position
  OR NEW.marks IS NOT OLD.marks OR NEW.write_ins IS NOT OLD.write_ins OR NEW.chosen IS NOT OLD.chosen
  OR NEW.replaces IS NOT OLD.replaces OR NEW.entered_by IS NOT OLD.entered_by OR NEW.entered_at IS NOT OLD.entered_at
  OR OLD.state IN ('voided', 'superseded')
BEGIN
  SELECT RAISE(ABORT, 'a ballot as entered cannot be changed');
END;
