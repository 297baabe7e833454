package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The booking is settled (paid, or needing no payment) and the member can count on it. */
@Revision("1")
public record BookingConfirmed(BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId)
        implements BookingEvent {}
