-- The audit API (query side) searches events by who caused them, by the request chain they belong to and by
-- time, newest-agnostic and in global order. Metadata is JSON in a BYTEA column and the timestamp an ISO-8601
-- string, so both are read through functions that PostgreSQL may index.

-- The metadata as JSON. convert_from is only STABLE (it depends on the server's conversion tables); with the
-- encoding fixed to UTF8, which is what Axon's Jackson serializer writes, the result never changes for a value.
CREATE FUNCTION event_store.meta_data_json(meta_data BYTEA) RETURNS JSONB
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT convert_from(meta_data, 'UTF8')::jsonb $$;

-- The event's time. A text-to-timestamptz cast is only STABLE because a string without an offset is read in the
-- session's time zone; Axon writes every timestamp as an instant with 'Z', so here the result is fixed.
CREATE FUNCTION event_store.event_time(time_stamp VARCHAR) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT time_stamp::timestamptz $$;

CREATE INDEX domain_event_entry_correlation
    ON event_store.domain_event_entry ((event_store.meta_data_json(meta_data) ->> 'correlationId'), global_index);

CREATE INDEX domain_event_entry_actor
    ON event_store.domain_event_entry ((event_store.meta_data_json(meta_data) ->> 'actorId'), global_index);

CREATE INDEX domain_event_entry_request
    ON event_store.domain_event_entry ((event_store.meta_data_json(meta_data) ->> 'requestId'), global_index);

CREATE INDEX domain_event_entry_time
    ON event_store.domain_event_entry (event_store.event_time(time_stamp));
