-- A claim of an Idempotency-Key is leased by the instance running its request, which renews the lease while the
-- request runs. A retry may take over a claim whose lease ran out (its instance died, or lost the database while
-- releasing it): seconds after a crash instead of the five minutes the housekeeping used to wait (decision 31).
ALTER TABLE query_side.idempotent_request ADD COLUMN lease_until TIMESTAMPTZ;
UPDATE query_side.idempotent_request SET lease_until = claimed_at + interval '5 minutes' WHERE status IS NULL;
