-- Schema version 12: several laptops (issue 14). The host keeps in the congress file what a
-- promoted standby's copy must know to go on where the host stopped: every paired station's
-- credential (as its SHA-256), the secret the host's receipts are made with, and the answer of
-- every write a station made, by the station's idempotency key.

-- A paired laptop. Written only inside audited writes (`lan.pair`, `lan.revoke`, and `lan.standby`
-- when a standby says where it will listen once promoted), so it is replayed against the audit
-- log like any counted table: the secret column is recorded as its digest (db/audit/changes.ts).
CREATE TABLE lan_stations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK (kind IN ('desk', 'count', 'board', 'pledge', 'standby')),
  -- SHA-256 (hex) of the credential given at pairing: never the credential itself.
  secret_sha256 TEXT NOT NULL UNIQUE CHECK (length(secret_sha256) = 64 AND secret_sha256 NOT GLOB '*[^0-9a-f]*'),
  paired_at TEXT NOT NULL,
  revoked_at TEXT,
  -- A standby's own venue host once promoted, as its held copy said (null until then).
  standby_address TEXT,
  standby_port INTEGER CHECK (standby_port IS NULL OR standby_port BETWEEN 1 AND 65535),
  standby_fingerprint TEXT
    CHECK (standby_fingerprint IS NULL OR (length(standby_fingerprint) = 64 AND standby_fingerprint NOT GLOB '*[^0-9a-f]*')),
  CHECK (kind = 'standby' OR (standby_address IS NULL AND standby_port IS NULL AND standby_fingerprint IS NULL))
) STRICT;

-- A pairing stays on record; what it was paired as is fixed; a revocation is final.
CREATE TRIGGER lan_stations_no_delete BEFORE DELETE ON lan_stations
BEGIN
  SELECT RAISE(ABORT, 'lan_stations is append-only');
END;

CREATE TRIGGER lan_stations_fixed BEFORE UPDATE ON lan_stations
WHEN NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name OR NEW.kind IS NOT OLD.kind
  OR NEW.secret_sha256 IS NOT OLD.secret_sha256 OR NEW.paired_at IS NOT OLD.paired_at
  OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS NOT OLD.revoked_at)
BEGIN
  SELECT RAISE(ABORT, 'a paired station is revoked, never changed');
END;

-- The key of the host's receipts (db/lan/host/receipts.ts): 32 random bytes made once per
-- congress, in the file so that a standby's copy admits the receipts the host gave. Replayed: its
-- row is recorded (as a digest: a BLOB) by the first audit row of a new congress, or by the
-- upgrade's baseline row of an older file.
CREATE TABLE lan_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL CHECK (length(secret) = 32)
) STRICT;

INSERT INTO lan_secret (id, secret) VALUES (1, randomblob(32));

CREATE TRIGGER lan_secret_no_update BEFORE UPDATE ON lan_secret
BEGIN
  SELECT RAISE(ABORT, 'the lan secret is fixed');
END;

CREATE TRIGGER lan_secret_no_delete BEFORE DELETE ON lan_secret
BEGIN
  SELECT RAISE(ABORT, 'the lan secret is fixed');
END;

-- What each station write committed, by its idempotency key (`ctx.callKey`): the audit row the
-- write appended, its answer, and the host's receipt. Inserted in the write's own transaction
-- right after its audit row (which it points to), so it cannot be in that row's `changes`: it is
-- derived data outside the replay (db/audit/changes.ts NOT_REPLAYED), as scan_readings is — the
-- write itself is in the chain, and a lost or altered row here can only make a repeat of the key
-- run again, where the handler decides it afresh. A refusal is never stored.
CREATE TABLE lan_calls (
  key TEXT PRIMARY KEY CHECK (length(key) = 36),
  channel TEXT NOT NULL,
  -- SHA-256 (hex) of the call's input as canonical JSON: a key sent again with another input is refused.
  input_sha256 TEXT NOT NULL CHECK (length(input_sha256) = 64),
  audit_seq INTEGER NOT NULL REFERENCES audit_log (id),
  result_json TEXT NOT NULL CHECK (json_valid(result_json)),
  receipt TEXT NOT NULL
) STRICT;

CREATE TRIGGER lan_calls_no_update BEFORE UPDATE ON lan_calls
BEGIN
  SELECT RAISE(ABORT, 'lan_calls is append-only');
END;

CREATE TRIGGER lan_calls_no_delete BEFORE DELETE ON lan_calls
BEGIN
  SELECT RAISE(ABORT, 'lan_calls is append-only');
END;
