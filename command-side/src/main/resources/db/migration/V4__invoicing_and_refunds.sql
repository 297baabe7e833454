-- What invoicing needs to know of a space; kept by the space directory like the rest of its row.
ALTER TABLE command_side.space_directory
    ADD COLUMN vat_rate_percent NUMERIC(5, 2),
    ADD COLUMN invoice_prefix   VARCHAR(8);

-- The last invoice number issued per space and calendar year. Taking the next number locks the row until the
-- transaction that issues the invoice ends, and a rolled-back invoice gives its number back: gapless.
CREATE TABLE command_side.invoice_counter (
    space_id    VARCHAR(64) NOT NULL,
    year        INTEGER     NOT NULL,
    last_number BIGINT      NOT NULL,
    PRIMARY KEY (space_id, year)
);

-- The refund process's memory: which provider payment belongs to which booking.
CREATE TABLE command_side.refund_payment (
    booking_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    provider   VARCHAR(32)  NOT NULL,
    payment_id VARCHAR(255) NOT NULL
);
