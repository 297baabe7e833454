package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider opened a payment for the booking. */
public record RecordPaymentRequest(@TargetAggregateIdentifier BookingId bookingId, String provider, String paymentId) implements TargetsAggregate {

    @Override
    public String targetId() {
        return bookingId.value();
    }

    @Override
    public String notFoundCode() {
        return "BOOKING_NOT_FOUND";
    }
}
