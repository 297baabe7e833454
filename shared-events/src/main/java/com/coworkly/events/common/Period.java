package com.coworkly.events.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open stretch of time {@code [start, end)}; it is never empty and never runs backwards. */
public record Period(Instant start, Instant end) {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period must end after it starts: " + start + " - " + end);
        }
    }

    public boolean overlaps(Period other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
