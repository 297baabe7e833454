package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/**
 * The time came to remind the member of their confirmed booking (its space's reminder lead before its start).
 * Recorded once per booking, by a durable deadline that a cancellation removes; the email follows from it.
 */
@Revision("1")
public record ReminderFellDue(
        BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId, Period period)
        implements BookingEvent {}
