-- Buffers (issue 19, docs/front-desk.md#buffers): the time a resource keeps free around each new booking, which
-- availability takes out of the free periods next to what is occupied. occupied_period holds each booking's own
-- buffered period already, as placed.
ALTER TABLE query_side.availability_resource
    ADD COLUMN buffer_before_minutes INT NOT NULL DEFAULT 0,
    ADD COLUMN buffer_after_minutes  INT NOT NULL DEFAULT 0;
