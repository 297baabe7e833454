-- Which query-side instances are alive: each one writes its heartbeat here every few seconds, and each shares
-- every pooled processor's segments with the instances whose heartbeat is recent (docs/scaling.md). The id is the
-- one its claims carry in token_entry.owner. Database time on both sides, so the instances' clocks do not matter.
CREATE TABLE query_side.query_side_instance (
    node_id   VARCHAR(255) PRIMARY KEY,
    last_seen TIMESTAMPTZ  NOT NULL
);
