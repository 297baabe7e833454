package com.coworkly.queryside.audit;

import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.platform.axon.AxonStorageConfiguration;
import com.coworkly.platform.axon.upcasting.SpaceRegisteredReminderLeadUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit reads a stored old revision as the current event, as the event store does. */
class EventPayloadsTest {

    /** A SpaceRegistered stored as revision 1 before the reminder lead was recorded. */
    private static final String REVISION_1 = "{\"spaceId\":\"space-central\",\"name\":\"Central\","
            + "\"timeZone\":\"Europe/Amsterdam\",\"currency\":\"EUR\",\"vatRatePercent\":21.00,"
            + "\"cancellationPolicy\":{\"lateWindow\":\"PT24H\",\"lateFeePercent\":50},"
            + "\"address\":{\"street\":\"Stationsplein 1\",\"postalCode\":\"1012 AB\",\"city\":\"Amsterdam\","
            + "\"countryCode\":\"NL\"}}";

    private final EventPayloads payloads = new EventPayloads(
            new AxonStorageConfiguration().eventSerializer(), List.of(new SpaceRegisteredReminderLeadUpcaster()));

    @Test
    void aRevisionOneSpaceIsReadAsTheCurrentEvent() {
        StoredEvent stored = new StoredEvent(
                1,
                "event-1",
                "space-central",
                "Space",
                0,
                SpaceRegistered.class.getName(),
                "1",
                Instant.parse("2026-11-01T09:00:00Z"),
                REVISION_1.getBytes(StandardCharsets.UTF_8),
                null);

        Object read = payloads.read(stored);

        assertThat(read)
                .isInstanceOfSatisfying(
                        SpaceRegistered.class,
                        space -> assertThat(space.reminderLead()).isEqualTo(Duration.ofHours(24)));
    }
}
