-- 004: make the roster list fast at 10,000 delegates.
-- search_text: one lower-case string holding everything the search box matches (name, unit,
--   position, pinyin initials, full pinyin), so a search is one instr() per row over a covering index.
-- roster_key: the roster order (delegation order and name, then the delegate's order, then pinyin)
--   as one sortable text, so the first page is an ordered index scan that stops after a page.
-- Both are derived columns, rewritten by storage::roster::refresh_derived after every change.
ALTER TABLE delegates ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE delegates ADD COLUMN roster_key TEXT NOT NULL DEFAULT '';

UPDATE delegates SET
    search_text = lower(name || ' ' || unit || ' ' || position || ' ' || name_initials || ' ' || name_pinyin),
    roster_key = (SELECT printf('%010d', max(0, g.display_order)) || g.name
                    FROM delegations g WHERE g.id = delegates.delegation_id)
                 || '|' || printf('%010d', max(0, display_order)) || '|' || name_pinyin;

DROP INDEX delegates_order;
-- search_text rides along in the ordered indexes so a search is checked on the index entry,
-- before the row is read: a rare match scans the index, not the table.
CREATE INDEX delegates_roster ON delegates(deleted_at, roster_key, search_text);
CREATE INDEX delegates_search ON delegates(deleted_at, status, search_text);
CREATE INDEX delegates_name ON delegates(deleted_at, name_pinyin, search_text);
