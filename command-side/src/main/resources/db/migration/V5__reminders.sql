-- How long before a booking starts its member is reminded; spaces registered before this was configurable
-- remind a day ahead, as their events say (a missing lead reads as 24 hours).
ALTER TABLE command_side.space_directory
    ADD COLUMN reminder_lead_minutes BIGINT NOT NULL DEFAULT 1440;
