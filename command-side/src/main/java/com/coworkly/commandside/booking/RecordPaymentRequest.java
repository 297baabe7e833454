package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider opened a payment for the booking. */
public record RecordPaymentRequest(@TargetAggregateIdentifier BookingId bookingId, String provider, String paymentId) implements BookingCommand {
}
