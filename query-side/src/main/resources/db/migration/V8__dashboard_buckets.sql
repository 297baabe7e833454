-- Manager dashboards, kept per calendar week and month as well as per day, so that a year of figures is read
-- from a few thousand rows instead of summed and counted from hundreds of thousands (docs/dashboards.md, "How
-- it stays fast"). Filled here from the day rows, so an existing read model needs no replay.

-- The running sums of dashboard_day per resource and calendar week (starting on Monday) and month.
CREATE TABLE query_side.dashboard_period (
    resource_id          VARCHAR(64) NOT NULL,
    granularity          VARCHAR(5)  NOT NULL CHECK (granularity IN ('WEEK', 'MONTH')),
    bucket               DATE        NOT NULL,
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
    PRIMARY KEY (resource_id, granularity, bucket)
);
CREATE INDEX dashboard_period_space ON query_side.dashboard_period (space_id, granularity, bucket);

INSERT INTO query_side.dashboard_period
SELECT resource_id, g.granularity, date_trunc(lower(g.granularity), local_date::timestamp)::date, space_id,
       sum(booked_seconds), sum(bookings), sum(cancellations_early), sum(cancellations_late), sum(late_fees),
       sum(revenue_gross), sum(revenue_net), sum(revenue_vat), sum(refunds), sum(lead_seconds)
FROM query_side.dashboard_day CROSS JOIN (VALUES ('WEEK'), ('MONTH')) AS g (granularity)
GROUP BY 1, 2, 3, 4;

-- How many bookings taking place each member has starting in a calendar day, week and month, of one resource or
-- (resource_id '') of the whole space. A row stays at 0 when its last booking is cancelled, so that the counts
-- below change exactly when a member's first booking in a bucket comes or its last one goes.
CREATE TABLE query_side.dashboard_member_bucket (
    space_id    VARCHAR(64) NOT NULL,
    granularity VARCHAR(5)  NOT NULL CHECK (granularity IN ('DAY', 'WEEK', 'MONTH')),
    bucket      DATE        NOT NULL,
    resource_id VARCHAR(64) NOT NULL,
    member_id   VARCHAR(64) NOT NULL,
    bookings    INTEGER     NOT NULL,
    PRIMARY KEY (space_id, granularity, bucket, resource_id, member_id)
);
-- The members of some days, straight from the index: what a partial bucket at an end of a range counts.
CREATE INDEX dashboard_member_bucket_days ON query_side.dashboard_member_bucket (space_id, bucket, resource_id, member_id)
    WHERE granularity = 'DAY' AND bookings > 0;

-- Unique members per calendar bucket, of one resource or (resource_id '') of the space.
CREATE TABLE query_side.dashboard_unique_members (
    space_id    VARCHAR(64) NOT NULL,
    granularity VARCHAR(5)  NOT NULL CHECK (granularity IN ('DAY', 'WEEK', 'MONTH')),
    bucket      DATE        NOT NULL,
    resource_id VARCHAR(64) NOT NULL,
    members     INTEGER     NOT NULL,
    PRIMARY KEY (space_id, granularity, bucket, resource_id)
);

-- Every member who ever had a booking counted in the space, with the local days on which bookings of theirs
-- taking place start, as ranges of days. A range's unique members are the rows whose days overlap it: one check
-- per member of the space, however long the range.
CREATE TABLE query_side.dashboard_space_member (
    space_id     VARCHAR(64)     NOT NULL,
    member_id    VARCHAR(64)     NOT NULL,
    booking_days DATEMULTIRANGE  NOT NULL,
    PRIMARY KEY (space_id, member_id)
);

INSERT INTO query_side.dashboard_member_bucket
SELECT space_id, g.granularity, date_trunc(lower(g.granularity), local_date::timestamp)::date, s.resource_id,
       member_id, sum(bookings)
FROM query_side.dashboard_member_day
CROSS JOIN (VALUES ('DAY'), ('WEEK'), ('MONTH')) AS g (granularity)
CROSS JOIN LATERAL (VALUES (resource_id), ('')) AS s (resource_id)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO query_side.dashboard_unique_members
SELECT space_id, granularity, bucket, resource_id, count(*) FILTER (WHERE bookings > 0)
FROM query_side.dashboard_member_bucket GROUP BY 1, 2, 3, 4;

INSERT INTO query_side.dashboard_space_member
SELECT space_id, member_id, range_agg(daterange(local_date, local_date + 1))
FROM query_side.dashboard_member_day GROUP BY space_id, member_id;

DROP TABLE query_side.dashboard_member_day;
