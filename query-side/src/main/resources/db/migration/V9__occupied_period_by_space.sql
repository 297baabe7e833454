-- The availability of a space on a day reads what occupies any of the space's resources that day. Through the index
-- on (resource_id, period) that is either one probe per resource or, as the planner prefers, a scan of that day in
-- every space: about 100 ms on a network of 2,000 resources and a million bookings. A period therefore keeps its
-- resource's space (BookingPlaced and ResourceBlocked carry it), and one range of the index on (space_id, period)
-- answers the question (decision 27).
ALTER TABLE query_side.occupied_period ADD COLUMN space_id VARCHAR(64);
UPDATE query_side.occupied_period o SET space_id = r.space_id
FROM query_side.availability_resource r WHERE r.resource_id = o.resource_id;
-- A period whose resource was not yet known here keeps no space until the availability read model is rebuilt
-- (bin/booking-ops replay availability): left nullable rather than failing the migration for it.
CREATE INDEX occupied_period_space_period ON query_side.occupied_period USING gist (space_id, period);
