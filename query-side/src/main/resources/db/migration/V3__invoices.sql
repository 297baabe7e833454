-- Invoices read model (processing group "invoices"). Every column is copied from an InvoiceIssued event: the
-- number in particular was assigned by the command side and is never computed here, so a replay writes the
-- same rows again. Amounts are minor units of the invoice's currency; a credit note's amounts are positive.
CREATE TABLE query_side.invoice_view (
    invoice_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    booking_id       VARCHAR(64)   NOT NULL,
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    -- Byte order ("C"), so numbers sort as printed: AMS-2026-000042 before AMS-2026-000100.
    -- Unique within its space: numbers run per space and year, and two spaces may share a prefix.
    number           VARCHAR(64)   COLLATE "C" NOT NULL,
    space_id         VARCHAR(64)   NOT NULL,
    member_id        VARCHAR(64)   NOT NULL,
    issued_on        DATE          NOT NULL,
    currency         CHAR(3)       NOT NULL,
    net              BIGINT        NOT NULL,
    vat              BIGINT        NOT NULL,
    gross            BIGINT        NOT NULL,
    vat_rate_percent NUMERIC(5, 2) NOT NULL,
    -- [{"description", "net", "vat", "gross"}], amounts in minor units of the invoice's currency.
    lines            JSONB         NOT NULL,
    -- The invoice a credit note cancels; NULL for an invoice.
    credits          VARCHAR(64),
    CONSTRAINT invoice_view_number_in_space UNIQUE (space_id, number)
);
-- Lists come by issue date, then number: all of them (administrators, operators), those of one space or of
-- the spaces a manager runs, and those of one member.
CREATE INDEX invoice_view_by_issue ON query_side.invoice_view (issued_on, number);
CREATE INDEX invoice_view_space_issue ON query_side.invoice_view (space_id, issued_on, number);
CREATE INDEX invoice_view_member_issue ON query_side.invoice_view (member_id, issued_on, number);

-- The invoice header's space: its name and address, kept here so this read model replays on its own.
CREATE TABLE query_side.invoice_space (
    space_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    name         TEXT        NOT NULL,
    street       TEXT        NOT NULL,
    postal_code  TEXT        NOT NULL,
    city         TEXT        NOT NULL,
    country_code CHAR(2)     NOT NULL
);

-- Who may read the invoices of a space besides their members: its managers, as granted.
CREATE TABLE query_side.invoice_space_manager (
    space_id  VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX invoice_space_manager_member ON query_side.invoice_space_manager (member_id, space_id);
