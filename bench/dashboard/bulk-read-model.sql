-- Builds the dashboards' read model (query_side.dashboard_*) from the event store in a few set-based statements,
-- with the same results as DashboardProjection handling the events one by one: run.sh uses it for the full size,
-- where the real projection would take far longer than the benchmark, and checks at the smoke size that both give
-- identical tables. It covers the events SeedYearOfHistory writes (no revised descriptions, no removed blocks) and
-- time zones whose offsets are whole hours (local hours then start on UTC hours).
SET search_path = query_side;

CREATE TEMP TABLE ev AS
SELECT global_index, substring(payload_type FROM '[^.]+$') AS kind, convert_from(payload, 'UTF8')::jsonb AS p,
       time_stamp::timestamptz AS at
FROM event_store.domain_event_entry
WHERE substring(payload_type FROM '[^.]+$') IN ('SpaceRegistered', 'ManagerGranted', 'ResourceAdded',
    'OpeningHoursChanged', 'ResourceRetired', 'ResourceBlocked', 'BookingPlaced', 'BookingConfirmed', 'BookingExpired',
    'BookingCancelled', 'InvoiceIssued');

INSERT INTO dashboard_space (space_id, name, time_zone, currency)
SELECT p->>'spaceId', p->>'name', p->>'timeZone', p->>'currency' FROM ev WHERE kind = 'SpaceRegistered';

INSERT INTO dashboard_manager (space_id, member_id)
SELECT DISTINCT p->>'spaceId', p->>'memberId' FROM ev WHERE kind = 'ManagerGranted';

INSERT INTO dashboard_resource (resource_id, space_id, name, kind, added_at, retired_at)
SELECT a.p->>'resourceId', a.p->>'spaceId', a.p->'description'->>'name', a.p->'description'->>'kind', a.at,
       (SELECT min(r.at) FROM ev r WHERE r.kind = 'ResourceRetired' AND r.p->>'resourceId' = a.p->>'resourceId')
FROM ev a WHERE a.kind = 'ResourceAdded';

INSERT INTO dashboard_opening_hours (resource_id, effective_from, opening_hours)
SELECT p->>'resourceId', at, p->'openingHours'->'windows' FROM ev WHERE kind IN ('ResourceAdded', 'OpeningHoursChanged');

INSERT INTO dashboard_block (block_id, resource_id, space_id, period, reason)
SELECT p->>'blockId', p->>'resourceId', p->>'spaceId',
       tstzrange((p->'period'->>'start')::timestamptz, (p->'period'->>'end')::timestamptz), p->>'reason'
FROM ev WHERE kind = 'ResourceBlocked';

-- Each booking with what happened to it.
CREATE TEMP TABLE b AS
SELECT pl.p->>'bookingId' AS booking_id, pl.p->>'spaceId' AS space_id, pl.p->>'resourceId' AS resource_id,
       pl.p->>'memberId' AS member_id, (pl.p->'period'->>'start')::timestamptz AS starts,
       (pl.p->'period'->>'end')::timestamptz AS ends, pl.p->>'timeZone' AS tz,
       (pl.p->'cancellationPolicy'->>'lateWindow')::interval AS late_window, pl.at AS placed_at,
       c.at AS confirmed_at, x.at AS expired_at, k.at AS cancelled_at, k.p AS cancelled
FROM ev pl
LEFT JOIN ev c ON c.kind = 'BookingConfirmed' AND c.p->>'bookingId' = pl.p->>'bookingId'
LEFT JOIN ev x ON x.kind = 'BookingExpired' AND x.p->>'bookingId' = pl.p->>'bookingId'
LEFT JOIN ev k ON k.kind = 'BookingCancelled' AND k.p->>'bookingId' = pl.p->>'bookingId'
WHERE pl.kind = 'BookingPlaced';
CREATE INDEX ON b (booking_id);
ANALYZE b;

INSERT INTO dashboard_booking (booking_id, space_id, resource_id, member_id, period, time_zone, late_window_minutes,
                               placed_at, status)
SELECT booking_id, space_id, resource_id, member_id, tstzrange(starts, ends), tz,
       extract(epoch FROM late_window)::bigint / 60, placed_at,
       CASE WHEN cancelled_at IS NOT NULL THEN 'CANCELLED' WHEN expired_at IS NOT NULL THEN 'EXPIRED'
            WHEN confirmed_at IS NOT NULL THEN 'TAKING_PLACE' ELSE 'PENDING_PAYMENT' END
FROM b;

-- What a paid booking added (+1) and, cancelled after it was paid, took back (-1), piece by local hour.
CREATE TEMP TABLE counted AS
SELECT b.*, 1 AS sign FROM b WHERE confirmed_at IS NOT NULL
UNION ALL
SELECT b.*, -1 FROM b WHERE confirmed_at IS NOT NULL AND cancelled_at IS NOT NULL;

