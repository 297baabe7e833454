-- Manager dashboards (processing group "dashboards"). What bookings contribute is added up as it happens, per
-- resource and local day of the space, so that a year of figures is a few hundred rows to sum; what depends on
-- the catalogue (open hours, blocks) is kept as it was decided and worked out when asked.

CREATE TABLE query_side.dashboard_space (
    space_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    name       TEXT        NOT NULL,
    time_zone  VARCHAR(64) NOT NULL,
    currency   CHAR(3)     NOT NULL
);

CREATE TABLE query_side.dashboard_manager (
    space_id  VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (space_id, member_id)
);

CREATE TABLE query_side.dashboard_resource (
    resource_id VARCHAR(64) NOT NULL PRIMARY KEY,
    space_id    VARCHAR(64) NOT NULL,
    name        TEXT        NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL,
    retired_at  TIMESTAMPTZ
);
CREATE INDEX dashboard_resource_space ON query_side.dashboard_resource (space_id);

-- Each version of a resource's weekly opening hours, from when it was decided.
CREATE TABLE query_side.dashboard_opening_hours (
    resource_id    VARCHAR(64) NOT NULL,
    effective_from TIMESTAMPTZ NOT NULL,
    opening_hours  JSONB       NOT NULL,
    PRIMARY KEY (resource_id, effective_from)
);

CREATE TABLE query_side.dashboard_block (
    block_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    resource_id VARCHAR(64) NOT NULL,
    space_id    VARCHAR(64) NOT NULL,
    period      TSTZRANGE   NOT NULL,
    reason      TEXT
);
CREATE INDEX dashboard_block_space_period ON query_side.dashboard_block USING gist (space_id, period);

-- One booking's facts, so that a later event (a confirmation, a cancellation, an invoice) knows where it counts.
CREATE TABLE query_side.dashboard_booking (
    booking_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    space_id           VARCHAR(64) NOT NULL,
    resource_id        VARCHAR(64) NOT NULL,
    member_id          VARCHAR(64) NOT NULL,
    period             TSTZRANGE   NOT NULL,
    time_zone          VARCHAR(64) NOT NULL,
    late_window_minutes BIGINT     NOT NULL,
    placed_at          TIMESTAMPTZ NOT NULL,
    status             VARCHAR(16) NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'TAKING_PLACE', 'CANCELLED', 'EXPIRED'))
);

-- Per resource and local day (of the space's zone). Bookings, cancellations, fees, revenue and lead times
-- count on the day a booking starts; booked seconds on every day its period covers.
CREATE TABLE query_side.dashboard_day (
    resource_id          VARCHAR(64) NOT NULL,
    local_date           DATE        NOT NULL,
    space_id             VARCHAR(64) NOT NULL,
    booked_seconds       BIGINT      NOT NULL DEFAULT 0,
    bookings             INTEGER     NOT NULL DEFAULT 0,
    cancellations_early  INTEGER     NOT NULL DEFAULT 0,
    cancellations_late   INTEGER     NOT NULL DEFAULT 0,
    late_fees            BIGINT      NOT NULL DEFAULT 0,
    revenue_gross        BIGINT      NOT NULL DEFAULT 0,
    revenue_net          BIGINT      NOT NULL DEFAULT 0,
    revenue_vat          BIGINT      NOT NULL DEFAULT 0,
    refunds              BIGINT      NOT NULL DEFAULT 0,
    lead_seconds         BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (resource_id, local_date)
);
CREATE INDEX dashboard_day_space_date ON query_side.dashboard_day (space_id, local_date);

-- Booked seconds per local hour of the space, for the hour-of-week heat map.
CREATE TABLE query_side.dashboard_hour (
    space_id       VARCHAR(64) NOT NULL,
    local_date     DATE        NOT NULL,
    local_hour     SMALLINT    NOT NULL,
    booked_seconds BIGINT      NOT NULL,
    PRIMARY KEY (space_id, local_date, local_hour)
);

-- Which members have bookings taking place that start on a local day, and how many, for unique members.
CREATE TABLE query_side.dashboard_member_day (
    space_id    VARCHAR(64) NOT NULL,
    local_date  DATE        NOT NULL,
    member_id   VARCHAR(64) NOT NULL,
    resource_id VARCHAR(64) NOT NULL,
    bookings    INTEGER     NOT NULL,
    PRIMARY KEY (space_id, local_date, member_id, resource_id)
);
