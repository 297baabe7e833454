-- The query side's own schema: Axon's processing state and the read models. The event store it reads
-- (event_store.*) belongs to the command side.
CREATE SCHEMA IF NOT EXISTS query_side;

CREATE TABLE query_side.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE query_side.dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON query_side.dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON query_side.dead_letter_entry (processing_group, sequence_identifier);

CREATE TABLE query_side.idempotent_request (
    caller          VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    headers         JSONB,
    body            BYTEA,
    claimed_at      TIMESTAMPTZ  NOT NULL,
    completed_at    TIMESTAMPTZ,
    PRIMARY KEY (caller, idempotency_key)
);

-- Catalogue read model (processing group "catalogue").
CREATE TABLE query_side.space_view (
    space_id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                TEXT          NOT NULL,
    time_zone           VARCHAR(64)   NOT NULL,
    currency            CHAR(3)       NOT NULL,
    vat_rate_percent    NUMERIC(5, 2) NOT NULL,
    late_window_minutes BIGINT        NOT NULL,
    late_fee_percent    INTEGER       NOT NULL,
    street              TEXT          NOT NULL,
    postal_code         TEXT          NOT NULL,
    city                TEXT          NOT NULL,
    country_code        CHAR(2)       NOT NULL
);
CREATE INDEX space_view_by_name ON query_side.space_view (name, space_id);

CREATE TABLE query_side.space_manager_view (
    space_id  VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX space_manager_view_member ON query_side.space_manager_view (member_id);

CREATE TABLE query_side.resource_view (
    resource_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    space_id        VARCHAR(64) NOT NULL,
    kind            VARCHAR(32) NOT NULL,
    name            TEXT        NOT NULL,
    capacity        INTEGER     NOT NULL,
    hourly_price    BIGINT      NOT NULL,
    currency        CHAR(3)     NOT NULL,
    opening_hours   JSONB       NOT NULL,
    slot_minutes    INTEGER     NOT NULL,
    minimum_minutes INTEGER     NOT NULL,
    maximum_minutes INTEGER     NOT NULL,
    horizon_days    INTEGER     NOT NULL,
    retired         BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX resource_view_by_space ON query_side.resource_view (space_id, name, resource_id);
