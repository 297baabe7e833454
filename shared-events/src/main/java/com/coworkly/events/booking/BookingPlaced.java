package com.coworkly.events.booking;

import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.time.ZoneId;

/**
 * A member took a period of a resource. The slot is held from now on; the price and the cancellation terms are
 * those in force at this moment and stay with the booking, whatever the space changes later.
 */
@Revision("1")
public record BookingPlaced(BookingId bookingId, ResourceId resourceId, SpaceId spaceId, MemberId memberId,
                            Period period, ZoneId timeZone, Money price, CancellationPolicy cancellationPolicy)
        implements BookingEvent {
}
