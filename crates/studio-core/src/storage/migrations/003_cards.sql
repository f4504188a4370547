-- 003: contact record cards (记录卡), their amendments (更正), and Chinese full-text search.
--
-- A card keeps a snapshot of its delegate as of the day it was written (name, delegation, unit and
-- position, phone): later roster changes do not alter a card. `due_on` (feedback_on + 3 working
-- days) is computed when the card is written and stored so lists can filter on it; it moves only
-- when the card is saved again or `cards::recompute_due_dates` runs (after a calendar override).
--
-- `rid` is a stable integer alias of the row, for the full-text index only: `id` (UUIDv7) is the
-- card's identity everywhere else, and the only one that syncs.

CREATE TABLE cards (
    rid                      INTEGER PRIMARY KEY,
    id                       TEXT NOT NULL UNIQUE,
    delegate_id              TEXT NOT NULL REFERENCES delegates(id),
    -- snapshot of the delegate
    delegation_id            TEXT NOT NULL,
    delegate_name            TEXT NOT NULL,
    delegation_name          TEXT NOT NULL,
    delegate_unit_position   TEXT NOT NULL DEFAULT '',
    delegate_phone           TEXT NOT NULL DEFAULT '',
    contact_date             TEXT NOT NULL
                             CHECK (contact_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    -- the person contacted
    person_name              TEXT NOT NULL,
    person_gender            TEXT CHECK (person_gender IN ('male', 'female')),
    person_age               INTEGER CHECK (person_age BETWEEN 1 AND 120),
    person_political_status  TEXT CHECK (person_political_status IN ('party_member',
                             'probationary_member', 'league_member', 'democratic_party',
                             'independent', 'masses')),
    person_unit_position     TEXT NOT NULL DEFAULT '',
    person_phone             TEXT NOT NULL DEFAULT '',
    person_address           TEXT NOT NULL DEFAULT '',
    group_size               INTEGER NOT NULL DEFAULT 1 CHECK (group_size BETWEEN 1 AND 999),
    channel                  TEXT NOT NULL
                             CHECK (channel IN ('studio', 'online', 'appointment', 'home_visit', 'other')),
    channel_other            TEXT NOT NULL DEFAULT '',
    opinion                  TEXT NOT NULL,
    handling                 TEXT NOT NULL DEFAULT '',
    feedback_on              TEXT,
    filed_on                 TEXT,
    status                   TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    due_on                   TEXT,
    filed_late               INTEGER NOT NULL DEFAULT 0 CHECK (filed_late IN (0, 1)),
    amendment_count          INTEGER NOT NULL DEFAULT 0,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    deleted_at               TEXT,
    -- a submitted card has been fed back, answered and filed
    CHECK (status = 'draft' OR (feedback_on IS NOT NULL AND filed_on IS NOT NULL AND due_on IS NOT NULL))
);
CREATE INDEX cards_contact ON cards(contact_date DESC, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX cards_delegate ON cards(delegate_id, contact_date);
CREATE INDEX cards_delegation ON cards(delegation_id, contact_date);
CREATE INDEX cards_deadline ON cards(status, due_on) WHERE deleted_at IS NULL;

-- A correction of a submitted card: the fields it changed, before and after (JSON objects), and why.
-- The card row holds the corrected values; the first amendment's `before` holds the original.
CREATE TABLE card_amendments (
    id          TEXT PRIMARY KEY,
    card_id     TEXT NOT NULL REFERENCES cards(id),
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    reason      TEXT NOT NULL,
    before      TEXT NOT NULL,
    after       TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX card_amendments_card ON card_amendments(card_id, at);

-- Full text over the two long texts and the two names. The trigram tokenizer matches any substring
-- of 3 or more characters, which suits Chinese (no word boundaries); shorter queries use LIKE.
CREATE VIRTUAL TABLE cards_fts USING fts5(
    opinion, handling, person_name, delegate_name,
    content = 'cards', content_rowid = 'rid', tokenize = 'trigram'
);

CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
    INSERT INTO cards_fts (rowid, opinion, handling, person_name, delegate_name)
    VALUES (new.rid, new.opinion, new.handling, new.person_name, new.delegate_name);
END;

CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
    INSERT INTO cards_fts (cards_fts, rowid, opinion, handling, person_name, delegate_name)
    VALUES ('delete', old.rid, old.opinion, old.handling, old.person_name, old.delegate_name);
END;

CREATE TRIGGER cards_fts_update AFTER UPDATE OF opinion, handling, person_name, delegate_name ON cards
BEGIN
    INSERT INTO cards_fts (cards_fts, rowid, opinion, handling, person_name, delegate_name)
    VALUES ('delete', old.rid, old.opinion, old.handling, old.person_name, old.delegate_name);
    INSERT INTO cards_fts (rowid, opinion, handling, person_name, delegate_name)
    VALUES (new.rid, new.opinion, new.handling, new.person_name, new.delegate_name);
END;
