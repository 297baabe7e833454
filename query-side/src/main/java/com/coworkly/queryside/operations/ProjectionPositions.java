package com.coworkly.queryside.operations;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * How far processors have come, read from the shared token store (so the answer is the same on every instance),
 * and how far the event store reaches.
 */
@Component
class ProjectionPositions {

    /** A processor's segments as stored: how many, and the lowest position any of them has reached. */
    record Segments(int count, OptionalLong lowestPosition, boolean claimed) {

        static final Segments NONE = new Segments(0, OptionalLong.empty(), false);
    }

    private record Segment(TrackingToken token, boolean claimed) {}

    /** Axon's default claim timeout: a claim not refreshed for longer belongs to an instance that has gone. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Clock clock;

    ProjectionPositions(JdbcTemplate jdbc, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.clock = clock;
    }

    /** The global index of the newest event, 0 for an empty store. */
    long head() {
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    Segments of(String processorName) {
        List<Segment> segments = jdbc.query(
                "SELECT token, token_type, owner, time_stamp FROM token_entry WHERE processor_name = ?",
                (rs, row) -> new Segment(
                        deserialize(rs.getBytes("token"), rs.getString("token_type")),
                        isClaimed(rs.getString("owner"), rs.getString("time_stamp"))),
                processorName);
        if (segments.isEmpty()) {
            return Segments.NONE;
        }
        // A segment without a token has not started: nothing of the group is further than that.
        long lowest = segments.stream()
                .mapToLong(segment ->
                        segment.token() == null ? 0 : segment.token().position().orElse(0))
                .min()
                .orElse(0);
        return new Segments(
                segments.size(), OptionalLong.of(lowest), segments.stream().anyMatch(Segment::claimed));
    }

    private boolean isClaimed(String owner, String claimedAt) {
        return owner != null
                && claimedAt != null
                && Instant.parse(claimedAt).isAfter(clock.instant().minus(CLAIM_TIMEOUT));
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
