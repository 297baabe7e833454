package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/**
 * The payment provider holds a payment for the booking under {@code paymentId}; the member pays it with the
 * details the booking's answer gave them. What they need to pay (a client secret) is not kept in events.
 */
@Revision("1")
public record PaymentRequested(BookingId bookingId, String provider, String paymentId, Money amount)
        implements BookingEvent {}
