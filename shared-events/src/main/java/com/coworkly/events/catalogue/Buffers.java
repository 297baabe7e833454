package com.coworkly.events.catalogue;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.util.Objects;

/**
 * Time a resource keeps free around each booking, for cleaning or setting up: {@code before} its start and
 * {@code after} its end. A booking holds its buffered period: two bookings' buffered periods never overlap, nor does
 * one overlap a maintenance block.
 */
public record Buffers(Duration before, Duration after) {

    public static final Buffers NONE = new Buffers(Duration.ZERO, Duration.ZERO);

    public Buffers {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isNegative() || after.isNegative()) {
            throw new IllegalArgumentException("buffers cannot be negative: " + before + ", " + after);
        }
    }

    public static Buffers ofMinutes(long before, long after) {
        return new Buffers(Duration.ofMinutes(before), Duration.ofMinutes(after));
    }

    /** The period a booking of {@code period} holds. */
    public Period around(Period period) {
        return new Period(period.start().minus(before), period.end().plus(after));
    }

    public boolean isNone() {
        return before.isZero() && after.isZero();
    }
}
