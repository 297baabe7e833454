-- Which pending deadlines belong to which aggregate, by name. Axon's db-scheduler deadline manager finds an
-- aggregate's deadlines by reading and deserializing every pending deadline of the network; with two per booking
-- that made each payment and cancellation slower as the history grew. With this index a booking's deadlines are
-- found by their key (decision 24). Deadlines scheduled before it are not in it: they fire and find nothing to do,
-- as every deadline handler checks its booking's state first.
CREATE TABLE command_side.deadline_scope (
    schedule_id   TEXT        PRIMARY KEY,
    scope         TEXT        NOT NULL,
    deadline_name TEXT        NOT NULL,
    fires_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX deadline_scope_by_scope ON command_side.deadline_scope (scope, deadline_name);
-- For the housekeeping that forgets deadlines that have fired.
CREATE INDEX deadline_scope_by_time ON command_side.deadline_scope (fires_at);
