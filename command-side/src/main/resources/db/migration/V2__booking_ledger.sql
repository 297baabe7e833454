-- Set-based rules 2 and 3 (DESIGN.md §2). Both tables are written by the subscribing "booking-ledger"
-- processor inside the transaction that appends the events they follow, so a lost race rolls the whole
-- command back; both can be rebuilt from the events (see docs/consistency.md).
-- btree_gist lets the exclusion constraint compare resource ids with =. Installed once per database in public;
-- the query side's migration asks for it too, possibly at the same moment, hence the shared lock.
SELECT pg_advisory_xact_lock(4242001);
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

-- Rule 2: what occupies each resource (live bookings and maintenance blocks); never two overlapping.
CREATE TABLE command_side.resource_occupancy (
    holder_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    holder_kind VARCHAR(8)  NOT NULL CHECK (holder_kind IN ('BOOKING', 'BLOCK')),
    resource_id VARCHAR(64) NOT NULL,
    period      TSTZRANGE   NOT NULL,
    CONSTRAINT resource_occupancy_no_overlap EXCLUDE USING gist (resource_id WITH =, period WITH &&)
);

-- Rule 3: each member's live bookings, to count how many overlap at any instant.
CREATE TABLE command_side.member_booking (
    booking_id VARCHAR(64) NOT NULL PRIMARY KEY,
    member_id  VARCHAR(64) NOT NULL,
    period     TSTZRANGE   NOT NULL
);
CREATE INDEX member_booking_by_member ON command_side.member_booking USING gist (member_id, period);

-- What a booking needs to know of its space, kept with the other space lookups.
ALTER TABLE command_side.space_directory
    ADD COLUMN time_zone           VARCHAR(64),
    ADD COLUMN late_window_minutes BIGINT,
    ADD COLUMN late_fee_percent    INTEGER;
