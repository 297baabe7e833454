-- The event store: owned and migrated by the command side, read by the query side.
-- Column types follow Axon's PostgreSQL table factory (BIGSERIAL index, BYTEA payloads, ISO-8601 timestamps).
CREATE SCHEMA IF NOT EXISTS event_store;

CREATE TABLE event_store.domain_event_entry (
    global_index         BIGSERIAL    NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    PRIMARY KEY (global_index),
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE event_store.snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            BYTEA,
    payload              BYTEA        NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

-- Everything else of the command side lives in its own schema (the connection's search path).
CREATE SCHEMA IF NOT EXISTS command_side;

CREATE TABLE command_side.token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    time_stamp     VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE TABLE command_side.saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BYTEA,
    PRIMARY KEY (saga_id)
);

CREATE TABLE command_side.association_value_entry (
    id                BIGSERIAL    NOT NULL,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX association_value_entry_lookup ON command_side.association_value_entry (saga_type, association_key, association_value);
CREATE INDEX association_value_entry_saga ON command_side.association_value_entry (saga_id, saga_type);

CREATE TABLE command_side.dead_letter_entry (
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
CREATE INDEX dead_letter_entry_group ON command_side.dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON command_side.dead_letter_entry (processing_group, sequence_identifier);

-- POST requests that carried an Idempotency-Key, and the answer they got.
CREATE TABLE command_side.idempotent_request (
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

-- The embedded issuer's accounts and its one signing key (see docs/decisions.md).
CREATE TABLE command_side.member_account (
    member_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    roles         VARCHAR(16)[] NOT NULL,
    CONSTRAINT member_account_email UNIQUE (email)
);

CREATE TABLE command_side.signing_key (
    id          SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    key_id      VARCHAR(64)  NOT NULL,
    private_key BYTEA        NOT NULL,
    public_key  BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Lookup tables of the catalogue, written in the same transaction as the events they follow.
CREATE TABLE command_side.space_directory (
    space_id VARCHAR(64) NOT NULL PRIMARY KEY,
    currency CHAR(3)     NOT NULL
);

CREATE TABLE command_side.space_manager (
    space_id  VARCHAR(64) NOT NULL,
    member_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (space_id, member_id)
);
CREATE INDEX space_manager_member ON command_side.space_manager (member_id);
