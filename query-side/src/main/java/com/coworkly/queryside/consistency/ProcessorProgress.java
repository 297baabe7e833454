package com.coworkly.queryside.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far a processing group has come, read from the shared token store rather than from this node's
 * processors: with several query-side instances, the segments of a group may be processed elsewhere. During a query
 * served by a read pool the tokens are read through the query's own connection, so the server that says "passed" is
 * the one that answers (decision 35).
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
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> hasProcessed(token, position));
    }

    /**
     * Whether a segment's token has passed the event at the position: its index is at or beyond it, and the position
     * is not one of the token's gaps. Axon's {@code covers} asks more: that the token has no gap below the position
     * either. A gap is a position whose transaction had not committed when the segment passed it, or never will (a
     * command refused after its events took a position, an instance killed mid-commit); Axon keeps such gaps in the
     * token for thousands of events. The caller's own events committed together, before it was told their position,
     * so a gap below it is someone else's write, and waiting for it made {@code ?after=} time out for minutes after
     * a crash (issue 9's crash test).
     */
    static boolean hasProcessed(TrackingToken token, long position) {
        TrackingToken lowerBound = WrappedToken.unwrapLowerBound(token);
        if (lowerBound instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
        }
        return lowerBound != null && lowerBound.covers(GapAwareTrackingToken.newInstance(position, List.of()));
    }

    private TrackingToken deserialize(byte[] token, String type) {
        if (token == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
    }
}
