package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider took the booking's payment. */
public record ConfirmPayment(@TargetAggregateIdentifier BookingId bookingId, String provider, String paymentId)
        implements BookingCommand {}
