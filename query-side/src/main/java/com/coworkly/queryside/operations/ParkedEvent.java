package com.coworkly.queryside.operations;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;

import java.time.Instant;

/**
 * One event a read model's handler failed on, as an operator reads it. {@code numberInSequence} counts from 1 in the
 * order the sequence will be retried: only the first failed, the others were parked behind it to keep their order.
 * {@code aggregateId} and {@code globalPosition} are null when the event did not carry them.
 */
record ParkedEvent(
        String processingGroup,
        String sequenceIdentifier,
        int numberInSequence,
        String eventType,
        String eventIdentifier,
        String aggregateId,
        Long globalPosition,
        String causeType,
        String causeMessage,
        Instant enqueuedAt,
        Instant lastTouched) {

    static ParkedEvent of(String group, DeadLetter<? extends EventMessage<?>> letter, int number) {
        EventMessage<?> event = letter.message();
        String aggregateId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long position = event instanceof TrackedEventMessage<?> tracked
                        && tracked.trackingToken() != null
                        && tracked.trackingToken().position().isPresent()
                ? tracked.trackingToken().position().getAsLong()
                : null;
        return new ParkedEvent(
                group,
                sequenceOf(letter),
                number,
                event.getPayloadType().getSimpleName(),
                event.getIdentifier(),
                aggregateId,
                position,
                letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(),
                letter.lastTouched());
    }

    /** The JDBC queue stores a sequence's identifier as a string; that string is what operators name it by. */
    static String sequenceOf(DeadLetter<?> letter) {
        if (letter instanceof JdbcDeadLetter<?> stored) {
            return stored.getSequenceIdentifier();
        }
        if (letter instanceof GenericDeadLetter<?> generic) {
            return String.valueOf(generic.getSequenceIdentifier());
        }
        throw new IllegalStateException(
                "A dead letter of an unknown kind: " + letter.getClass().getName());
    }
}
