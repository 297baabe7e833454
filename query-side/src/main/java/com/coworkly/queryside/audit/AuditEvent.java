package com.coworkly.queryside.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One event as an auditor reads it: where it stands (its aggregate's sequence and the store's global order),
 * what it says (the payload as stored) and who and what caused it. {@code eventId} is what a later message names
 * as its {@code causationId} when this event caused it (commands, the other causes, are not stored).
 */
record AuditEvent(
        long globalPosition,
        String eventId,
        String aggregateId,
        String aggregateType,
        long sequenceNumber,
        String type,
        String payloadType,
        String payloadRevision,
        Instant timestamp,
        JsonNode payload,
        Cause cause) {

    /**
     * {@code actorId} is a member id or {@code system:<process>}; {@code commandName} the command handled, or
     * {@code deadlineName} the deadline that fired; {@code correlationId} the first message of the request's
     * chain, {@code causationId} the message whose handling applied this event; {@code requestId} the client's
     * {@code X-Request-Id}. Any of them is null on events stored before it was recorded.
     */
    record Cause(
            String actorId,
            List<String> actorRoles,
            String commandName,
            String deadlineName,
            String correlationId,
            String causationId,
            String requestId) {}
}
