package com.coworkly.queryside.dashboards.charts;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    /** Any bucket will do: charts read their values through the series. */
    private record Day(LocalDate start, int bookings) {}

    @Test
    void aTallerBarStandsForALargerValueOnTheSameBaseline() {
        Charts.BarChart chart = bookingsChart(List.of(bucket(0, 1), bucket(1, 3)));

        Charts.Bar one = chart.bars().get(0);
        Charts.Bar three = chart.bars().get(1);
        assertThat(three.height()).isGreaterThan(one.height());
        assertThat(one.y() + one.height()).isEqualTo(chart.baseline());
        assertThat(three.y() + three.height()).isEqualTo(chart.baseline());
        assertThat(three.title()).isEqualTo("8 Dec, bookings: 3");
    }

    @Test
    void countsAreScaledInWholeTicks() {
        Charts.BarChart chart = bookingsChart(List.of(bucket(0, 1)));

        assertThat(chart.ticks()).extracting(Charts.Tick::label).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void aMonthOfDaysIsLabelledWithoutCrowdingTheAxis() {
        List<Day> days = new ArrayList<>();
        for (int day = 0; day < 31; day++) {
            days.add(bucket(day, day % 3));
        }

        assertThat(bookingsChart(days).labels())
                .hasSizeLessThanOrEqualTo(12)
                .first()
                .extracting(Charts.Label::text)
                .isEqualTo("7 Dec");
    }

    @Test
    void theBusiestHourIsTheDarkestAndAnHourNobodyBookedIsEmpty() {
        List<Charts.HourOfWeek> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                BigDecimal booked = day == DayOfWeek.TUESDAY && hour == 9
                        ? new BigDecimal("6.00")
                        : day == DayOfWeek.TUESDAY && hour == 10 ? new BigDecimal("1.50") : BigDecimal.ZERO;
                week.add(new Charts.HourOfWeek(day, hour, booked));
            }
        }

        Charts.HeatMap map = Charts.heatMap(week, ChartsTest::hoursText);

        assertThat(map.cells()).hasSize(168);
        Charts.Cell busiest = map.cells().get(24 + 9);
        assertThat(busiest.opacity()).isEqualTo(1.0);
        assertThat(busiest.title()).isEqualTo("Tuesday 09:00–10:00: 6.0 h booked");
        assertThat(map.cells().get(24 + 10).opacity()).isBetween(0.15, 1.0);
        assertThat(map.cells().get(0).empty()).isTrue();
        assertThat(map.cells()).filteredOn(cell -> !cell.empty()).hasSize(2);
    }

    private static Charts.BarChart bookingsChart(List<Day> buckets) {
        List<String> names = buckets.stream()
                .map(bucket -> bucket.start().getDayOfMonth() + " Dec")
                .toList();
        return Charts.bars(
                "Bookings",
                "Bookings per day.",
                buckets,
                names,
                names,
                List.of(new Charts.Series<Day>("Bookings", "bookings", Day::bookings)),
                Charts.Layout.GROUPED,
                value -> Long.toString(Math.round(value)),
                4);
    }

    /** As the page writes hours. */
    private static String hoursText(BigDecimal hours) {
        return hours.setScale(1, RoundingMode.HALF_UP).toPlainString() + " h";
    }

    private static Day bucket(int day, int bookings) {
        return new Day(MONDAY.plusDays(day), bookings);
    }
}
