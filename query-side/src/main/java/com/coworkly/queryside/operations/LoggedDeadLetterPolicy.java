package com.coworkly.queryside.operations;

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
 * the log: Axon itself parks silently and counts the event as handled. Also asked when a retry fails again.
 */
final class LoggedDeadLetterPolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(LoggedDeadLetterPolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        EventMessage<?> event = letter.message();
        log.warn("Parked event {} ({}) in the dead-letter queue; see GET /api/operations/dead-letters",
                event.getIdentifier(), event.getPayloadType().getSimpleName(), cause);
        return Decisions.enqueue(ThrowableCause.truncated(cause));
    }
}
