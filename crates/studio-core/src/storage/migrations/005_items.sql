-- 005: the item ledger (意见建议台账): items, their handling delegates, the append-only timeline,
-- and Chinese full-text search.
--
-- `rid` is a stable integer alias of the row for the full-text indexes only; `id` (UUIDv7) is the
-- item's identity everywhere else. `no` is the human number (2026-0001), unique.
--
-- The deadline columns: `clock_start_on` is the receipt day (or the day a 不满意 follow-up reopened
-- the item); `due_on` = clock_start_on + limit_days + extension_days + paused_days working days,
-- computed in Rust (items::deadline) whenever one of them changes and stored so lists can filter.
-- While `paused_since` is set (待补充) the clock is stopped and the item is never overdue.

CREATE TABLE items (
    -- Short columns first, long texts last: SQLite reads a row from its start, so filters and
    -- counts (status, dates, deleted_at) never follow a long text's overflow pages.
    rid                   INTEGER PRIMARY KEY,
    id                    TEXT NOT NULL UNIQUE,
    deleted_at            TEXT,
    no                    TEXT NOT NULL UNIQUE,
    category              TEXT NOT NULL CHECK (category IN ('policy_inquiry', 'implementation',
                          'party_building', 'public_opinion', 'rights', 'hardship')),
    status                TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'in_progress',
                          'answered', 'fed_back', 'closed', 'declined')),
    source                TEXT NOT NULL CHECK (source IN ('card', 'kiosk', 'online', 'hotline',
                          'appointment', 'survey')),
    -- the deadline
    received_on           TEXT NOT NULL
                          CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    clock_start_on        TEXT NOT NULL,
    limit_days            INTEGER NOT NULL CHECK (limit_days BETWEEN 1 AND 365),
    extension_days        INTEGER NOT NULL DEFAULT 0 CHECK (extension_days >= 0),
    paused_days           INTEGER NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
    paused_since          TEXT,
    due_on                TEXT,
    answered_on           TEXT,
    fed_back_on           TEXT,
    satisfaction          TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'dissatisfied')),
    closed_on             TEXT,
    -- supervision
    escalated             INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
    chase_count           INTEGER NOT NULL DEFAULT 0,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    card_id               TEXT REFERENCES cards(id),
    first_responder       TEXT NOT NULL,
    -- the person who raised it (personal data)
    person_name           TEXT NOT NULL DEFAULT '',
    person_phone          TEXT NOT NULL DEFAULT '',
    person_contact        TEXT NOT NULL DEFAULT '',
    -- derived from item_delegates, for the list: names joined with 、
    delegate_names        TEXT NOT NULL DEFAULT '',
    -- 交办
    referral_unit         TEXT NOT NULL DEFAULT '',
    referred_on           TEXT,
    referral_due_on       TEXT,
    referral_answered_on  TEXT,
    -- the texts
    title                 TEXT NOT NULL,
    content               TEXT NOT NULL,
    answer                TEXT NOT NULL DEFAULT '',
    feedback              TEXT NOT NULL DEFAULT '',
    referral_answer       TEXT NOT NULL DEFAULT '',
    follow_up_note        TEXT NOT NULL DEFAULT '',
    decline_reason        TEXT NOT NULL DEFAULT '',
    -- 件件有答复，事事有回音: nothing is closed without an answer and the feedback to the person
    CHECK (status <> 'closed' OR (answered_on IS NOT NULL AND fed_back_on IS NOT NULL
                                  AND satisfaction IS NOT NULL AND closed_on IS NOT NULL)),
    CHECK (status <> 'declined' OR decline_reason <> '')
);
-- The list walks one of these in order and stops after a page. They are partial on
-- `deleted_at IS NULL` (every query says so). Counts whose plan SQLite would otherwise get wrong
-- without ANALYZE statistics (it scanned the table) name their index (storage::items).
CREATE INDEX items_received ON items(received_on DESC, rid DESC) WHERE deleted_at IS NULL;
CREATE INDEX items_status ON items(status, received_on) WHERE deleted_at IS NULL;
CREATE INDEX items_status_category ON items(status, category, received_on)
    WHERE deleted_at IS NULL;
