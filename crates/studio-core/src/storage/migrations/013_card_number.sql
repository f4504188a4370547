-- 013: a human number on every record card (记录卡编号), like the items' `2026-0001`: the contact
-- date's year and a serial within that year. Cards already stored are numbered in contact-date order
-- (then creation time, then id) per year, discarded ones included, so a number is never given twice.
-- A new card takes the next free number of its contact date's year when it is created; the number
-- stays when the contact date later moves to another year. `id` (UUIDv7) remains the card's identity.

ALTER TABLE cards ADD COLUMN no TEXT NOT NULL DEFAULT '';

UPDATE cards SET no = n.no
FROM (SELECT id,
             printf('%s-%04d', substr(contact_date, 1, 4),
                    ROW_NUMBER() OVER (PARTITION BY substr(contact_date, 1, 4)
                                       ORDER BY contact_date, created_at, id)) AS no
      FROM cards) AS n
WHERE n.id = cards.id;

CREATE UNIQUE INDEX cards_no ON cards(no);

-- The number is searchable like the texts: the full-text index gains it (trigram: any 3+ characters
-- of it, `2026-0012` or `0012`; shorter words use LIKE, which the list extends to the number).
DROP TRIGGER cards_fts_insert;
DROP TRIGGER cards_fts_delete;
DROP TRIGGER cards_fts_update;
DROP TABLE cards_fts;

CREATE VIRTUAL TABLE cards_fts USING fts5(
    opinion, handling, person_name, delegate_name, no,
    content = 'cards', content_rowid = 'rid', tokenize = 'trigram'
);
INSERT INTO cards_fts (cards_fts) VALUES ('rebuild');

CREATE TRIGGER cards_fts_insert AFTER INSERT ON cards BEGIN
    INSERT INTO cards_fts (rowid, opinion, handling, person_name, delegate_name, no)
    VALUES (new.rid, new.opinion, new.handling, new.person_name, new.delegate_name, new.no);
END;

CREATE TRIGGER cards_fts_delete AFTER DELETE ON cards BEGIN
    INSERT INTO cards_fts (cards_fts, rowid, opinion, handling, person_name, delegate_name, no)
    VALUES ('delete', old.rid, old.opinion, old.handling, old.person_name, old.delegate_name, old.no);
END;

CREATE TRIGGER cards_fts_update AFTER UPDATE OF opinion, handling, person_name, delegate_name, no
ON cards BEGIN
    INSERT INTO cards_fts (cards_fts, rowid, opinion, handling, person_name, delegate_name, no)
    VALUES ('delete', old.rid, old.opinion, old.handling, old.person_name, old.delegate_name, old.no);
    INSERT INTO cards_fts (rowid, opinion, handling, person_name, delegate_name, no)
    VALUES (new.rid, new.opinion, new.handling, new.person_name, new.delegate_name, new.no);
END;
