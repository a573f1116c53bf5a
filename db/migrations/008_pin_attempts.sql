-- Schema version 8 (issue 12): wrong PINs are remembered in the congress file, not in memory, so
-- that restarting the app or opening a second window does not give a guesser fresh tries
-- (db/operators/attempts.ts says the numbers). Every change to these tables is made in a
-- transaction that also appends its audit row (station.signIn_failed, chief.confirm_failed, ...).

-- Wrong PINs for one operator typed at one station, since the last right one there, and until
-- when (milliseconds since 1970) that pair must wait. Per station: a stranger mistyping the
-- chief's PIN at one station does not hold the chief up at another.
CREATE TABLE pin_attempts (
  operator_id INTEGER NOT NULL REFERENCES operators (id),
  station TEXT NOT NULL,
  failures INTEGER NOT NULL CHECK (failures > 0),
  last_at TEXT NOT NULL,
  wait_until INTEGER NOT NULL,
  PRIMARY KEY (operator_id, station)
) STRICT;

-- All wrong PINs for one operator, wherever typed: a leaky bucket (level, and the time it was
-- last filled), which bounds how fast anyone may guess one operator's PIN however many station
-- names they type.
CREATE TABLE pin_budget (
  operator_id INTEGER PRIMARY KEY REFERENCES operators (id),
  level REAL NOT NULL CHECK (level >= 0),
  at INTEGER NOT NULL
) STRICT;

-- A PIN set before PINs had at least 6 digits still signs in; the sign-in notes that it is short
-- (only then is its length known: the file keeps a hash), and the operators card asks for a new one.
ALTER TABLE operators ADD COLUMN pin_short INTEGER NOT NULL DEFAULT 0 CHECK (pin_short IN (0, 1));
