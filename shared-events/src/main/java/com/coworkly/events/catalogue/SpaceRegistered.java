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
 *
 * <p>Revision 3 carries the prefix of the space's invoice numbers, unique in the network. It is null only in
 * revisions 1 and 2, stored before prefixes were recorded: such a space's prefix is the first three letters of its
 * name, followed by 2, 3, … when a space registered earlier has it already (decision 37).
 */
@Revision("3")
public record SpaceRegistered(
        SpaceId spaceId,
        String name,
        ZoneId timeZone,
        Currency currency,
        BigDecimal vatRatePercent,
        CancellationPolicy cancellationPolicy,
        Address address,
        Duration reminderLead,
        String invoicePrefix)
        implements SpaceEvent {

    /** The lead a space is registered with when its administrator names none. */
    public static final Duration DEFAULT_REMINDER_LEAD = Duration.ofHours(24);

    public SpaceRegistered {
        Objects.requireNonNull(reminderLead, "a space is registered with its reminder lead");
    }

    /** A registration as stored before revision 3, without its invoice prefix. */
    public SpaceRegistered(
            SpaceId spaceId,
            String name,
            ZoneId timeZone,
            Currency currency,
            BigDecimal vatRatePercent,
            CancellationPolicy cancellationPolicy,
            Address address,
            Duration reminderLead) {
        this(spaceId, name, timeZone, currency, vatRatePercent, cancellationPolicy, address, reminderLead, null);
    }
}
