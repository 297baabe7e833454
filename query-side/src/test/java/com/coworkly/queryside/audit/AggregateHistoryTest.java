package com.coworkly.queryside.audit;

import com.coworkly.platform.axon.AxonStorageConfiguration;
import com.coworkly.platform.axon.upcasting.SpaceRegisteredReminderLeadUpcaster;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The state as of a time folds exactly the events stamped at or before it, read as the event store stores them. */
class AggregateHistoryTest {

    private final Serializer serializer = new AxonStorageConfiguration().eventSerializer();
    private final EventPayloads payloads =
            new EventPayloads(serializer, List.of(new SpaceRegisteredReminderLeadUpcaster()));

    private static final Instant PLACED = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant PAID = Instant.parse("2026-11-20T10:05:00.250Z");
    private static final Instant CANCELLED = Instant.parse("2026-11-21T09:00:00Z");

    private final AggregateHistory history = new AggregateHistory(
            "booking-1",
            "Booking",
            List.of(
                    stored(0, PLACED, StateFoldTest.aPlacedBooking()),
                    stored(1, PAID, StateFoldTest.itsConfirmation()),
                    stored(2, CANCELLED, StateFoldTest.itsCancellation())));

    private StoredEvent stored(long sequence, Instant at, Object event) {
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        return new StoredEvent(
                100 + sequence,
                "event-" + sequence,
                "booking-1",
                "Booking",
                sequence,
                payload.getType().getName(),
                payload.getType().getRevision(),
                at,
                payload.getData(),
                null);
    }

    @Test
    void beforeItsFirstEventTheAggregateHasNoState() {
        AggregateHistory.AsOf state = history.stateAsOf(PLACED.minusMillis(1), payloads);

        assertThat(state.eventsApplied()).isZero();
        assertThat(state.state()).isNull();
    }

    @Test
    void asOfAnInstantTheEventsUpToItAndIncludingItCount() {
        assertThat(history.stateAsOf(PLACED, payloads).state()).containsEntry("status", "PENDING_PAYMENT");
        assertThat(history.stateAsOf(PAID.minusMillis(1), payloads).state()).containsEntry("status", "PENDING_PAYMENT");
        AggregateHistory.AsOf paid = history.stateAsOf(PAID, payloads);
        assertThat(paid.state()).containsEntry("status", "CONFIRMED");
        assertThat(paid.lastSequenceNumber()).isEqualTo(1);
        assertThat(paid.lastEventAt()).isEqualTo(PAID);
        assertThat(history.stateAsOf(CANCELLED.plusSeconds(60), payloads).state())
                .containsEntry("status", "CANCELLED");
    }
}
