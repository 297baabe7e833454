package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/**
 * The provider took a payment for a booking that had already expired or been cancelled unpaid: the member
 * paid for nothing, so the whole {@code amount} is owed back to them.
 */
@Revision("1")
public record LatePaymentReceived(
        BookingId bookingId, MemberId memberId, String provider, String paymentId, Money amount)
        implements BookingEvent {}
