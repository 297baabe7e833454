-- Bookings and availability read models. Each projection keeps every table it reads, even where another
-- projection holds the same facts (managers, spaces, resources), so that each can be replayed on its own.

-- GiST indexes over (text, tstzrange) need btree_gist's operator classes for the text column. It is a trusted
-- extension (PostgreSQL 13+); if another schema of this database installed it already, that one serves.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Bookings read model (processing group "bookings").
CREATE TABLE query_side.booking_view (
    booking_id          VARCHAR(64) NOT NULL PRIMARY KEY,
    resource_id         VARCHAR(64) NOT NULL,
    space_id            VARCHAR(64) NOT NULL,
    member_id           VARCHAR(64) NOT NULL,
    period              TSTZRANGE   NOT NULL,
    time_zone           VARCHAR(64) NOT NULL,
    status              VARCHAR(16) NOT NULL
        CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'COMPLETED')),
    price               BIGINT      NOT NULL,
    currency            CHAR(3)     NOT NULL,
    placed_at           TIMESTAMPTZ NOT NULL,
    cancelled_at        TIMESTAMPTZ,
    cancelled_by        VARCHAR(64),
    cancellation_reason VARCHAR(32),
    cancellation_note   TEXT,
    fee                 BIGINT,
    refund              BIGINT
);
CREATE INDEX booking_view_resource_period ON query_side.booking_view USING gist (resource_id, period);
CREATE INDEX booking_view_member_start ON query_side.booking_view (member_id, lower(period), booking_id);

-- Who may read the bookings of a space besides their members: its managers, as granted.
CREATE TABLE query_side.booking_space_manager (
    space_id  VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
