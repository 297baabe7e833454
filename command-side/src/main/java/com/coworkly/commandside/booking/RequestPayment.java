package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The member asks again what to pay for their unpaid booking; answers the payment to open, records nothing. */
public record RequestPayment(@TargetAggregateIdentifier BookingId bookingId) implements BookingCommand {}
