-- 008: the write gate's change records and the record of who opened which full record.
-- A change record now keeps the whole row before and after (older rows keep the changed fields
-- they were written with), the actor's stable id, and the version the change was based on and the
-- one it made (NULL for rows written before this migration).
ALTER TABLE change_log ADD COLUMN actor_id TEXT NOT NULL DEFAULT '';
ALTER TABLE change_log ADD COLUMN base_version INTEGER;
ALTER TABLE change_log ADD COLUMN new_version INTEGER;

-- The change log is the audit trail and the sync feed: append-only.
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;

-- Opening a full record (unmasked phones and addresses) or exporting personal data is recorded.
CREATE TABLE access_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor_id   TEXT NOT NULL,
    actor      TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    action     TEXT NOT NULL      -- 'view' | 'export' | 'print'
);
CREATE INDEX access_log_at ON access_log(at);
