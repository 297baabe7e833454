-- The recurring series a booking was placed in (null for a booking of its own), so that members and apps see
-- which bookings belong together.
ALTER TABLE query_side.booking_view ADD COLUMN series_id VARCHAR(64);
CREATE INDEX booking_view_series ON query_side.booking_view (series_id) WHERE series_id IS NOT NULL;
