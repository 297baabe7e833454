package com.coworkly.queryside.dashboards.figures;

/**
 * The running sums of some local days (a bucket, or a whole range), as stored: seconds and minor units. Sums
 * add up exactly; rounding to hours and ratios happens only when a figure is shown.
 */
record DayTotals(
        long bookedSeconds,
        int bookings,
        int cancellationsEarly,
        int cancellationsLate,
        long lateFees,
        long revenueGross,
        long revenueNet,
        long revenueVat,
        long refunds,
        long leadSeconds) {

    static final DayTotals NONE = new DayTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    DayTotals plus(DayTotals other) {
        return new DayTotals(
                bookedSeconds + other.bookedSeconds,
                bookings + other.bookings,
                cancellationsEarly + other.cancellationsEarly,
                cancellationsLate + other.cancellationsLate,
                lateFees + other.lateFees,
                revenueGross + other.revenueGross,
                revenueNet + other.revenueNet,
                revenueVat + other.revenueVat,
                refunds + other.refunds,
                leadSeconds + other.leadSeconds);
    }
}
