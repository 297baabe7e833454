package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.catalogue.OpeningWindow;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningVersionTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final OpeningVersion AROUND_THE_CLOCK = new OpeningVersion(
            LocalDate.of(2026, 1, 1),
            Arrays.stream(DayOfWeek.values())
                    .map(day -> new OpeningWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT))
                    .toList());

    @Test
    void aDayOpenAroundTheClockIsOpenForTheTimeThatPasses() {
        assertThat(AROUND_THE_CLOCK.openSecondsOn(LocalDate.of(2026, 12, 7), AMSTERDAM))
                .isEqualTo(24 * 3600);
        assertThat(AROUND_THE_CLOCK.openSecondsOn(LocalDate.of(2027, 3, 28), AMSTERDAM))
                .isEqualTo(23 * 3600);
        assertThat(AROUND_THE_CLOCK.openSecondsOn(LocalDate.of(2027, 10, 31), AMSTERDAM))
                .isEqualTo(25 * 3600);
    }

    @Test
    void onlyTheWindowsOfTheDayCount() {
        OpeningVersion mondays = new OpeningVersion(
                LocalDate.of(2026, 1, 1),
                List.of(
                        new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new OpeningWindow(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 30))));

        assertThat(mondays.openSecondsOn(LocalDate.of(2026, 12, 7), AMSTERDAM)).isEqualTo(8 * 3600 + 1800);
        assertThat(mondays.openSecondsOn(LocalDate.of(2026, 12, 8), AMSTERDAM)).isZero();
    }
}
