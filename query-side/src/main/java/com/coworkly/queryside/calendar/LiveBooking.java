package com.coworkly.queryside.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A booking that still holds its slot (pending payment or confirmed), with what a calendar shows of it. The
 * names and the address come from the catalogue read model, which may not have caught up with a new resource
 * yet; the booking is shown all the same.
 */
record LiveBooking(
        String bookingId,
        Instant start,
        Instant end,
        ZoneId zone,
        boolean confirmed,
        Optional<String> resourceName,
        Optional<String> spaceName,
        Optional<String> address) {}
