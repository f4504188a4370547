-- 001: settings, the audit trail, and the roster (delegations and delegates).
-- Ids are UUIDv7 text; times UTC RFC 3339 text; dates YYYY-MM-DD text.
-- Rows that will sync carry `version` (bumped on every change) and `deleted_at` (tombstone).

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One row per change: who, when, which row, the fields before and after (JSON).
-- The sync outbox is fed from this table; it is append-only.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    id         TEXT NOT NULL UNIQUE,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    entity     TEXT NOT NULL,
    row_id     TEXT NOT NULL,
    action     TEXT NOT NULL,
    before     TEXT,
    after      TEXT
);
CREATE INDEX change_log_row ON change_log(entity, row_id, seq);

CREATE TABLE delegations (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    head_delegate_id  TEXT,
    note              TEXT NOT NULL DEFAULT '',
    display_order     INTEGER NOT NULL DEFAULT 0,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    deleted_at        TEXT
);
CREATE UNIQUE INDEX delegations_name ON delegations(name) WHERE deleted_at IS NULL;

CREATE TABLE delegates (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    name_pinyin      TEXT NOT NULL,   -- "zhangjianhua": search by full pinyin
    name_initials    TEXT NOT NULL,   -- "zjh": search by initials
    gender           TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    delegation_id    TEXT NOT NULL REFERENCES delegations(id),
    unit             TEXT NOT NULL,
    position         TEXT NOT NULL DEFAULT '',
    mobile           TEXT NOT NULL DEFAULT '',
    office_phone     TEXT NOT NULL DEFAULT '',
    email            TEXT NOT NULL DEFAULT '',
    photo            TEXT,            -- file name in the database's files folder
    bio              TEXT NOT NULL DEFAULT '',
    pledge           TEXT NOT NULL DEFAULT '',
    term             TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
    left_on          TEXT,
    display_order    INTEGER NOT NULL DEFAULT 0,
    publish          TEXT NOT NULL DEFAULT '{}',   -- JSON: which fields the online studio may show
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    deleted_at       TEXT
);
CREATE INDEX delegates_delegation ON delegates(delegation_id, display_order);
CREATE INDEX delegates_order ON delegates(status, display_order, name_pinyin);
