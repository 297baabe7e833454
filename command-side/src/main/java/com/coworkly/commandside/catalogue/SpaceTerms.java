package com.coworkly.commandside.catalogue;

import com.coworkly.events.catalogue.CancellationPolicy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/** What a booking takes on from its space: the money, the clock, the cancellation terms and when to remind. */
public record SpaceTerms(
        Currency currency, ZoneId timeZone, CancellationPolicy cancellationPolicy, Duration reminderLead) {}
