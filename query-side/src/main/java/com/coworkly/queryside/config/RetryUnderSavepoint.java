package com.coworkly.queryside.config;

import java.util.Optional;

/**
 * A read model's handler failed on an event it ran without a savepoint: the processor's transaction may be aborted
 * (PostgreSQL refuses every statement after a failed one), so the event cannot be parked in it. The dead-letter
 * policy fails the batch on this instead; the retried batch runs that projection's handlers under savepoints, and an
 * event that fails again is parked as usual (see {@link SavepointPerEventHandler}). The handler's own failure is the cause.
 */
public final class RetryUnderSavepoint extends RuntimeException {

    public RetryUnderSavepoint(Throwable handlerFailure) {
        super("a handler failed without a savepoint; its batch is retried with one around the event", handlerFailure);
    }

    /** The marker, if {@code failure} or one of its causes is one. */
    public static Optional<RetryUnderSavepoint> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryUnderSavepoint marker) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }
}
