-- Booking emails (processing group "notifications"). The processor keeps its own copies of the facts an email
-- needs, so that it replays on its own, and writes each email to an outbox that a dispatcher delivers.

-- Who gets the email, and what it names: kept from MemberRegistered, SpaceRegistered, ResourceAdded,
-- ResourceDescriptionRevised and BookingPlaced. Rebuilt by a replay (the reset empties them).
CREATE TABLE query_side.notification_member (
    member_id VARCHAR(64) NOT NULL PRIMARY KEY,
    email     TEXT        NOT NULL,
    name      TEXT        NOT NULL
);

CREATE TABLE query_side.notification_space (
    space_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name     TEXT        NOT NULL
);

CREATE TABLE query_side.notification_resource (
    resource_id VARCHAR(64) NOT NULL PRIMARY KEY,
    name        TEXT        NOT NULL
);

-- A booking as its emails describe it: the period shown in the zone of its space, the price as placed.
CREATE TABLE query_side.notification_booking (
    booking_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    member_id   VARCHAR(64) NOT NULL,
    space_id    VARCHAR(64) NOT NULL,
    resource_id VARCHAR(64) NOT NULL,
    starts_at   TIMESTAMPTZ NOT NULL,
    ends_at     TIMESTAMPTZ NOT NULL,
    time_zone   VARCHAR(64) NOT NULL,
    price       BIGINT      NOT NULL,
    currency    CHAR(3)     NOT NULL
);

-- The outbox: one row per email, written in the processor's transaction (with its token), rendered once and
-- delivered by the dispatcher. Never emptied by a reset: the unique (booking_id, kind) is what keeps a replay
-- or a lost token from writing the same email twice. Sent rows stay as the record of what was sent.
CREATE TABLE query_side.outbound_email (
    id              BIGSERIAL   NOT NULL PRIMARY KEY,
    booking_id      VARCHAR(64) NOT NULL,
    kind            VARCHAR(16) NOT NULL
        CHECK (kind IN ('CONFIRMATION', 'REMINDER', 'CANCELLATION', 'DISPLACEMENT', 'EXPIRY')),
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    -- Stable per (booking, kind), so that a mail client shows a rare second delivery as the same message.
    message_id      TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When it may be tried (again): now at first, later after a failure (exponential backoff).
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- An instance that is sending it holds it until then; a claim that runs out (its instance died) lapses.
    claimed_until   TIMESTAMPTZ,
    -- How many sends failed, and why the last one did.
    failures        INTEGER     NOT NULL DEFAULT 0,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    CONSTRAINT outbound_email_once_per_booking_and_kind UNIQUE (booking_id, kind)
);
-- The dispatcher's search: unsent rows by due time. Small, because sent rows leave it.
CREATE INDEX outbound_email_due ON query_side.outbound_email (next_attempt_at, id) WHERE sent_at IS NULL;
