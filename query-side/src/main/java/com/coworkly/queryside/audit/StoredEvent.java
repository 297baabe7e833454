package com.coworkly.queryside.audit;

import java.time.Instant;

/** One row of the event store as written: the payload and metadata are the serializer's JSON bytes. */
record StoredEvent(
        long globalPosition,
        String eventId,
        String aggregateId,
        String aggregateType,
        long sequenceNumber,
        String payloadType,
        String payloadRevision,
        Instant timestamp,
        byte[] payload,
        byte[] metaData) {}
