package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/** The booking was never settled in time; its slot is free again. */
@Revision("1")
public record BookingExpired(BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId,
                             Period period)
        implements BookingEvent {
}
