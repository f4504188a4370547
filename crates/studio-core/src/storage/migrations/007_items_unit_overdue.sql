-- 007: 督办 of referrals: items whose unit (交办的承办单位) is past its own deadline without an
-- answer, while the item itself is not yet answered.
CREATE INDEX items_unit_overdue ON items(referral_due_on)
    WHERE referral_due_on IS NOT NULL AND referral_answered_on IS NULL
      AND status IN ('received', 'assigned', 'in_progress') AND deleted_at IS NULL;
