package com.coworkly.commandside.booking;

import com.coworkly.events.common.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider opened a payment for the booking. {@code paid} when it answered that the payment is already taken
 * (only the simulated provider does; Stripe's come by webhook): the booking is then confirmed in the same
 * transaction, as the provider's confirmation would confirm it.
 */
public record RecordPaymentRequest(
        @TargetAggregateIdentifier BookingId bookingId, String provider, String paymentId, boolean paid)
        implements BookingCommand {}
