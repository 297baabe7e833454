package com.coworkly.events.booking;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SeriesId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

import java.time.ZoneId;
import java.util.Optional;

/**
 * A member took a period of a resource. The slot is held from now on; the price and the cancellation terms are
 * those in force at this moment and stay with the booking, whatever the space changes later. {@code seriesId}
 * names the recurring series the booking was placed in, and is null for a booking of its own (and in events
 * stored before series existed, which therefore keep revision 1). {@code buffers} is the time the resource kept free
 * around it when it was placed; null, as in events stored before buffers existed, is none.
 */
@Revision("1")
public record BookingPlaced(
        BookingId bookingId,
        ResourceId resourceId,
        SpaceId spaceId,
        MemberId memberId,
        Period period,
        ZoneId timeZone,
        Money price,
        CancellationPolicy cancellationPolicy,
        SeriesId seriesId,
        Buffers buffers)
        implements BookingEvent {

    /** A booking with no buffers around it. */
    public BookingPlaced(
            BookingId bookingId,
            ResourceId resourceId,
            SpaceId spaceId,
            MemberId memberId,
            Period period,
            ZoneId timeZone,
            Money price,
            CancellationPolicy cancellationPolicy,
            SeriesId seriesId) {
        this(bookingId, resourceId, spaceId, memberId, period, timeZone, price, cancellationPolicy, seriesId, null);
    }

    /** A booking of its own, in no series. */
    public BookingPlaced(
            BookingId bookingId,
            ResourceId resourceId,
            SpaceId spaceId,
            MemberId memberId,
            Period period,
            ZoneId timeZone,
            Money price,
            CancellationPolicy cancellationPolicy) {
        this(bookingId, resourceId, spaceId, memberId, period, timeZone, price, cancellationPolicy, null);
    }

    /** The period the booking holds on its resource: its own, with the buffers around it. */
    public Period occupied() {
        return buffers == null ? period : buffers.around(period);
    }

    public Optional<SeriesId> series() {
        return Optional.ofNullable(seriesId);
    }
}
