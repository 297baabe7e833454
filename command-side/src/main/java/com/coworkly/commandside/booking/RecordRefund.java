package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider paid money back for the booking. */
public record RecordRefund(
        @TargetAggregateIdentifier BookingId bookingId, String provider, String refundId, Money amount)
        implements BookingCommand {}
