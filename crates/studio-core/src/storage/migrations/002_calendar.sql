-- 002: admin overrides of the official working-day calendar (calendar::set_override).
-- One row per date; the date is the row's identity (and its id in the change log, entity
-- `calendar`). An override wins over the shipped official data for that day. Removing one leaves a
-- tombstone (`deleted_at`), like every row that syncs; setting the date again revives the row.

CREATE TABLE calendar_overrides (
    date        TEXT PRIMARY KEY
                CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    kind        TEXT NOT NULL CHECK (kind IN ('workday', 'holiday')),
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    deleted_at  TEXT
);
