-- The plans on sale as commands see them (their newest revision), and each member's live membership: lookups
-- written in the same transaction as the events they follow, rebuildable from them (docs/memberships.md).
CREATE TABLE command_side.plan_catalogue (
    plan_id  VARCHAR(64) PRIMARY KEY,
    revision INTEGER     NOT NULL,
    terms    JSONB       NOT NULL,
    retired  BOOLEAN     NOT NULL DEFAULT FALSE
);

-- One live membership per member: a subscription is decided under the member's advisory lock, which also
-- serialises the member's placements, and this row is what it finds.
CREATE TABLE command_side.live_membership (
    member_id     VARCHAR(64) PRIMARY KEY,
    membership_id VARCHAR(64) NOT NULL
);
