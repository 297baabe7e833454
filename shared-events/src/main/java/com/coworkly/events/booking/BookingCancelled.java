package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/**
 * The booking was called off and its slot is free again. {@code fee} is what the member is charged for a late
 * cancellation and {@code refund} what they get back of the price; the two add up to the price.
 */
@Revision("1")
public record BookingCancelled(
        BookingId bookingId,
        ResourceId resourceId,
        SpaceId spaceId,
        MemberId memberId,
        Period period,
        String cancelledBy,
        CancellationReason reason,
        String note,
        Money fee,
        Money refund)
        implements BookingEvent {}
