-- Which plan a member's live membership is on, so that a placement knows whether the plan takes only credits.
ALTER TABLE command_side.live_membership ADD COLUMN plan_id VARCHAR(64);
-- Every live membership is rebuilt with its plan by bin/booking-ops rebuild-lookups; until then a row without one
-- counts as a plan that takes cards too.
