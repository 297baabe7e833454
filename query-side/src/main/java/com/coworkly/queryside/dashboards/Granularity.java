package com.coworkly.queryside.dashboards;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The buckets a dashboard adds its figures up in, in the space's local calendar. Weeks start on Monday. */
public enum Granularity {
    DAY,
    WEEK,
    MONTH;

    public LocalDate bucketOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    public LocalDate nextBucket(LocalDate bucket) {
        return switch (this) {
            case DAY -> bucket.plusDays(1);
            case WEEK -> bucket.plusWeeks(1);
            case MONTH -> bucket.plusMonths(1);
        };
    }

    /** PostgreSQL's date_trunc field for this granularity. */
    public String truncation() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
