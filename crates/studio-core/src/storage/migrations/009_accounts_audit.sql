-- 009: accounts, the audit log, and the guard that keeps the append-only tables append-only.

-- Each person who logs in. `role` is the English code (crate::actor::Role); a delegate's and a
-- delegation head's account names the delegate record they are. Passwords are argon2id PHC strings
-- and never leave this table (no change record, audit entry or export holds one).
CREATE TABLE accounts (
    id               TEXT PRIMARY KEY,
    login            TEXT NOT NULL,
    name             TEXT NOT NULL,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'liaison', 'head', 'delegate', 'auditor')),
    delegate_id      TEXT REFERENCES delegates(id),
    password_hash    TEXT NOT NULL,
    -- the next login must choose a new password (after a reset by an administrator)
    must_change      INTEGER NOT NULL DEFAULT 0,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    -- locked after repeated failures until this time (UTC RFC 3339)
    locked_until     TEXT,
    -- locked by an administrator until unlocked
    disabled         INTEGER NOT NULL DEFAULT 0,
    last_login_at    TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    deleted_at       TEXT
);
CREATE UNIQUE INDEX accounts_login ON accounts(login COLLATE NOCASE) WHERE deleted_at IS NULL;

-- The guard: the append-only tables refuse UPDATE and DELETE unless this table holds a row. The
-- two operations allowed to touch them (archiving old audit entries, redaction for erasure) insert
-- the row and delete it again inside their own transaction, so no other connection ever sees it.
CREATE TABLE append_only_guard (reason TEXT NOT NULL);

-- Everything that happened, one line each: every write through the gate (a summary; the whole rows
-- are in change_log), every login, failed login, lock and unlock, every export, print and opening of
-- a full personal record, refusals. `seq` grows with `at`, so a period becomes a range of seq.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT NOT NULL,
    actor_id    TEXT NOT NULL,
    actor       TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    area        TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL DEFAULT '',
    summary     TEXT NOT NULL DEFAULT '',
    result      TEXT NOT NULL DEFAULT 'ok' CHECK (result IN ('ok', 'refused', 'failed'))
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_actor ON audit_log(actor_id, seq);
CREATE INDEX audit_log_area ON audit_log(area, seq);
CREATE INDEX audit_log_action ON audit_log(action, seq);

-- What the access log (008) held moves into the audit log.
INSERT INTO audit_log (at, actor_id, actor, actor_role, area, action, target, summary, result)
SELECT at, actor_id, actor, actor_role, entity, action, row_id, '', 'ok' FROM access_log ORDER BY seq;
DROP TABLE access_log;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能删除'); END;

DROP TRIGGER change_log_no_update;
DROP TRIGGER change_log_no_delete;
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '变更记录只能追加，不能修改'); END;
CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '变更记录只能追加，不能删除'); END;

DROP TRIGGER item_events_no_update;
DROP TRIGGER item_events_no_delete;
CREATE TRIGGER item_events_no_update BEFORE UPDATE ON item_events
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '办理记录只能追加，不能修改'); END;
CREATE TRIGGER item_events_no_delete BEFORE DELETE ON item_events
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '办理记录只能追加，不能删除'); END;

-- Consent (个人信息保护法): whether the person agreed to the handling of their data (NULL: not
-- asked, records made before this migration), and whether a delegate agreed to be shown online.
ALTER TABLE cards ADD COLUMN person_consent INTEGER;
ALTER TABLE items ADD COLUMN person_consent INTEGER;
ALTER TABLE delegates ADD COLUMN publish_consent INTEGER NOT NULL DEFAULT 0;
