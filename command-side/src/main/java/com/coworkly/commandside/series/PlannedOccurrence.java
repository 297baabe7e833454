package com.coworkly.commandside.series;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One occurrence a series asks for, in the space's local time, and the period it takes. Occurrences keep the
 * wall-clock times of the first one, so a weekly 09:00–11:00 stays 09:00–11:00 when the clocks change. A local
 * time that the clocks skip has no period (the occurrence conflicts with {@code LOCAL_TIME_DOES_NOT_EXIST});
 * one that happens twice takes the earlier of its two instants.
 */
record PlannedOccurrence(LocalDateTime localStart, LocalDateTime localEnd, Optional<Period> period) {

    static List<PlannedOccurrence> of(Period first, Recurrence recurrence, ZoneId zone) {
        LocalDateTime firstStart = LocalDateTime.ofInstant(first.start(), zone);
        Duration wallClockLength = Duration.between(firstStart, LocalDateTime.ofInstant(first.end(), zone));
        List<LocalDateTime> starts = recurrence.startsFrom(firstStart, SeriesRefusal.MAX_OCCURRENCES + 1);
        if (starts.size() > SeriesRefusal.MAX_OCCURRENCES) {
            throw SeriesRefusal.tooManyOccurrences();
        }
        List<PlannedOccurrence> planned = new ArrayList<>();
        planned.add(new PlannedOccurrence(firstStart, firstStart.plus(wallClockLength), Optional.of(first)));
        for (LocalDateTime start : starts.subList(1, starts.size())) {
            LocalDateTime end = start.plus(wallClockLength);
            planned.add(new PlannedOccurrence(start, end, periodOf(start, end, zone)));
        }
        return planned;
    }

    private static Optional<Period> periodOf(LocalDateTime start, LocalDateTime end, ZoneId zone) {
        if (isSkippedByTheClocks(start, zone) || isSkippedByTheClocks(end, zone)) {
            return Optional.empty();
        }
        return Optional.of(new Period(
                ZonedDateTime.ofLocal(start, zone, null).toInstant(),
                ZonedDateTime.ofLocal(end, zone, null).toInstant()));
    }

    private static boolean isSkippedByTheClocks(LocalDateTime local, ZoneId zone) {
        return zone.getRules().getValidOffsets(local).isEmpty();
    }
}
