package com.coworkly.queryside.availability;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One weekly opening window of a resource, in its space's local time, as this read model stores it. A window
 * that closes at {@code 00:00} runs to the end of its day.
 */
record Opening(DayOfWeek day, LocalTime opens, LocalTime closes) {

    boolean runsToMidnight() {
        return closes.equals(LocalTime.MIDNIGHT);
    }
}
