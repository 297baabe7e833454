-- The catalogue shows the front-desk settings members book under (docs/front-desk.md): a space's quotas, NULL for
-- none, and a resource's buffers.
ALTER TABLE query_side.space_view
    ADD COLUMN quota_day_minutes   BIGINT,
    ADD COLUMN quota_week_minutes  BIGINT,
    ADD COLUMN quota_month_minutes BIGINT;

ALTER TABLE query_side.resource_view
    ADD COLUMN buffer_before_minutes INT NOT NULL DEFAULT 0,
    ADD COLUMN buffer_after_minutes  INT NOT NULL DEFAULT 0;
