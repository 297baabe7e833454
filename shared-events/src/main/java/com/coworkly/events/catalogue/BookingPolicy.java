package com.coworkly.events.catalogue;

import java.time.Duration;
import java.util.Objects;

/**
 * How a resource may be booked: bookings are aligned to {@code slot}, last between {@code minimumLength}
 * and {@code maximumLength} (both whole slots), and start at most {@code horizon} ahead.
 */
public record BookingPolicy(Duration slot, Duration minimumLength, Duration maximumLength, Duration horizon) {

    public BookingPolicy {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(minimumLength, "minimumLength");
        Objects.requireNonNull(maximumLength, "maximumLength");
        Objects.requireNonNull(horizon, "horizon");
        if (slot.isNegative() || slot.isZero() || Duration.ofDays(1).toSeconds() % slot.toSeconds() != 0) {
            throw new IllegalArgumentException("the slot must divide a day evenly: " + slot);
        }
        if (!isWholeSlots(minimumLength, slot) || !isWholeSlots(maximumLength, slot)) {
            throw new IllegalArgumentException("minimum and maximum length must be whole slots of " + slot);
        }
        if (maximumLength.compareTo(minimumLength) < 0) {
            throw new IllegalArgumentException("the maximum length cannot be shorter than the minimum");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the booking horizon must be positive");
        }
    }

    private static boolean isWholeSlots(Duration length, Duration slot) {
        return !length.isZero() && !length.isNegative() && length.toSeconds() % slot.toSeconds() == 0;
    }
}
