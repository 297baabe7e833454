package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/**
 * The booking was not paid: its hold ran out, or the payment failed ({@code reason}). Its slot is free again.
 */
@Revision("1")
public record BookingExpired(
        BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId, Period period, String reason)
        implements BookingEvent {}
