-- The plan a membership moves to from its next period, while that change is scheduled (docs/memberships.md).
ALTER TABLE query_side.membership_view ADD COLUMN next_plan_id VARCHAR(64);
ALTER TABLE query_side.membership_view ADD COLUMN next_plan_from TIMESTAMPTZ;
