package com.coworkly.events.booking;

import com.coworkly.events.common.SeriesId;

/** What happens to a series of recurring bookings as a whole; each occurrence is a booking with its own events. */
public sealed interface BookingSeriesEvent permits BookingSeriesPlaced, BookingSeriesCancelled {

    SeriesId seriesId();
}
