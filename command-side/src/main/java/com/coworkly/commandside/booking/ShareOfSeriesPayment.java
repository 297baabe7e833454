package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks an occurrence of a series for its share of the series' payment; records nothing. */
public record ShareOfSeriesPayment(
        @TargetAggregateIdentifier BookingId bookingId) implements BookingCommand {

    /** {@code price} as placed, and what its member still owes: the price while it waits for it, else nothing. */
    public record Share(Money price, Money amountDue) {}
}
