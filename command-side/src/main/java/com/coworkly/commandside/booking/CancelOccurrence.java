package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The booking is cancelled as one occurrence of its series, which is cancelled from a time on, all of it judged
 * at {@code at}. Answers the cancellation, or nothing for an occurrence that is left as it is.
 */
public record CancelOccurrence(@TargetAggregateIdentifier BookingId bookingId, Instant at) implements BookingCommand {}
