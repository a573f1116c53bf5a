-- Schema version 10: a congress has an identity of its own (issue 12).
-- A random 128-bit id, 32 lowercase hex digits, made once per congress and never changed: the
-- chain's first audit row commits to it, a restore compares it (a copy of another congress is
-- refused), and the result file carries it. A name and a date are not an identity: two townships
-- may hold 「第一次代表大会」 on the same day, and a renamed copy is still the same congress.
-- Files from before get theirs here; a new congress gets its own from the program at
-- congress.create (or from the trigger below when a row is inserted without one).
ALTER TABLE congress ADD COLUMN uid TEXT CHECK (uid IS NULL OR (length(uid) = 32 AND uid NOT GLOB '*[^0-9a-f]*'));

UPDATE congress SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;

-- ALTER TABLE cannot give the column a random default; a row inserted without a uid gets one.
CREATE TRIGGER congress_uid_given AFTER INSERT ON congress WHEN NEW.uid IS NULL
BEGIN
  UPDATE congress SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- The identity is fixed once given: a congress that changed its uid would be another congress.
CREATE TRIGGER congress_uid_fixed BEFORE UPDATE OF uid ON congress
WHEN OLD.uid IS NOT NULL AND NEW.uid IS NOT OLD.uid
BEGIN
  SELECT RAISE(ABORT, 'the congress uid cannot be changed');
END;

-- The chain's anchor, key rows and signed checkpoints are found by their action
-- (db/audit/checkpoint.ts), at every round close, export and audit.verify: without an index that
-- is a scan of the whole log (100,000 ballots, 100,000 rows).
CREATE INDEX audit_log_by_action ON audit_log (action);
