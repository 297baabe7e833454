package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;

/** The stretch a client asks a resource's free time for: non-empty and at most a month, to bound the work. */
record AvailabilityRange(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(31);

    AvailabilityRange {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        if (Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("to must be at most " + LONGEST.toDays() + " days after from");
        }
    }

    Period period() {
        return new Period(from, to);
    }
}
