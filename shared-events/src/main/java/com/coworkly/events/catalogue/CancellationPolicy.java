package com.coworkly.events.catalogue;

import java.time.Duration;
import java.util.Objects;

/**
 * A member who cancels less than {@code lateWindow} before the start pays {@code lateFeePercent} of the
 * price; earlier cancellations are free.
 */
public record CancellationPolicy(Duration lateWindow, int lateFeePercent) {

    public static final CancellationPolicy STANDARD = new CancellationPolicy(Duration.ofHours(24), 50);

    public CancellationPolicy {
        Objects.requireNonNull(lateWindow, "lateWindow");
        if (lateWindow.isNegative()) {
            throw new IllegalArgumentException("the late window cannot be negative");
        }
        if (lateFeePercent < 0 || lateFeePercent > 100) {
            throw new IllegalArgumentException("the late fee is a percentage between 0 and 100");
        }
    }
}
