package com.coworkly.queryside.notifications;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.time.Instant;

/**
 * The notifications processor's handlers as the email tests call them: through Axon's own handler adapter (so that
 * {@code @DisallowReplay} and the replay status work as in the service), the facts before the emails, each event
 * tracked at the next position and stamped {@code deliveredAt}.
 */
final class NotificationHandlers {

    static final EmailSettings SETTINGS = new EmailSettings(
            "bookings@coworkly.example", 10, Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(30));

    private final AnnotationEventHandlerAdapter facts;
    private final Instant deliveredAt;
    private AnnotationEventHandlerAdapter emails;
    private long position;

    NotificationHandlers(NotificationFacts facts, Object emails, Instant deliveredAt) {
        this.facts = new AnnotationEventHandlerAdapter(facts);
        this.emails = new AnnotationEventHandlerAdapter(emails);
        this.deliveredAt = deliveredAt;
    }

    /** Other email handlers from now on (another "now"), behind the same facts and positions. */
    void replaceEmails(Object emails) {
        this.emails = new AnnotationEventHandlerAdapter(emails);
    }

    void deliver(Object... events) {
        for (Object event : events) {
            EventMessage<?> message = at(event, deliveredAt, token());
            handle(facts, message);
            handle(emails, message);
        }
    }

    /** As a reset processor delivers events again: tracked with a replay token that has not caught up yet. */
    void replay(Object... events) {
        TrackingToken atReset = new GlobalSequenceTrackingToken(1000);
        for (Object event : events) {
            EventMessage<?> message = at(
                    event,
                    deliveredAt,
                    ReplayToken.createReplayToken(atReset, new GlobalSequenceTrackingToken(++position)));
            handle(facts, message);
            handle(emails, message);
        }
    }

    /** One event to {@code handlers} alone (emails at another "now", or on another database), at the next position. */
    void deliverTo(Object handlers, Instant timestamp, Object event) {
        handle(new AnnotationEventHandlerAdapter(handlers), at(event, timestamp, token()));
    }

    private TrackingToken token() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private static EventMessage<?> at(Object event, Instant timestamp, TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(event), () -> timestamp);
    }

    private static void handle(AnnotationEventHandlerAdapter adapter, EventMessage<?> message) {
        try {
            if (adapter.canHandle(message)) {
                adapter.handle(message);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
