package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.catalogue.OpeningWindow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A resource's weekly opening hours from a local date on. A day's open time is what really passes in its
 * windows: a window from 00:00 to 24:00 is 23 hours on the day the clocks go forward.
 */
record OpeningVersion(LocalDate from, List<OpeningWindow> windows) {

    long openSecondsOn(LocalDate date, ZoneId zone) {
        long seconds = 0;
        for (OpeningWindow window : windows) {
            if (window.day() == date.getDayOfWeek()) {
                LocalDateTime closes = window.closes().equals(LocalTime.MIDNIGHT)
                        ? date.plusDays(1).atStartOfDay()
                        : date.atTime(window.closes());
                seconds += ZonedDateTime.of(closes, zone).toEpochSecond()
                        - ZonedDateTime.of(date.atTime(window.opens()), zone).toEpochSecond();
            }
        }
        return seconds;
    }
}
