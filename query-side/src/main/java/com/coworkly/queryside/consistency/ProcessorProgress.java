package com.coworkly.queryside.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far a processing group has come, read from the shared token store rather than from this node's
 * processors: with several query-side instances, the segments of a group may be processed elsewhere.
 */
@Component
class ProcessorProgress {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProcessorProgress(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** True when every segment of the group has processed (or skipped as not its own) the event at the position. */
    boolean hasPassed(String processingGroup, long position) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> deserialize(rs.getBytes("token"), rs.getString("token_type")),
                processingGroup);
        TrackingToken event = GapAwareTrackingToken.newInstance(position, List.of());
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && token.covers(event));
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
