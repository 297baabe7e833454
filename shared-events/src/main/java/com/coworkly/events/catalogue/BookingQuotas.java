package com.coworkly.events.catalogue;

import java.time.Duration;

/**
 * The most a member may book in one space per local day, ISO week (Monday to Sunday) and calendar month of the
 * space's zone; each null when there is no cap.
 */
public record BookingQuotas(Duration perDay, Duration perWeek, Duration perMonth) {

    public static final BookingQuotas NONE = new BookingQuotas(null, null, null);

    public BookingQuotas {
        for (Duration cap : new Duration[] {perDay, perWeek, perMonth}) {
            if (cap != null && (cap.isNegative() || cap.isZero())) {
                throw new IllegalArgumentException("a quota must be positive: " + cap);
            }
        }
    }

    public boolean isNone() {
        return perDay == null && perWeek == null && perMonth == null;
    }
}
