package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import org.axonframework.serialization.Revision;

/**
 * An administrator opened a space in the network, with the terms its bookings follow and how long before a
 * booking starts its member is reminded of it.
 */
@Revision("1")
public record SpaceRegistered(SpaceId spaceId, String name, ZoneId timeZone, Currency currency, BigDecimal vatRatePercent,
                              CancellationPolicy cancellationPolicy, Address address, Duration reminderLead)
        implements SpaceEvent {

    public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofHours(24);

    /** A space registered before the lead was part of this event reminds a day ahead, as all spaces did then. */
    public SpaceRegistered {
        if (reminderLead == null) {
            reminderLead = DEFAULT_REMINDER_LEAD;
        }
    }
}
