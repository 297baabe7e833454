-- Bookings and availability read models. Each projection keeps every table it reads, even where another
-- projection holds the same facts (managers, spaces, resources), so that each can be replayed on its own.

-- GiST indexes over (text, tstzrange) need btree_gist's operator classes for the text column. It is a trusted
-- extension (PostgreSQL 13+), installed once per database in public: both services' migrations ask for it,
-- and may run at the same moment, so both take the same transaction lock first (the key is arbitrary but
-- shared with the command side's V2 migration).
SELECT pg_advisory_xact_lock(4242001);
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

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

-- Availability read model (processing group "availability").
CREATE TABLE query_side.availability_space (
    space_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    time_zone VARCHAR(64) NOT NULL
);

CREATE TABLE query_side.availability_resource (
    resource_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    space_id      VARCHAR(64) NOT NULL,
    kind          VARCHAR(32) NOT NULL,
    name          TEXT        NOT NULL,
    opening_hours JSONB       NOT NULL,
    slot_minutes  INTEGER     NOT NULL,
    retired       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX availability_resource_by_space ON query_side.availability_resource (space_id, name, resource_id);

-- What takes a resource's time: live bookings and maintenance blocks. Freed periods are deleted.
CREATE TABLE query_side.occupied_period (
    resource_id VARCHAR(64) NOT NULL,
    owner_id    VARCHAR(64) NOT NULL,
    kind        VARCHAR(16) NOT NULL CHECK (kind IN ('BOOKING', 'BLOCK')),
    period      TSTZRANGE   NOT NULL,
    PRIMARY KEY (kind, owner_id)
);
CREATE INDEX occupied_period_resource_period ON query_side.occupied_period USING gist (resource_id, period);
