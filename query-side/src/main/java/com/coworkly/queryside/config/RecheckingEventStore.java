package com.coworkly.queryside.config;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, whose streams let a pooled processor look for new events again soon. A pooled
 * processor's coordinator that finds no new event looks again 500 ms later, unless its stream says it announces
 * new events ({@code setOnAvailableCallback}); then it looks again after its claim-extension interval (100 ms
 * here, {@code booking.processors.idle-token-interval}). The embedded store's streams cannot announce events
 * appended by another JVM, which is every event on the query side, so a booking waited a quarter of a second on
 * average before its projections saw it. These streams accept the callback without calling it: the coordinator
 * then looks every 100 ms, for one check of the store's in-memory cache each time (issue 8, decision 27).
 */
class RecheckingEventStore extends EmbeddedEventStore {

    RecheckingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new RecheckingStream(super.openStream(trackingToken));
    }

    private record RecheckingStream(TrackingEventStream events) implements TrackingEventStream {

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            events.close();
        }
    }
}
