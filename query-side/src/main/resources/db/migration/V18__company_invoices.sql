-- Companies billed monthly (decision 38).
-- A booking billed to its member's company names it; NULL for a booking its member pays.
ALTER TABLE query_side.booking_view ADD COLUMN billed_to_company_id VARCHAR(64);

-- A company's invoice and its credit notes are for many bookings and no member: booking and member are NULL there,
-- and each line names its booking. Every earlier invoice has both, and no company.
ALTER TABLE query_side.invoice_view
    ALTER COLUMN booking_id DROP NOT NULL,
    ALTER COLUMN member_id DROP NOT NULL,
    ADD COLUMN company_id VARCHAR(64);
CREATE INDEX invoice_view_company_issue ON query_side.invoice_view (company_id, issued_on, number)
    WHERE company_id IS NOT NULL;

-- Who may read a company's invoices besides administrators and operators: its administrators, as appointed, kept
-- here so that the invoices read model replays on its own.
CREATE TABLE query_side.invoice_company_administrator (
    company_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (company_id, member_id)
);
CREATE INDEX invoice_company_administrator_member ON query_side.invoice_company_administrator (member_id);

-- A company's invoice is emailed to each of its administrators (processing group "notifications"): the outbox takes
-- emails about a company too, once per invoice and recipient. What they name is kept here, rebuilt by a replay.
ALTER TABLE query_side.outbound_email ADD COLUMN company_id VARCHAR(64);
ALTER TABLE query_side.outbound_email DROP CONSTRAINT outbound_email_about_a_booking_or_a_membership;
ALTER TABLE query_side.outbound_email
    ADD CONSTRAINT outbound_email_about_a_booking_a_membership_or_a_company
        CHECK (num_nonnulls(booking_id, membership_id, company_id) = 1);
ALTER TABLE query_side.outbound_email DROP CONSTRAINT outbound_email_kind_check;
ALTER TABLE query_side.outbound_email
    ADD CONSTRAINT outbound_email_kind_check CHECK (kind IN (
        'CONFIRMATION', 'REMINDER', 'CANCELLATION', 'DISPLACEMENT', 'EXPIRY',
        'MEMBERSHIP_STARTED', 'MEMBERSHIP_RENEWED', 'MEMBERSHIP_PAYMENT_FAILED', 'MEMBERSHIP_SUSPENDED',
        'MEMBERSHIP_ENDED', 'COMPANY_INVOICE_ISSUED'));
CREATE UNIQUE INDEX outbound_email_once_per_company_invoice_and_recipient
    ON query_side.outbound_email (company_id, invoice_id, recipient)
    WHERE company_id IS NOT NULL;

CREATE TABLE query_side.notification_company (
    company_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL
);

CREATE TABLE query_side.notification_company_administrator (
    company_id VARCHAR(64) NOT NULL,
    member_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (company_id, member_id)
);
