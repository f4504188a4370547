-- 012: the visitor kiosk (自助终端) and, later, the online studio: query codes, what a visitor's
-- message adds to its item, and the indexes of 待分派 and of the one-message-a-minute bound.

-- Query codes (查询码): one code space for the kiosk and the online studio, for items and
-- appointments. A code is 8 characters of an alphabet without look-alikes (kiosk::codes), stored
-- without its dash. Rows are never deleted, so a code is never given twice; only the guarded
-- redaction of an erasure may rewrite one: it empties `phone_last4`, so the code matches no one.
CREATE TABLE query_codes (
    code         TEXT PRIMARY KEY CHECK (length(code) = 8),
    kind         TEXT NOT NULL CHECK (kind IN ('item', 'appointment')),
    target_id    TEXT NOT NULL,
    phone_last4  TEXT NOT NULL
                 CHECK (phone_last4 GLOB '[0-9][0-9][0-9][0-9]' OR phone_last4 = ''),
    created_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX query_codes_target ON query_codes(kind, target_id);

CREATE TRIGGER query_codes_no_update BEFORE UPDATE ON query_codes
WHEN NOT EXISTS (SELECT 1 FROM append_only_guard)
BEGIN SELECT RAISE(ABORT, '查询码不能修改'); END;
CREATE TRIGGER query_codes_no_delete BEFORE DELETE ON query_codes
BEGIN SELECT RAISE(ABORT, '查询码不能删除：删除后可能被再次使用'); END;

-- 有事找代表: whether the answer may be published without the writer's name (代表回复 of the online
-- studio), and the delegate the writer chose: a wish, not an assignment (staff route the item).
ALTER TABLE items ADD COLUMN publish_ok INTEGER NOT NULL DEFAULT 0 CHECK (publish_ok IN (0, 1));
ALTER TABLE items ADD COLUMN requested_delegate_id TEXT REFERENCES delegates(id);

-- 待分派: messages from the kiosk or the online studio without a delegate, before the answer. The
-- list and the count name this index (storage::items); its WHERE is word for word theirs.
CREATE INDEX items_unrouted ON items(received_on, rid)
    WHERE source IN ('kiosk', 'online') AND delegate_names = ''
      AND status IN ('received', 'assigned', 'in_progress') AND deleted_at IS NULL;

-- One message per phone per minute: the visitor's recent messages by phone.
CREATE INDEX items_visitor_phone ON items(person_phone, created_at)
    WHERE source IN ('kiosk', 'online') AND deleted_at IS NULL;

-- 查询进度's bound (10 failed tries in 10 minutes per kiosk) counts one actor's recent failures;
-- partial, so the other audit lines cost nothing more.
CREATE INDEX audit_log_query_failed ON audit_log(actor_id, at) WHERE action = 'query_failed';
