package com.coworkly.events.booking;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Period;

/** One booked occurrence of a series: the booking that holds it. */
public record SeriesOccurrence(BookingId bookingId, Period period) {}
