package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * An administrator opened a space in the network, with the terms its bookings follow and how long before a
 * booking starts its member is reminded of it. Revision 2 always carries the reminder lead: revision-1 payloads
 * stored before the lead was recorded are given the day that spaces reminded then by an upcaster in
 * {@code platform}, not by this record (decision 20).
 */
@Revision("2")
public record SpaceRegistered(
        SpaceId spaceId,
        String name,
        ZoneId timeZone,
        Currency currency,
        BigDecimal vatRatePercent,
        CancellationPolicy cancellationPolicy,
        Address address,
        Duration reminderLead)
        implements SpaceEvent {

    /** The lead a space is registered with when its administrator names none. */
    public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofHours(24);

    public SpaceRegistered {
        Objects.requireNonNull(reminderLead, "a space is registered with its reminder lead");
    }
}
