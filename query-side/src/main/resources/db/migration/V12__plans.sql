-- The membership plans the network sells, each at its newest revision (the memberships read model, docs/memberships.md).
CREATE TABLE query_side.plan_view (
    plan_id               VARCHAR(64) PRIMARY KEY,
    revision              INTEGER      NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    monthly_price         BIGINT       NOT NULL,
    currency              CHAR(3)      NOT NULL,
    credit_minutes        BIGINT       NOT NULL,
    credit_resource_kinds TEXT[]       NOT NULL,
    rolls_over            BOOLEAN      NOT NULL,
    rollover_cap_minutes  BIGINT       NOT NULL,
    whole_network         BOOLEAN      NOT NULL,
    space_ids             TEXT[]       NOT NULL,
    credits_only          BOOLEAN      NOT NULL,
    retired               BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX plan_view_by_name ON query_side.plan_view (name, plan_id);
