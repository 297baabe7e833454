-- How a booking was paid: the minutes its member's credits paid (the card paid price, the rest).
ALTER TABLE query_side.booking_view ADD COLUMN credit_minutes BIGINT NOT NULL DEFAULT 0;