CREATE TEMP TABLE pieces AS
SELECT c.booking_id, c.space_id, c.resource_id, c.sign, (h AT TIME ZONE c.tz) AS local_hour,
       extract(epoch FROM least(c.ends, h + interval '1 hour') - greatest(c.starts, h))::bigint AS seconds
FROM counted c, generate_series(date_trunc('hour', c.starts, 'UTC'), c.ends - interval '1 microsecond',
                                interval '1 hour') AS h;

INSERT INTO dashboard_hour (space_id, local_date, local_hour, booked_seconds)
SELECT space_id, local_hour::date, extract(hour FROM local_hour), sum(sign * seconds)
FROM pieces GROUP BY 1, 2, 3;

INSERT INTO dashboard_day (resource_id, local_date, space_id, booked_seconds, bookings, cancellations_early,
                           cancellations_late, late_fees, revenue_gross, revenue_net, revenue_vat, refunds, lead_seconds)
SELECT resource_id, local_date, space_id, sum(booked_seconds), sum(bookings), sum(early), sum(late), sum(fees),
       sum(gross), sum(net), sum(vat), sum(refunds), sum(lead)
FROM (
    SELECT resource_id, local_hour::date AS local_date, space_id, sign * seconds AS booked_seconds, 0 AS bookings,
           0 AS early, 0 AS late, 0 AS fees, 0 AS gross, 0 AS net, 0 AS vat, 0 AS refunds, 0 AS lead
    FROM pieces
    UNION ALL
    SELECT resource_id, (starts AT TIME ZONE tz)::date, space_id, 0, sign, 0, 0, 0, 0, 0, 0, 0,
           sign * extract(epoch FROM starts - placed_at)::bigint
    FROM counted
    UNION ALL
    SELECT resource_id, (starts AT TIME ZONE tz)::date, space_id, 0, 0,
           CASE WHEN cancelled_at < starts - late_window THEN 1 ELSE 0 END,
           CASE WHEN cancelled_at < starts - late_window THEN 0 ELSE 1 END,
           (cancelled->'fee'->>'minorUnits')::bigint, 0, 0, 0, (cancelled->'refund'->>'minorUnits')::bigint, 0
    FROM b WHERE cancelled_at IS NOT NULL
    UNION ALL
    SELECT b.resource_id, (b.starts AT TIME ZONE b.tz)::date, b.space_id, 0, 0, 0, 0, 0,
           s.sign * (i.p->'gross'->>'minorUnits')::bigint, s.sign * (i.p->'net'->>'minorUnits')::bigint,
           s.sign * (i.p->'vat'->>'minorUnits')::bigint, 0, 0
    FROM ev i JOIN b ON b.booking_id = i.p->>'bookingId'
    CROSS JOIN LATERAL (SELECT CASE WHEN i.p->>'kind' = 'CREDIT_NOTE' THEN -1 ELSE 1 END AS sign) s
    WHERE i.kind = 'InvoiceIssued'
) contributions
GROUP BY resource_id, local_date, space_id;

INSERT INTO dashboard_period
SELECT resource_id, g.granularity, date_trunc(lower(g.granularity), local_date::timestamp)::date, space_id,
       sum(booked_seconds), sum(bookings), sum(cancellations_early), sum(cancellations_late), sum(late_fees),
       sum(revenue_gross), sum(revenue_net), sum(revenue_vat), sum(refunds), sum(lead_seconds)
FROM dashboard_day CROSS JOIN (VALUES ('WEEK'), ('MONTH')) AS g (granularity)
GROUP BY 1, 2, 3, 4;

-- A member's row in a bucket stays, at 0, when its last booking there was cancelled: as the projection keeps it.
INSERT INTO dashboard_member_bucket (space_id, granularity, bucket, resource_id, member_id, bookings)
SELECT c.space_id, g.granularity, date_trunc(lower(g.granularity), (c.starts AT TIME ZONE c.tz)::date::timestamp)::date,
       s.resource_id, c.member_id, sum(c.sign)
FROM counted c
CROSS JOIN (VALUES ('DAY'), ('WEEK'), ('MONTH')) AS g (granularity)
CROSS JOIN LATERAL (VALUES (c.resource_id), ('')) AS s (resource_id)
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO dashboard_unique_members (space_id, granularity, bucket, resource_id, members)
SELECT space_id, granularity, bucket, resource_id, count(*) FILTER (WHERE bookings > 0)
FROM dashboard_member_bucket GROUP BY 1, 2, 3, 4;

INSERT INTO dashboard_space_member (space_id, member_id, booking_days)
SELECT space_id, member_id, coalesce(range_agg(daterange(bucket, bucket + 1)) FILTER (WHERE bookings > 0), '{}')
FROM dashboard_member_bucket WHERE granularity = 'DAY' AND resource_id = '' GROUP BY space_id, member_id;
