package com.coworkly.platform.axon.upcasting;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.axon.AxonStorageConfiguration;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored revision-1 payloads, as the event serializer wrote them (files under {@code stored-events/}), are read
 * as revision-2 records through the upcaster chain, the way the event store reads them.
 */
class SpaceRegisteredReminderLeadUpcasterTest {

    private final Serializer eventSerializer = new AxonStorageConfiguration().eventSerializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new SpaceRegisteredReminderLeadUpcaster());

    @Test
    void aSpaceStoredBeforeItsReminderLeadWasRecordedRemindsADayAhead() throws IOException {
        SpaceRegistered read = readThroughTheChain(stored("SpaceRegistered-revision-1-before-reminder-lead.json"), "1");

        assertThat(read).isEqualTo(centralWithReminderLead(Duration.ofHours(24)));
    }

    @Test
    void aRevisionOneSpaceThatRecordedItsLeadKeepsIt() throws IOException {
        SpaceRegistered read = readThroughTheChain(stored("SpaceRegistered-revision-1.json"), "1");

        assertThat(read).isEqualTo(centralWithReminderLead(Duration.ofHours(2)));
    }

    @Test
    void theUpcastEventIsTheCurrentRevision() throws IOException {
        List<IntermediateEventRepresentation> upcast = chain.upcast(
                        Stream.of(representation(stored("SpaceRegistered-revision-1.json"), "1")))
                .toList();

        assertThat(upcast).singleElement().satisfies(event -> {
            assertThat(event.getType().getName()).isEqualTo(SpaceRegistered.class.getName());
            assertThat(event.getType().getRevision()).isEqualTo("2");
        });
    }

    @Test
    void aRevisionTwoPayloadPassesUnchanged() {
        SpaceRegistered current = centralWithReminderLead(Duration.ofHours(6));
        SerializedObject<byte[]> stored = eventSerializer.serialize(current, byte[].class);

        assertThat(readThroughTheChain(stored.getData(), stored.getType().getRevision()))
                .isEqualTo(current);
    }

    /** Why the upcaster is needed at all: the record no longer guesses a missing lead. */
    @Test
    void withoutTheUpcasterAPayloadWithoutALeadIsNotARevisionTwoEvent() throws IOException {
        byte[] before = stored("SpaceRegistered-revision-1-before-reminder-lead.json");

        assertThatThrownBy(() -> eventSerializer.deserialize(
                        new SimpleSerializedObject<>(before, byte[].class, SpaceRegistered.class.getName(), "1")))
                .hasRootCauseInstanceOf(NullPointerException.class);
    }

    private SpaceRegistered readThroughTheChain(byte[] payload, String revision) {
        List<IntermediateEventRepresentation> upcast =
                chain.upcast(Stream.of(representation(payload, revision))).toList();
        assertThat(upcast).hasSize(1);
        return eventSerializer.deserialize(upcast.get(0).getData());
    }

    private InitialEventRepresentation representation(byte[] payload, String revision) {
        return new InitialEventRepresentation(
                new GenericDomainEventEntry<>(
                        "Space",
                        "space-central",
                        0,
                        "event-1",
                        Instant.parse("2026-11-01T09:00:00Z"),
                        SpaceRegistered.class.getName(),
                        revision,
                        payload,
                        "{}".getBytes(StandardCharsets.UTF_8)),
                eventSerializer);
    }

    private static byte[] stored(String name) throws IOException {
        try (InputStream in =
                SpaceRegisteredReminderLeadUpcasterTest.class.getResourceAsStream("/stored-events/" + name)) {
            return in.readAllBytes();
        }
    }

    private static SpaceRegistered centralWithReminderLead(Duration lead) {
        return new SpaceRegistered(
                new SpaceId("space-central"),
                "Central",
                ZoneId.of("Europe/Amsterdam"),
                Currency.getInstance("EUR"),
                new BigDecimal("21.00"),
                CancellationPolicy.STANDARD,
                new Address("Stationsplein 1", "1012 AB", "Amsterdam", "NL"),
                lead);
    }
}
