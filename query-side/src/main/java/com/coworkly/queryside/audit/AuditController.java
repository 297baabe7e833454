package com.coworkly.queryside.audit;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import com.coworkly.queryside.web.RefusalCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail, read straight from the event store: an aggregate's history and its state as of a time, and a
 * search over all events. See docs/operations.md ("Who did this and when") and decision 19.
 */
@RestController
@Tag(name = "Audit")
class AuditController {

    static final String NDJSON = "application/x-ndjson";

    static final class NoSuchAggregate extends BusinessRefusal {
        NoSuchAggregate(String aggregateId) {
            super(
                    RefusalCode.AGGREGATE_NOT_FOUND,
                    Kind.NOT_FOUND,
                    "No event was ever stored for aggregate " + aggregateId + ".");
        }
    }

    private final AuditEvents events;
    private final AuditEventReader reader;
    private final EventPayloads payloads;
    private final AuditReaders readers;
    private final ObjectMapper json;
    private final Clock clock;

    AuditController(
            AuditEvents events,
            AuditEventReader reader,
            EventPayloads payloads,
            AuditReaders readers,
            ObjectMapper json,
            Clock clock) {
        this.events = events;
        this.reader = reader;
        this.payloads = payloads;
        this.readers = readers;
        this.json = json;
        this.clock = clock;
    }

    record History(String aggregateId, String aggregateType, List<AuditEvent> events) {}

    @GetMapping("/api/audit/aggregates/{aggregateId}/events")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Every event of a booking, series, resource, space or member, in order, with who caused it "
                    + "(operators; managers for their spaces' bookings)")
    History history(@PathVariable String aggregateId) {
        AggregateHistory history = historyOf(aggregateId);
        return new History(
                aggregateId,
                history.aggregateType(),
                history.events().stream().map(reader::read).toList());
    }

    @GetMapping("/api/audit/aggregates/{aggregateId}/state")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "The state of an aggregate as of a time, folded from its events up to then "
                    + "(operators; managers for their spaces' bookings)")
    AggregateHistory.AsOf stateAsOf(
            @PathVariable String aggregateId,
            @Parameter(description = "ISO-8601 date-time with offset; now when absent") @RequestParam(required = false)
                    OffsetDateTime asOf) {
        Instant at = asOf == null ? clock.instant() : asOf.toInstant();
        return historyOf(aggregateId).stateAsOf(at, payloads);
    }

    @GetMapping("/api/audit/events")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary =
                    "Events by aggregate type, actor, time and correlation or request id, in global order, a page "
                            + "at a time (operators); with Accept: application/x-ndjson every match, streamed as one JSON per line")
    Object search(
            @Parameter(description = "Booking, BookingSeries, Resource, Space or Member")
                    @RequestParam(required = false)
                    String aggregateType,
            @Parameter(description = "a member id, or system:<process>") @RequestParam(required = false) String actorId,
            @Parameter(description = "ISO-8601 date-time with offset; inclusive") @RequestParam(required = false)
                    OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time with offset; exclusive") @RequestParam(required = false)
                    OffsetDateTime to,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) String requestId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PageRequest.MAX_SIZE) int size,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            HttpServletResponse response) {
        readers.requireOperator(CurrentCaller.require());
        AuditFilter filter = filter(aggregateType, actorId, from, to, correlationId, requestId);
        if (accept != null && accept.contains(NDJSON)) {
            // A bare body, not a ResponseEntity: Spring streams a StreamingResponseBody only when it sees its type.
            response.setContentType(NDJSON);
            return ndjson(filter);
        }
        PageRequest request = new PageRequest(page, size);
        List<AuditEvent> items = events.search(filter, request.offset(), request.size()).stream()
                .map(reader::read)
                .toList();
        return Paged.of(items, request, events.count(filter));
    }

    @GetMapping("/api/audit/events.ndjson")
    @PreAuthorize("isAuthenticated()")
    @Operation(
            summary = "Every matching event as one JSON object per line, streamed, whatever the Accept header "
                    + "(operators)")
    ResponseEntity<StreamingResponseBody> exportFile(
            @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String actorId,
            @RequestParam(required = false) OffsetDateTime from,
            @RequestParam(required = false) OffsetDateTime to,
            @RequestParam(required = false) String correlationId,
            @RequestParam(required = false) String requestId) {
        readers.requireOperator(CurrentCaller.require());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NDJSON))
                .body(ndjson(filter(aggregateType, actorId, from, to, correlationId, requestId)));
    }

    /** Streamed from a database cursor: a range of millions of events never sits in memory. */
    private StreamingResponseBody ndjson(AuditFilter filter) {
        return out -> events.stream(filter, stored -> {
            try {
                out.write(json.writeValueAsBytes(reader.read(stored)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private AggregateHistory historyOf(String aggregateId) {
        CurrentCaller caller = CurrentCaller.require();
        var stored = events.ofAggregate(aggregateId);
        AggregateHistory history = new AggregateHistory(
                aggregateId, stored.isEmpty() ? null : stored.get(0).aggregateType(), stored);
        readers.requireMayAudit(caller, history);
        if (stored.isEmpty()) {
            throw new NoSuchAggregate(aggregateId);
        }
        return history;
    }

    private static AuditFilter filter(
            String aggregateType,
            String actorId,
            OffsetDateTime from,
            OffsetDateTime to,
            String correlationId,
            String requestId) {
        return new AuditFilter(
                Optional.ofNullable(aggregateType),
                Optional.ofNullable(actorId),
                Optional.ofNullable(from).map(OffsetDateTime::toInstant),
                Optional.ofNullable(to).map(OffsetDateTime::toInstant),
                Optional.ofNullable(correlationId),
                Optional.ofNullable(requestId));
    }
}
