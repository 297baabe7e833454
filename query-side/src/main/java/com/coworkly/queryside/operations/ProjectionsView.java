package com.coworkly.queryside.operations;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** What {@code GET /api/operations/projections} shows of each processing group. */
final class ProjectionsView {

    private ProjectionsView() {}

    @Schema(description = "A processing group of the query side and how far it has come")
    record Projection(
            String name,

            @Schema(description = "false for a group whose handlers cause side effects (emails): it is never replayed")
            boolean replayable,

            @Schema(description = "the group's token segments")
            int segments,

            @Schema(description = "the lowest position of its segments, in the token store; null before it starts")
            Long position,

            @Schema(description = "the global index of the newest event in the event store")
            long head,

            @Schema(description = "head minus position; null before it starts")
            Long lag,

            @Schema(description = "true while a rebuild of this read model runs (on any instance)")
            boolean replaying,

            @Schema(description = "the latest rebuild started on the instance that answers, if any")
            Replay replay) {}

    @Schema(description = "A rebuild into shadow tables and its switch-over")
    record Replay(
            @Schema(description = "REBUILDING, SWITCHING, COMPLETED or FAILED")
            String state,

            Instant startedAt,
            Instant finishedAt,

            @Schema(description = "the rebuild's position (lowest of its segments)")
            long position,

            long head,

            @Schema(description = "position over head, 0-100")
            double percent,

            @Schema(description = "over the last ten seconds")
            long eventsPerSecond,

            @Schema(description = "at the current rate; null while unknown or once finished")
            Long secondsLeft,

            @Schema(description = "why it failed, when it did")
            String failure) {}
}
