-- 017: 工作台's charts count a period's items per delegation of their handling delegates. The
-- handling rows were found through the primary key (item_id, delegate_id) and then read for their
-- delegation: one random row read per item. This index holds what the count reads, so it reads the
-- index alone (storage::reports::chart_delegations).
CREATE INDEX item_delegates_chart ON item_delegates(item_id, delegation_id, delegate_id);
