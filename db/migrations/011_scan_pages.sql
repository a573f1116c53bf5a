-- Schema version 11: scanned ballot pages (issue 13 「Paper in, paper out」).
-- A page is received for a round (`scan.addFiles`, `scan.addImage`: an audited write), read by
-- the reader off the window, and confirmed by a person into a ballot through `ballots.enter`
-- with `pageId`. The image itself is kept beside the congress file by its hash
-- (`<congress>.scans/<sha256>.<jpg|png>`); the row says who received it, when, from where.
CREATE TABLE scan_pages (
  id INTEGER PRIMARY KEY,
  round_id INTEGER NOT NULL REFERENCES rounds (id),
  -- 1, 2, … in the order the round's pages arrived: what the screen and the audit log call it.
  seq INTEGER NOT NULL CHECK (seq >= 1),
  source TEXT NOT NULL CHECK (source IN ('folder', 'file', 'drop', 'camera')),
  -- The file's name, with the page of a multi-page PDF or TIFF (`stack-3.pdf p.2`).
  source_name TEXT NOT NULL CHECK (length(source_name) > 0),
  -- 「A page read twice (same image hash) is refused」: once per congress, whatever the round.
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  -- The stored file's name in the folder beside the congress: `<sha256>.jpg` or `<sha256>.png`.
  stored_name TEXT NOT NULL CHECK (stored_name = sha256 || '.jpg' OR stored_name = sha256 || '.png'),
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  UNIQUE (round_id, seq)
) STRICT;

-- A page received stays received: the scrutineers may open any counted paper's image later.
CREATE TRIGGER scan_pages_no_update BEFORE UPDATE ON scan_pages
BEGIN
  SELECT RAISE(ABORT, 'scan_pages is append-only');
END;

CREATE TRIGGER scan_pages_no_delete BEFORE DELETE ON scan_pages
BEGIN
  SELECT RAISE(ABORT, 'scan_pages is append-only');
END;

-- What the reader made of a page: derived data, recomputable from the image, written when the
-- reader answers (outside any call's transaction), so it is not replayed against the audit log
-- (db/audit/changes.ts NOT_REPLAYED). `outcome` is core/paper/reading.ts `PageOutcome` as JSON.
CREATE TABLE scan_readings (
  page_id INTEGER PRIMARY KEY REFERENCES scan_pages (id),
  outcome TEXT NOT NULL CHECK (json_valid(outcome) AND json_type(outcome) = 'object'),
  read_at TEXT NOT NULL
) STRICT;

-- A ballot says where its marks came from: keyed by a person, or a scanned page a person
-- confirmed (with the image's SHA-256, which the result file carries).
ALTER TABLE ballots ADD COLUMN page_id INTEGER REFERENCES scan_pages (id);
ALTER TABLE ballots ADD COLUMN image_sha256 TEXT
  CHECK (image_sha256 IS NULL OR (length(image_sha256) = 64 AND image_sha256 NOT GLOB '*[^0-9a-f]*'));
ALTER TABLE ballots ADD COLUMN source TEXT NOT NULL DEFAULT 'keyed'
  CHECK (source IN ('keyed', 'scan') AND (source = 'scan') = (page_id IS NOT NULL)
    AND (page_id IS NULL) = (image_sha256 IS NULL));

-- One page, one paper: a correction is a later version of the same paper and keeps the page.
CREATE UNIQUE INDEX ballots_page_once ON ballots (page_id) WHERE page_id IS NOT NULL AND replaces IS NULL;

-- Where a ballot came from is part of it as entered (ballots_content_fixed covers the rest).
CREATE TRIGGER ballots_source_fixed BEFORE UPDATE OF source, page_id, image_sha256 ON ballots
WHEN NEW.source IS NOT OLD.source OR NEW.page_id IS NOT OLD.page_id OR NEW.image_sha256 IS NOT OLD.image_sha256
BEGIN
  SELECT RAISE(ABORT, 'a ballot as entered cannot be changed');
END;
