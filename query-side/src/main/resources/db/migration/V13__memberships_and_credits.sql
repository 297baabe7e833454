-- Members' memberships and credit ledgers (the memberships read model, docs/memberships.md).
CREATE TABLE query_side.membership_view (
    membership_id  VARCHAR(64)  PRIMARY KEY,
    member_id      VARCHAR(64)  NOT NULL,
    plan_id        VARCHAR(64)  NOT NULL,
    plan_name      VARCHAR(200) NOT NULL,
    plan_revision  INTEGER      NOT NULL,
    monthly_price  BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    paid_until     TIMESTAMPTZ,
    ends_at        TIMESTAMPTZ,
    periods_paid   INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX membership_view_by_member ON query_side.membership_view (member_id, requested_at DESC);

-- One row per grant: what it granted and what is left of it.
CREATE TABLE query_side.credit_grant_view (
    grant_id       VARCHAR(200) PRIMARY KEY,
    account_id     VARCHAR(100) NOT NULL,
    granted        BIGINT       NOT NULL,
    remaining      BIGINT       NOT NULL,
    resource_kinds TEXT[]       NOT NULL,
    granted_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX credit_grant_view_by_account ON query_side.credit_grant_view (account_id, expires_at);

-- The statement: one row per movement of one grant, in the ledger's order (its events' sequence numbers).
CREATE TABLE query_side.credit_entry_view (
    account_id VARCHAR(100) NOT NULL,
    position   BIGINT       NOT NULL,
    grant_id   VARCHAR(200) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    minutes    BIGINT       NOT NULL,
    booking_id VARCHAR(64),
    at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, position, grant_id, kind)
);
