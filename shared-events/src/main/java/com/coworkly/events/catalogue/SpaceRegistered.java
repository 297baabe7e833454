package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import org.axonframework.serialization.Revision;

/** An administrator opened a space in the network, with the terms its bookings follow. */
@Revision("1")
public record SpaceRegistered(SpaceId spaceId, String name, ZoneId timeZone, Currency currency, BigDecimal vatRatePercent,
                              CancellationPolicy cancellationPolicy, Address address) implements SpaceEvent {
}
