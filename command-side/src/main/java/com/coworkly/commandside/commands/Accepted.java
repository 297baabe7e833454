package com.coworkly.commandside.commands;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * A command the system accepted: its result, and the position of its last event in the event store, which the
 * response gives as {@code X-Event-Position} so that the caller can ask the query side for a read model that
 * has seen it ({@code ?after=}).
 */
public record Accepted<R>(R result, long eventPosition) {

    public static final String EVENT_POSITION_HEADER = "X-Event-Position";

    /** {@code location} is where the query side serves what was created. */
    public <B> ResponseEntity<B> created(URI location, B body) {
        return ResponseEntity.created(location)
                .header(EVENT_POSITION_HEADER, Long.toString(eventPosition))
                .body(body);
    }

    /** Created, with nothing to look at yet on the query side. */
    public <B> ResponseEntity<B> created(B body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(EVENT_POSITION_HEADER, Long.toString(eventPosition))
                .body(body);
    }

    public <B> ResponseEntity<B> ok(B body) {
        return ResponseEntity.status(HttpStatus.OK)
                .header(EVENT_POSITION_HEADER, Long.toString(eventPosition))
                .body(body);
    }
}
