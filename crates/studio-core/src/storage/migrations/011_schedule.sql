-- 011: the reception schedule (接待安排) and appointments (约见).
--
-- A duty slot is one reception: a day, a time span (zero-padded HH:MM, the end after the start),
-- a place (the studio room or the online studio) and the delegates on duty, in the order shown. The
-- delegates are rows of `duty_slot_delegates`, so "who is on duty when" is an indexed query; a
-- deleted slot keeps its rows behind its tombstone. `month` (YYYY-MM) is derived from `date`.
-- `non_working_day`: the slot lies on a day off and someone confirmed it.

CREATE TABLE duty_slots (
    id               TEXT PRIMARY KEY,
    date             TEXT NOT NULL
                     CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    month            TEXT NOT NULL CHECK (month = substr(date, 1, 7)),
    start_time       TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time         TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    place            TEXT NOT NULL CHECK (place IN ('studio', 'online')),
    place_note       TEXT NOT NULL DEFAULT '',
    note             TEXT NOT NULL DEFAULT '',
    non_working_day  INTEGER NOT NULL DEFAULT 0 CHECK (non_working_day IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    deleted_at       TEXT,
    CHECK (end_time > start_time)
);
CREATE INDEX duty_slots_date ON duty_slots(date, start_time) WHERE deleted_at IS NULL;
CREATE INDEX duty_slots_month ON duty_slots(month, date, start_time) WHERE deleted_at IS NULL;

CREATE TABLE duty_slot_delegates (
    slot_id      TEXT NOT NULL REFERENCES duty_slots(id),
    delegate_id  TEXT NOT NULL REFERENCES delegates(id),
    position     INTEGER NOT NULL,
    PRIMARY KEY (slot_id, delegate_id)
) WITHOUT ROWID;
CREATE INDEX duty_slot_delegates_delegate ON duty_slot_delegates(delegate_id, slot_id);

-- A month of the plan once it was published (发布): from then on the kiosk and the online studio
-- show it, and a change to one of its slots sets `poster_changed` until the poster is printed again.
CREATE TABLE schedule_months (
    month              TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    published_at       TEXT,
    published_by       TEXT,
    poster_changed     INTEGER NOT NULL DEFAULT 0 CHECK (poster_changed IN (0, 1)),
    poster_printed_at  TEXT,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    deleted_at         TEXT
) WITHOUT ROWID;

-- 约见: a person asks to meet a delegate (`request`) or a delegate invites a person (`invitation`).
-- 待确认 `pending` → 已确认 `confirmed` → 已完成 `completed` (with the record card it made), or
-- 已取消 `cancelled` (with a reason). `query_code` is the visitor's 查询码 for a request made at the
-- kiosk or online (the kiosk's code fills it; see 012).
CREATE TABLE appointments (
    id              TEXT PRIMARY KEY,
    person_name     TEXT NOT NULL,
    person_phone    TEXT NOT NULL DEFAULT '',
    person_consent  INTEGER CHECK (person_consent IN (0, 1)),
    delegate_id     TEXT NOT NULL REFERENCES delegates(id),
    date            TEXT NOT NULL
                    CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    start_time      TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    end_time        TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    place           TEXT NOT NULL,
    topic           TEXT NOT NULL,
    direction       TEXT NOT NULL CHECK (direction IN ('request', 'invitation')),
    source          TEXT NOT NULL CHECK (source IN ('staff', 'kiosk', 'online')),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'confirmed', 'completed', 'cancelled')),
    cancel_reason   TEXT NOT NULL DEFAULT '',
    card_id         TEXT REFERENCES cards(id),
    query_code      TEXT,
    note            TEXT NOT NULL DEFAULT '',
    confirmed_at    TEXT,
    completed_at    TEXT,
    cancelled_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    deleted_at      TEXT,
    CHECK (end_time > start_time),
    CHECK (status <> 'cancelled' OR cancel_reason <> ''),
    CHECK (status <> 'completed' OR card_id IS NOT NULL)
);
CREATE UNIQUE INDEX appointments_query_code ON appointments(query_code) WHERE query_code IS NOT NULL;
CREATE INDEX appointments_date ON appointments(date DESC, start_time DESC) WHERE deleted_at IS NULL;
CREATE INDEX appointments_delegate ON appointments(delegate_id, date);
CREATE INDEX appointments_status ON appointments(status, date);
