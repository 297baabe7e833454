package com.coworkly.queryside.operations;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** One rebuild of a read model started on this instance, from its start to its switch-over or failure. */
final class ProjectionRebuild {

    enum State {
        REBUILDING,
        SWITCHING,
        COMPLETED,
        FAILED
    }

    private final RebuildableReadModel model;
    private final RebuildLeases.Lease lease;
    private final Instant startedAt;
    private final RebuildRate rate = new RebuildRate();
    private volatile ShadowProcessor processor;
    private volatile State state = State.REBUILDING;
    private volatile long position;
    private volatile Instant finishedAt;
    private volatile String failure;

    ProjectionRebuild(RebuildableReadModel model, RebuildLeases.Lease lease, Instant startedAt) {
        this.model = model;
        this.lease = lease;
        this.startedAt = startedAt;
    }

    RebuildableReadModel model() {
        return model;
    }

    void running(ShadowProcessor processor) {
        this.processor = processor;
    }

    Optional<ShadowProcessor> processor() {
        return Optional.ofNullable(processor);
    }

    void reached(Instant at, long position) {
        this.position = position;
        rate.record(at, position);
    }

    void switching() {
        state = State.SWITCHING;
    }

    void completed(Instant at) {
        state = State.COMPLETED;
        finishedAt = at;
        lease.close();
    }

    void failed(Instant at, String reason) {
        state = State.FAILED;
        finishedAt = at;
        failure = reason;
        lease.close();
    }

    /** Cut short by a shutdown: the next replay, here or elsewhere, may start. */
    void abandoned() {
        lease.close();
    }

    boolean isRunning() {
        return state == State.REBUILDING || state == State.SWITCHING;
    }

    ProjectionsView.Replay view(long head) {
        long shown = state == State.COMPLETED ? Math.max(position, head) : position;
        double percent = head <= 0 ? 100 : Math.min(100, Math.round(shown * 1000.0 / head) / 10.0);
        return new ProjectionsView.Replay(
                state.name(),
                startedAt,
                finishedAt,
                shown,
                head,
                percent,
                Math.round(rate.eventsPerSecond()),
                isRunning() ? boxed(rate.secondsLeft(shown, head)) : null,
                failure);
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
