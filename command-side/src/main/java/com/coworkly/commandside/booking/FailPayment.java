package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider could not take the booking's payment. */
public record FailPayment(@TargetAggregateIdentifier BookingId bookingId, String paymentId, String reason)
        implements BookingCommand {}
