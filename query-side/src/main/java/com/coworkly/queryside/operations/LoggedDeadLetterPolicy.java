package com.coworkly.queryside.operations;

import com.coworkly.platform.database.DatabaseOutage;
import com.coworkly.queryside.config.RetryUnderSavepoint;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Parks every failed event, as Axon's default does (the cause's message cut to Axon's usual length), and says so in
 * the log: Axon itself parks silently and counts the event as handled. Also asked when a retry fails again. A failure
 * of the database's reach is not the event's fault: it fails the batch instead, to be retried. So does a handler that
 * failed without a savepoint, whose transaction could not take the dead letter: its retry takes one (decision 33).
 */
final class LoggedDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Axon asks the policy outside its handler's try, so this one propagates and fails the batch. */
    static final class DatabaseOutOfReach extends RuntimeException {
        DatabaseOutOfReach(Throwable cause) {
            super("the database is out of reach", cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LoggedDeadLetterPolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        if (DatabaseOutage.causes(cause)) {
            // Not poison: the event failed because the database was out of reach (issue 9's crash test parked
            // events while PostgreSQL restarted). Thrown from here, the failure aborts the batch, which the
            // processor retries from its last token once the database is back; nothing is parked.
            log.warn(
                    "Event {} ({}) could not be handled while the database is out of reach; its batch is retried",
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName());
            throw new DatabaseOutOfReach(cause);
        }
        Optional<RetryUnderSavepoint> retry = RetryUnderSavepoint.in(cause);
        if (retry.isPresent()) {
            // Not parked yet: the transaction may be aborted. Thrown from here, the failure rolls the batch back;
            // its retry runs this projection's handlers under savepoints, and parks the event if it fails again.
            // No stack trace: Axon logs the failed batch with one, and the parked event will have its own.
            log.info(
                    "Event {} ({}) failed in a handler without a savepoint ({}); its batch is retried with one",
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    String.valueOf(retry.get().getCause()));
            throw retry.get();
        }
        log.warn(
                "Parked event {} ({}) in the dead-letter queue; see GET /api/operations/dead-letters",
                event.getIdentifier(),
                event.getPayloadType().getSimpleName(),
                cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }
}
