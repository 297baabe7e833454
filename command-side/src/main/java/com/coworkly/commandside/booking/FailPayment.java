package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider could not take the booking's payment. */
public record FailPayment(@TargetAggregateIdentifier BookingId bookingId, String paymentId, String reason) implements TargetsAggregate {

    @Override
    public String targetId() {
        return bookingId.value();
    }

    @Override
    public String notFoundCode() {
        return "BOOKING_NOT_FOUND";
    }
}
