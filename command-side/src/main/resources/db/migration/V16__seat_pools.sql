-- Pools of seats (issue 19, docs/front-desk.md#seats): a resource of N identical seats takes up to N overlapping
-- bookings. Their rows in resource_occupancy are of kind SEAT, which the exclusion constraint of rule 2 leaves out:
-- they are counted under the resource's advisory lock instead. Blocks and the bookings of ordinary resources keep
-- the constraint. resource_seats is the ledger's own lookup of the pools, from SeatsChanged.
ALTER TABLE command_side.resource_occupancy DROP CONSTRAINT resource_occupancy_holder_kind_check;
ALTER TABLE command_side.resource_occupancy
    ADD CONSTRAINT resource_occupancy_holder_kind_check CHECK (holder_kind IN ('BOOKING', 'BLOCK', 'SEAT'));
ALTER TABLE command_side.resource_occupancy DROP CONSTRAINT resource_occupancy_no_overlap;
ALTER TABLE command_side.resource_occupancy
    ADD CONSTRAINT resource_occupancy_no_overlap
        EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (holder_kind <> 'SEAT');
CREATE INDEX resource_occupancy_by_resource ON command_side.resource_occupancy USING gist (resource_id, period);

CREATE TABLE command_side.resource_seats (
    resource_id VARCHAR(64) NOT NULL PRIMARY KEY,
    seats       INT         NOT NULL CHECK (seats >= 1)
);
