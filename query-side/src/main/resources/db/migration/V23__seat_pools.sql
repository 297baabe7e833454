-- Pools of seats (issue 19, docs/front-desk.md#seats): a resource of more than one seat shows, per free period, how
-- many of its seats are free; the catalogue shows its seats.
ALTER TABLE query_side.availability_resource ADD COLUMN seats INT NOT NULL DEFAULT 1;
ALTER TABLE query_side.resource_view ADD COLUMN seats INT NOT NULL DEFAULT 1;
