package com.coworkly.queryside.dashboards.figures;

import com.coworkly.queryside.dashboards.figures.DashboardViews.Figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A bucket's figures worked out from its sums and hours: hours to two places, ratios to four, halves up. */
final class FigureArithmetic {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private FigureArithmetic() {}

    /** {@code uniqueMembers} is null for a resource over the whole range: see {@link Figures}. */
    static Figures figures(DayTotals sums, long openSeconds, long blockedSeconds, Integer uniqueMembers) {
        return new Figures(
                hours(openSeconds),
                hours(sums.bookedSeconds()),
                hours(blockedSeconds),
                openSeconds == 0
                        ? null
                        : BigDecimal.valueOf(sums.bookedSeconds())
                                .divide(BigDecimal.valueOf(openSeconds), 4, RoundingMode.HALF_UP),
                sums.bookings(),
                new DashboardViews.Cancellations(sums.cancellationsEarly(), sums.cancellationsLate()),
                sums.lateFees(),
                new DashboardViews.Revenue(sums.revenueGross(), sums.revenueNet(), sums.revenueVat(), sums.refunds()),
                uniqueMembers,
                sums.bookings() == 0
                        ? null
                        : BigDecimal.valueOf(sums.leadSeconds())
                                .divide(
                                        SECONDS_PER_HOUR.multiply(BigDecimal.valueOf(sums.bookings())),
                                        2,
                                        RoundingMode.HALF_UP));
    }

    static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP);
    }
}
