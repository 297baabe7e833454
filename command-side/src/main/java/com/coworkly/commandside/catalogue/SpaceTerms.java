package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.CancellationPolicy;

import java.time.ZoneId;
import java.util.Currency;

/** What a booking takes on from its space: the money, the clock and the cancellation terms. */
public record SpaceTerms(Currency currency, ZoneId timeZone, CancellationPolicy cancellationPolicy) {
}
