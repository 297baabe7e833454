-- Quotas per period (issue 19, docs/front-desk.md#quotas): a space's caps on what one member books there per local
-- day, ISO week and calendar month, NULL for none; and the space of each live booking, so that a member's bookings
-- in one space are counted under the member's lock. The live bookings stored before take their space from their
-- BookingPlaced, the first event of each booking's stream.
ALTER TABLE command_side.space_directory
    ADD COLUMN quota_day_minutes   BIGINT,
    ADD COLUMN quota_week_minutes  BIGINT,
    ADD COLUMN quota_month_minutes BIGINT;

ALTER TABLE command_side.member_booking ADD COLUMN space_id VARCHAR(64);

UPDATE command_side.member_booking mb
SET space_id = convert_from(e.payload, 'UTF8')::jsonb ->> 'spaceId'
FROM event_store.domain_event_entry e
WHERE e.aggregate_identifier = mb.booking_id AND e.sequence_number = 0;

CREATE INDEX member_booking_by_member_and_space ON command_side.member_booking USING gist (member_id, space_id, period);
