package com.coworkly.queryside.dashboards;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Splits a period into the local hours and days of a time zone that it covers, counting the seconds that
 * really pass in each. On the night the clocks go back the repeated local hour collects both of its real
 * hours; on the night they go forward the skipped hour collects none.
 */
public final class LocalTimeSplit {

    private LocalTimeSplit() {}

    /** Seconds per local hour, keyed by the local date-time at which the hour starts. */
    static Map<LocalDateTime, Long> secondsPerHour(Period period, ZoneId zone) {
        Map<LocalDateTime, Long> seconds = new LinkedHashMap<>();
        Instant cursor = period.start();
        while (cursor.isBefore(period.end())) {
            ZonedDateTime local = cursor.atZone(zone);
            Instant nextHour = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            Instant until = nextHour.isBefore(period.end()) ? nextHour : period.end();
            seconds.merge(
                    local.toLocalDateTime().truncatedTo(ChronoUnit.HOURS),
                    Duration.between(cursor, until).toSeconds(),
                    Long::sum);
            cursor = until;
        }
        return seconds;
    }

    /** Seconds per local date. */
    public static Map<LocalDate, Long> secondsPerDay(Period period, ZoneId zone) {
        Map<LocalDate, Long> seconds = new LinkedHashMap<>();
        secondsPerHour(period, zone).forEach((hour, s) -> seconds.merge(hour.toLocalDate(), s, Long::sum));
        return seconds;
    }
}
