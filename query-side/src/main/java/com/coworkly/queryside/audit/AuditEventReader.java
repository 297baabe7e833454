package com.coworkly.queryside.audit;

import com.coworkly.platform.audit.AuditMetaData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a stored row into what the API shows. Events stored before decision 19 carry Axon's own keys, where
 * {@code correlationId} named the causing message and {@code traceId} the first one; they are shown under the
 * names used since.
 */
@Component
class AuditEventReader {

    private static final String AXON_TRACE_ID = "traceId";

    private final ObjectMapper json = new ObjectMapper();

    AuditEvent read(StoredEvent stored) {
        JsonNode meta = tree(stored.metaData());
        return new AuditEvent(
                stored.globalPosition(),
                stored.eventId(),
                stored.aggregateId(),
                stored.aggregateType(),
                stored.sequenceNumber(),
                simpleName(stored.payloadType()),
                stored.payloadType(),
                stored.payloadRevision(),
                stored.timestamp(),
                tree(stored.payload()),
                cause(meta));
    }

    private static AuditEvent.Cause cause(JsonNode meta) {
        boolean beforeRenaming = meta.has(AXON_TRACE_ID) && !meta.has(AuditMetaData.CAUSATION_ID);
        String correlationId = text(meta, beforeRenaming ? AXON_TRACE_ID : AuditMetaData.CORRELATION_ID);
        String causationId = text(meta, beforeRenaming ? AuditMetaData.CORRELATION_ID : AuditMetaData.CAUSATION_ID);
        String roles = text(meta, AuditMetaData.ACTOR_ROLES);
        return new AuditEvent.Cause(
                text(meta, AuditMetaData.ACTOR_ID),
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                text(meta, AuditMetaData.COMMAND_NAME),
                text(meta, AuditMetaData.DEADLINE_NAME),
                correlationId,
                causationId,
                text(meta, AuditMetaData.REQUEST_ID));
    }

    private JsonNode tree(byte[] bytes) {
        if (bytes == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("an event in the store is not JSON", e);
        }
    }

    private static String text(JsonNode meta, String key) {
        JsonNode value = meta.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
