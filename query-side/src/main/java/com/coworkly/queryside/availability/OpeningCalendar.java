package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's weekly opening hours laid onto real dates in its space's zone.
 *
 * <p>Each window edge is a local time on a date, turned into an instant by {@link ZonedDateTime#of}: on the
 * day clocks go forward, an edge in the skipped hour moves forward by the gap (02:30 in Amsterdam on
 * 2026-03-29 becomes 03:30 summer time), so a window wholly inside the gap keeps its length; on the day
 * clocks go back, an edge in the repeated hour means its first occurrence (summer time). Windows that end
 * exactly where the next begins (Monday to midnight, Tuesday from midnight) form one stretch.
 */
record OpeningCalendar(ZoneId zone, List<Opening> week) {

    OpeningCalendar {
        week = List.copyOf(week);
    }

    /** The stretches during which the resource is open, cut to {@code range}, in order and never touching. */
    List<Period> openWithin(Period range) {
        LocalDate last = range.end().atZone(zone).toLocalDate();
        List<Period> windows = new ArrayList<>();
        for (LocalDate date = range.start().atZone(zone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            for (Opening opening : week) {
                if (opening.day() == date.getDayOfWeek()) {
                    Instant opens = at(date, opening.opens());
                    Instant closes = opening.runsToMidnight()
                            ? at(date.plusDays(1), LocalTime.MIDNIGHT)
                            : at(date, opening.closes());
                    if (opens.isBefore(closes)) {
                        windows.add(new Period(opens, closes));
                    }
                }
            }
        }
        return Periods.within(Periods.merged(windows), range);
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