CREATE INDEX items_category ON items(category, received_on) WHERE deleted_at IS NULL;
CREATE INDEX items_source ON items(source, received_on) WHERE deleted_at IS NULL;
CREATE INDEX items_updated ON items(updated_at, rid) WHERE deleted_at IS NULL;
CREATE INDEX items_due ON items(due_on, rid) WHERE deleted_at IS NULL;
CREATE INDEX items_card ON items(card_id) WHERE card_id IS NOT NULL;
CREATE INDEX items_closed ON items(closed_on) WHERE closed_on IS NOT NULL AND deleted_at IS NULL;
-- Tombstones (none until sync deletes): lets a full-text count subtract them without a scan.
CREATE INDEX items_deleted ON items(rid) WHERE deleted_at IS NOT NULL;
-- 督办 → 已上报: few rows
CREATE INDEX items_escalated ON items(received_on) WHERE escalated = 1 AND deleted_at IS NULL;
-- 督办: running items by due date (overdue, due soon) and paused items by pause start
CREATE INDEX items_running ON items(due_on, received_on)
    WHERE status IN ('received', 'assigned', 'in_progress') AND paused_since IS NULL
      AND deleted_at IS NULL;
CREATE INDEX items_paused ON items(paused_since)
    WHERE paused_since IS NOT NULL AND deleted_at IS NULL;

-- 承办党代表: the roster's values when assigned (a snapshot, like the card's).
CREATE TABLE item_delegates (
    item_id          TEXT NOT NULL REFERENCES items(id),
    delegate_id      TEXT NOT NULL REFERENCES delegates(id),
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    delegation_id    TEXT NOT NULL,
    delegation_name  TEXT NOT NULL,
    head_name        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, delegate_id)
);
CREATE INDEX item_delegates_delegate ON item_delegates(delegate_id, item_id);
CREATE INDEX item_delegates_delegation ON item_delegates(delegation_id, item_id);

-- The timeline: one row per step, never changed (a correction is a new row).
CREATE TABLE item_events (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    item_id     TEXT NOT NULL REFERENCES items(id),
    at          TEXT NOT NULL,
    on_date     TEXT NOT NULL,
    actor       TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    text        TEXT NOT NULL DEFAULT '',
    data        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX item_events_item ON item_events(item_id, seq);

CREATE TRIGGER item_events_no_update BEFORE UPDATE ON item_events BEGIN
    SELECT RAISE(ABORT, '办理记录只能追加，不能修改');
END;
CREATE TRIGGER item_events_no_delete BEFORE DELETE ON item_events BEGIN
    SELECT RAISE(ABORT, '办理记录只能追加，不能删除');
END;

-- Full text, 3+ characters: the trigram tokenizer matches any substring of 3 or more characters.
CREATE VIRTUAL TABLE items_fts USING fts5(
    no, title, content, answer, feedback, referral_answer, person_name,
    content = 'items', content_rowid = 'rid', tokenize = 'trigram'
);

CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
    INSERT INTO items_fts (rowid, no, title, content, answer, feedback, referral_answer, person_name)
    VALUES (new.rid, new.no, new.title, new.content, new.answer, new.feedback, new.referral_answer,
            new.person_name);
END;

CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
    INSERT INTO items_fts (items_fts, rowid, no, title, content, answer, feedback, referral_answer,
                           person_name)
    VALUES ('delete', old.rid, old.no, old.title, old.content, old.answer, old.feedback,
            old.referral_answer, old.person_name);
END;

CREATE TRIGGER items_fts_update AFTER UPDATE OF no, title, content, answer, feedback,
    referral_answer, person_name ON items
BEGIN
    INSERT INTO items_fts (items_fts, rowid, no, title, content, answer, feedback, referral_answer,
                           person_name)
    VALUES ('delete', old.rid, old.no, old.title, old.content, old.answer, old.feedback,
            old.referral_answer, old.person_name);
    INSERT INTO items_fts (rowid, no, title, content, answer, feedback, referral_answer, person_name)
    VALUES (new.rid, new.no, new.title, new.content, new.answer, new.feedback, new.referral_answer,
            new.person_name);
END;

-- Full text, 2 characters: trigrams cannot match a 2-character word, so the same texts are indexed
-- as overlapping character pairs ("信息化" → "信息 息化") written by Rust (storage::items::bigrams)
-- and matched as whole tokens. Contentless: it only answers "which rows"; the texts live in `items`.
CREATE VIRTUAL TABLE items_bigrams USING fts5(
    grams, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
