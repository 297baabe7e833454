package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SeriesId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * The rest of a series, from {@code from} on, was cancelled at someone's request: each booking in
 * {@code cancelledBookings} has its own cancellation (with its own fee and refund) in the same transaction.
 */
@Revision("1")
public record BookingSeriesCancelled(
        SeriesId seriesId, MemberId memberId, Instant from, String cancelledBy, List<BookingId> cancelledBookings)
        implements BookingSeriesEvent {

    public BookingSeriesCancelled {
        cancelledBookings = List.copyOf(cancelledBookings);
    }
}
