package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/** The provider paid {@code amount} back to the member for the booking, under {@code refundId}. */
@Revision("1")
public record RefundIssued(BookingId bookingId, String provider, String refundId, Money amount)
        implements BookingEvent {}
