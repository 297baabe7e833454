package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The booked period is over; the booking is history. */
@Revision("1")
public record BookingCompleted(BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId)
        implements BookingEvent {}
