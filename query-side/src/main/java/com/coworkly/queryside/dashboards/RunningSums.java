package com.coworkly.queryside.dashboards;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The running sums a dashboard adds up: per resource and local day ({@code dashboard_day}) with the calendar week
 * and month holding it ({@code dashboard_period}), and booked seconds per local hour of the space
 * ({@code dashboard_hour}) for the heat map. Sums only add, so what a booking counted is taken back by adding its
 * negative.
 */
final class RunningSums {

    private final JdbcTemplate jdbc;

    RunningSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds to the running sums of a resource's local day and of the calendar week and month holding it, in one
     * statement.
     */
    void addToDay(CountedBooking booking, LocalDate date, Contribution contribution) {
        String columns = String.join(", ", contribution.columns());
        String placeholders = ", ?".repeat(contribution.columns().size());
        String dayUpdates = contribution.updates("dashboard_day");
        String periodUpdates = contribution.updates("p");
        List<Object> args = new ArrayList<>(List.of(booking.resourceId(), Date.valueOf(date), booking.spaceId()));
        args.addAll(contribution.amounts());
        for (Granularity granularity : List.of(Granularity.WEEK, Granularity.MONTH)) {
            args.addAll(List.of(
                    booking.resourceId(),
                    granularity.name(),
                    Date.valueOf(granularity.bucketOf(date)),
                    booking.spaceId()));
            args.addAll(contribution.amounts());
        }
        jdbc.update("""
                WITH day AS (
                    INSERT INTO dashboard_day (resource_id, local_date, space_id, %1$s) VALUES (?, ?, ?%2$s)
                    ON CONFLICT (resource_id, local_date) DO UPDATE SET %3$s)
                INSERT INTO dashboard_period AS p (resource_id, granularity, bucket, space_id, %1$s)
                VALUES (?, ?, ?, ?%2$s), (?, ?, ?, ?%2$s)
                ON CONFLICT (resource_id, granularity, bucket) DO UPDATE SET %4$s""".formatted(columns, placeholders, dayUpdates, periodUpdates), args.toArray());
    }

    /** The booking's seconds in each local hour it covers ({@code sign} 1), or taken back ({@code sign} -1). */
    void addToHours(CountedBooking booking, int sign) {
        List<Object> hours = new ArrayList<>();
        Map<LocalDateTime, Long> secondsPerHour = LocalTimeSplit.secondsPerHour(booking.period(), booking.zone());
        secondsPerHour.forEach((hour, seconds) -> hours.addAll(
                List.of(booking.spaceId(), Date.valueOf(hour.toLocalDate()), hour.getHour(), sign * seconds)));
        jdbc.update(
                """
                INSERT INTO dashboard_hour (space_id, local_date, local_hour, booked_seconds) VALUES %s
                ON CONFLICT (space_id, local_date, local_hour)
                DO UPDATE SET booked_seconds = dashboard_hour.booked_seconds + excluded.booked_seconds""".formatted(String.join(", ", Collections.nCopies(hours.size() / 4, "(?, ?, ?, ?)"))),
                hours.toArray());
    }
}
