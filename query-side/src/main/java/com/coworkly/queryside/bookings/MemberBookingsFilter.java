package com.coworkly.queryside.bookings;

import java.time.Instant;
import java.util.Optional;

/**
 * Which of a member's bookings to list: optionally only those in one status, and only those overlapping
 * {@code [from, to)}, where either end may be left open.
 */
record MemberBookingsFilter(Optional<BookingStatus> status, Optional<Instant> from, Optional<Instant> to) {

    MemberBookingsFilter {
        if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
            throw new IllegalArgumentException("to must be after from");
        }
    }
}
