-- 015: 活动调研 (activities) and 提议 (proposals).
--
-- An activity is held by a delegation or by the studio (delegation_id NULL); its delegates, invited
-- units, linked ledger items and attachments are child rows. An attachment's file lives in the data
-- folder (files/activities/<activity id>/<attachment id>.<ext>); the row keeps the shown name.
--
-- A proposal (提议) is drafted by a delegation from ledger items; it is referred (交办) to one or more
-- units, each with its own deadline (working days from `referred_on`, the start of the unit's current
-- round: a 不满意 evaluation sends it back and starts a new round). Due dates are computed from the
-- calendar when read, so a calendar override moves them without a rewrite. The timeline
-- (`proposal_events`) is append-only like the items' one.

CREATE TABLE activities (
    id             TEXT PRIMARY KEY,
    deleted_at     TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('forum', 'field_survey', 'training', 'visit',
                                                 'reception_day', 'other')),
    start_on       TEXT NOT NULL
                   CHECK (start_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    end_on         TEXT NOT NULL CHECK (end_on >= start_on),
    delegation_id  TEXT REFERENCES delegations(id),
    topic          TEXT NOT NULL,
    place          TEXT NOT NULL DEFAULT '',
    summary        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX activities_start ON activities(start_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX activities_delegation ON activities(delegation_id, kind, start_on)
    WHERE deleted_at IS NULL;

CREATE TABLE activity_delegates (
    activity_id  TEXT NOT NULL REFERENCES activities(id),
    delegate_id  TEXT NOT NULL REFERENCES delegates(id),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (activity_id, delegate_id)
);
CREATE INDEX activity_delegates_delegate ON activity_delegates(delegate_id);

CREATE TABLE activity_units (
    activity_id  TEXT NOT NULL REFERENCES activities(id),
    position     INTEGER NOT NULL,
    unit         TEXT NOT NULL,
    head         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, position)
);

CREATE TABLE activity_items (
    activity_id  TEXT NOT NULL REFERENCES activities(id),
    item_id      TEXT NOT NULL REFERENCES items(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (activity_id, item_id)
);
CREATE INDEX activity_items_item ON activity_items(item_id);

CREATE TABLE activity_attachments (
    id           TEXT PRIMARY KEY,
    activity_id  TEXT NOT NULL REFERENCES activities(id),
    file_name    TEXT NOT NULL,
    stored_name  TEXT NOT NULL,
    size         INTEGER NOT NULL CHECK (size >= 0),
    added_at     TEXT NOT NULL,
    added_by     TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX activity_attachments_activity ON activity_attachments(activity_id);

CREATE TABLE proposals (
    id                       TEXT PRIMARY KEY,
    deleted_at               TEXT,
    no                       TEXT NOT NULL UNIQUE,
    status                   TEXT NOT NULL CHECK (status IN ('draft', 'discussed', 'submitted',
                             'referred', 'answered', 'evaluated', 'closed', 'declined')),
    delegation_id            TEXT NOT NULL REFERENCES delegations(id),
    drafted_on               TEXT NOT NULL
                             CHECK (drafted_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    discussed_on             TEXT,
    submitted_on             TEXT,
    referred_on              TEXT,
    closed_on                TEXT,
    declined_on              TEXT,
    chase_count              INTEGER NOT NULL DEFAULT 0,
    created_at               TEXT NOT NULL,
    updated_at               TEXT NOT NULL,
    version                  INTEGER NOT NULL DEFAULT 1,
    title                    TEXT NOT NULL,
    problem                  TEXT NOT NULL,
    suggestion               TEXT NOT NULL,
    discussion_participants  TEXT NOT NULL DEFAULT '',
    discussion_outcome       TEXT NOT NULL DEFAULT '',
    decline_reason           TEXT NOT NULL DEFAULT '',
    close_note               TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'declined' OR decline_reason <> ''),
    CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX proposals_drafted ON proposals(drafted_on DESC) WHERE deleted_at IS NULL;
CREATE INDEX proposals_delegation ON proposals(delegation_id, drafted_on) WHERE deleted_at IS NULL;

CREATE TABLE proposal_items (
    proposal_id  TEXT NOT NULL REFERENCES proposals(id),
    item_id      TEXT NOT NULL REFERENCES items(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, item_id)
);
CREATE INDEX proposal_items_item ON proposal_items(item_id);

-- 交办: one row per unit. `referred_on` is the start of the unit's current round, `rounds` how many
-- it has had (a 不满意 evaluation sends the proposal back to the unit: round + 1, answer cleared).
CREATE TABLE proposal_units (
    proposal_id      TEXT NOT NULL REFERENCES proposals(id),
    position         INTEGER NOT NULL,
    unit             TEXT NOT NULL,
    referred_on      TEXT NOT NULL,
    limit_days       INTEGER NOT NULL CHECK (limit_days BETWEEN 1 AND 365),
    rounds           INTEGER NOT NULL DEFAULT 1,
    answered_on      TEXT,
    satisfaction     TEXT CHECK (satisfaction IN ('satisfied', 'basic', 'dissatisfied')),
    evaluated_on     TEXT,
    answer           TEXT NOT NULL DEFAULT '',
    evaluation_note  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (proposal_id, position),
    UNIQUE (proposal_id, unit)
);

CREATE TABLE proposal_events (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    proposal_id  TEXT NOT NULL REFERENCES proposals(id),
    at           TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_role   TEXT NOT NULL,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL,
    text         TEXT NOT NULL DEFAULT '',
    data         TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX proposal_events_proposal ON proposal_events(proposal_id, seq);

CREATE TRIGGER proposal_events_no_update BEFORE UPDATE ON proposal_events
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '提议办理记录只能追加，不能修改'); END;
CREATE TRIGGER proposal_events_no_delete BEFORE DELETE ON proposal_events
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '提议办理记录只能追加，不能删除'); END;
