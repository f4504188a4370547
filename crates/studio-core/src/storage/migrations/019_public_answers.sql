-- 019: 代表回复 (public answers) of the online studio. A message from the kiosk or the online studio
-- whose writer agreed to publication (`items.publish_ok`) may, once answered, be shown on the
-- public page with the question as staff edited it and the answer as staff checked it: never the
-- writer's name, phone or contact. One row per item, kept apart from `items` so the ledger's row
-- (and its change records) stays as it was; the row syncs like the others (`version`,
-- `deleted_at`).
CREATE TABLE public_answers (
    item_id       TEXT PRIMARY KEY REFERENCES items(id),
    question      TEXT NOT NULL,
    answer        TEXT NOT NULL,
    published     INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    -- The first and the latest publication (UTC); kept when withdrawn.
    first_published_at TEXT,
    published_at  TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    deleted_at    TEXT
) WITHOUT ROWID;

-- The public page: published rows, newest first.
CREATE INDEX public_answers_published ON public_answers(published_at)
    WHERE published = 1 AND deleted_at IS NULL;

-- 代表回复 for staff: the consenting messages from the kiosk and the online studio.
CREATE INDEX items_publish_ok ON items(answered_on)
    WHERE publish_ok = 1 AND source IN ('kiosk', 'online') AND deleted_at IS NULL;
