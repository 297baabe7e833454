package com.coworkly.queryside.operations;

import com.coworkly.platform.database.DatabaseOutage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parks every failed event, as Axon's default does (the cause's message cut to Axon's usual length), and says so in
 * the log: Axon itself parks silently and counts the event as handled. Also asked when a retry fails again. A failure
 * of the database's reach is not the event's fault: it fails the batch instead, to be retried.
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
            log.warn("Event {} ({}) could not be handled while the database is out of reach; its batch is retried",
                    event.getIdentifier(), event.getPayloadType().getSimpleName());
            throw new DatabaseOutOfReach(cause);
        }
        log.warn("Parked event {} ({}) in the dead-letter queue; see GET /api/operations/dead-letters",
                event.getIdentifier(), event.getPayloadType().getSimpleName(), cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }
}
