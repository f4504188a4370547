-- 010: the 审计 page filtered by area and action together (导出 of 记录卡, say) read every entry of
-- the area to find the action: 100 ms at 1,000,000 entries. One index on both, newest first by seq.
CREATE INDEX audit_log_area_action ON audit_log(area, action, seq);
