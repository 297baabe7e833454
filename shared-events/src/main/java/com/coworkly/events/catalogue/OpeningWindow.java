package com.coworkly.events.catalogue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of a weekday during which a resource is open, in the space's local time. A window whose
 * {@code closes} is midnight ({@code 00:00}) runs to the end of the day.
 */
public record OpeningWindow(DayOfWeek day, LocalTime opens, LocalTime closes) {

    public OpeningWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!closesAtMidnight(closes) && !closes.isAfter(opens)) {
            throw new IllegalArgumentException("an opening window must close after it opens: " + opens + "-" + closes);
        }
    }

    private static boolean closesAtMidnight(LocalTime closes) {
        return closes.equals(LocalTime.MIDNIGHT);
    }
}
