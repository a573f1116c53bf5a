-- Schema version 4: the people at the keyboards. Each operator has a role (core/roles.ts says
-- what each may do) and a PIN kept only as a slow salted hash (scrypt, db/pin.ts). Operators
-- are never deleted: an audit row names them for as long as the file exists; they are disabled.

CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('secretariat', 'clerk', 'counter', 'scrutineer', 'chief_scrutineer')),
  -- scrypt$N$r$p$salt$hash (base64): never the PIN itself.
  pin_hash TEXT NOT NULL CHECK (pin_hash GLOB 'scrypt$*'),
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER operators_no_delete BEFORE DELETE ON operators
BEGIN
  SELECT RAISE(ABORT, 'operators are disabled, never deleted');
END;
