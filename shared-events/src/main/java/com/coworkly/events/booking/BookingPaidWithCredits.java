package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import org.axonframework.serialization.Revision;

/**
 * Part or all of a booking was paid with its member's credits, when it was placed: {@code minutes} of its length,
 * worth {@code creditedValue} of its full price {@code fullPrice}. The booking's {@code BookingPlaced} price is what
 * is left to pay by card (zero when the credits covered it all).
 */
@Revision("1")
public record BookingPaidWithCredits(
        BookingId bookingId, MemberId memberId, long minutes, Money fullPrice, Money creditedValue)
        implements BookingEvent {}
