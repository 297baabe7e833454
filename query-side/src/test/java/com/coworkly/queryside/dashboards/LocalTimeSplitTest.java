package com.coworkly.queryside.dashboards;

import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalTimeSplitTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aBookingAcrossMidnightCountsOnBothDays() {
        // 22:00 to 02:00 in Amsterdam, in winter.
        Period period = new Period(Instant.parse("2026-12-07T21:00:00Z"), Instant.parse("2026-12-08T01:00:00Z"));

        assertThat(LocalTimeSplit.secondsPerDay(period, AMSTERDAM))
                .containsExactly(
                        Map.entry(LocalDate.of(2026, 12, 7), 7200L), Map.entry(LocalDate.of(2026, 12, 8), 7200L));
    }

    @Test
    void theHourTheClocksSkipCollectsNothing() {
        // 01:00 to 04:00 local on 28 March 2027 is two real hours: 02:00 to 03:00 does not happen.
        Period period = new Period(Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T02:00:00Z"));

        assertThat(LocalTimeSplit.secondsPerHour(period, AMSTERDAM))
                .containsExactly(
                        Map.entry(LocalDateTime.of(2027, 3, 28, 1, 0), 3600L),
                        Map.entry(LocalDateTime.of(2027, 3, 28, 3, 0), 3600L));
    }

    @Test
    void theHourTheClocksRepeatCollectsBoth() {
        // 01:00 to 04:00 local on 31 October 2027 is four real hours: 02:00 to 03:00 happens twice.
        Period period = new Period(Instant.parse("2027-10-30T23:00:00Z"), Instant.parse("2027-10-31T03:00:00Z"));

        assertThat(LocalTimeSplit.secondsPerHour(period, AMSTERDAM))
                .containsExactly(
                        Map.entry(LocalDateTime.of(2027, 10, 31, 1, 0), 3600L),
                        Map.entry(LocalDateTime.of(2027, 10, 31, 2, 0), 7200L),
                        Map.entry(LocalDateTime.of(2027, 10, 31, 3, 0), 3600L));
        assertThat(LocalTimeSplit.secondsPerDay(period, AMSTERDAM))
                .containsExactly(Map.entry(LocalDate.of(2027, 10, 31), 14400L));
    }

    @Test
    void partHoursCountTheirSeconds() {
        Period period = new Period(Instant.parse("2026-12-07T08:30:00Z"), Instant.parse("2026-12-07T09:15:00Z"));

        assertThat(LocalTimeSplit.secondsPerHour(period, AMSTERDAM))
                .containsExactly(
                        Map.entry(LocalDateTime.of(2026, 12, 7, 9, 0), 1800L),
                        Map.entry(LocalDateTime.of(2026, 12, 7, 10, 0), 900L));
    }
}
