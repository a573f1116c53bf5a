-- Schema version 9: every audit row carries what its write changed (issue 12: 「Every write's
-- audit row carries what it changed, enough that replaying the log rebuilds the counted state」).
-- `changes` is a JSON array of [table, key, row] records, one per table row the write touched
-- (row null: deleted), filled by the store from TEMP triggers on its own connection
-- (db/audit/changes.ts). The chain hash covers it when it is there (db/audit/log.ts). Rows from
-- before stay NULL and verify as they did; the first open after this upgrade appends one
-- `audit.baseline` row recording every replayed table as found, from which the replay starts.
ALTER TABLE audit_log ADD COLUMN changes TEXT CHECK (changes IS NULL OR (json_valid(changes) AND json_type(changes) = 'array'));
