-- Membership emails (processing group "notifications") and the dashboards' membership revenue and credits spent
-- (processing group "dashboards"); docs/notifications.md and docs/dashboards.md.

-- The outbox takes emails about a membership as well as about a booking: each row is about exactly one of them.
-- A membership's email is once per membership and kind (started, ended) or once per invoice and kind (renewed,
-- payment failed, suspended), so that a redelivered event or a replay writes none twice, as for bookings.
ALTER TABLE query_side.outbound_email ALTER COLUMN booking_id DROP NOT NULL;
ALTER TABLE query_side.outbound_email ADD COLUMN membership_id VARCHAR(64);
ALTER TABLE query_side.outbound_email ADD COLUMN invoice_id TEXT;
ALTER TABLE query_side.outbound_email
    ADD CONSTRAINT outbound_email_about_a_booking_or_a_membership
        CHECK ((booking_id IS NULL) <> (membership_id IS NULL));
ALTER TABLE query_side.outbound_email ALTER COLUMN kind TYPE VARCHAR(32);
ALTER TABLE query_side.outbound_email DROP CONSTRAINT outbound_email_kind_check;
ALTER TABLE query_side.outbound_email
    ADD CONSTRAINT outbound_email_kind_check CHECK (kind IN (
        'CONFIRMATION', 'REMINDER', 'CANCELLATION', 'DISPLACEMENT', 'EXPIRY',
        'MEMBERSHIP_STARTED', 'MEMBERSHIP_RENEWED', 'MEMBERSHIP_PAYMENT_FAILED', 'MEMBERSHIP_SUSPENDED',
        'MEMBERSHIP_ENDED'));
-- NULLS NOT DISTINCT: a started or ended email has no invoice, and must still be written once.
CREATE UNIQUE INDEX outbound_email_once_per_membership_invoice_and_kind
    ON query_side.outbound_email (membership_id, kind, invoice_id) NULLS NOT DISTINCT
    WHERE membership_id IS NOT NULL;

-- What the membership emails name: the member (notification_member) and the plan as subscribed, and the invoice
-- of the first paid period, which tells "started" from "renewed". Rebuilt by a replay (the reset empties it).
CREATE TABLE query_side.notification_membership (
    membership_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    member_id        VARCHAR(64) NOT NULL,
    plan_name        TEXT        NOT NULL,
    first_invoice_id TEXT
);

-- Memberships requested before this version: the notifications processor has passed their MembershipRequested
-- already, so they are copied once from the memberships read model. Its first paid invoice is not known there, so a
-- membership with a paid period is marked as started, and its next paid period is told as a renewal.
INSERT INTO query_side.notification_membership (membership_id, member_id, plan_name, first_invoice_id)
SELECT membership_id, member_id, plan_name, CASE WHEN periods_paid > 0 THEN '(paid before V16)' END
FROM query_side.membership_view
ON CONFLICT DO NOTHING;

-- Dashboards: membership revenue. Each paid period's fee (from MembershipPeriodPaid, with the plan from its
-- MembershipRequested), and what each plan revision covers (PlanDefined, PlanRevised). They come from different
-- aggregates, so they are joined when a dashboard is asked for, not when they arrive (docs/dashboards.md).
CREATE TABLE query_side.dashboard_membership (
    membership_id VARCHAR(64) NOT NULL PRIMARY KEY,
    plan_id       VARCHAR(64) NOT NULL
);

CREATE TABLE query_side.dashboard_plan_revision (
    plan_id       VARCHAR(64)   NOT NULL,
    revision      INTEGER       NOT NULL,
    whole_network BOOLEAN       NOT NULL,
    -- Sorted by id: the order in which a fee's indivisible minor units go to the spaces (docs/dashboards.md).
    space_ids     VARCHAR(64)[] NOT NULL,
    PRIMARY KEY (plan_id, revision)
);

CREATE TABLE query_side.dashboard_membership_fee (
    membership_id VARCHAR(64) NOT NULL,
    invoice_id    TEXT        NOT NULL,
    plan_id       VARCHAR(64) NOT NULL,
    plan_revision INTEGER     NOT NULL,
    period_start  TIMESTAMPTZ NOT NULL,
    fee           BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    PRIMARY KEY (membership_id, invoice_id)
);
CREATE INDEX dashboard_membership_fee_start ON query_side.dashboard_membership_fee (period_start);

-- Dashboards: credits spent per resource. The minutes each booking's credits paid (BookingPaidWithCredits) and
-- each return of them (CreditsReturned, once per event), joined with dashboard_booking when asked.
CREATE TABLE query_side.dashboard_credit_spending (
    booking_id VARCHAR(64) NOT NULL PRIMARY KEY,
    minutes    BIGINT      NOT NULL
);

CREATE TABLE query_side.dashboard_credit_return (
    event_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    booking_id VARCHAR(64) NOT NULL,
    minutes    BIGINT      NOT NULL
);
CREATE INDEX dashboard_credit_return_booking ON query_side.dashboard_credit_return (booking_id);

-- A space's bookings by start, for the credits spent on those starting in a dashboard's range.
CREATE INDEX dashboard_booking_space_start ON query_side.dashboard_booking (space_id, lower(period));
