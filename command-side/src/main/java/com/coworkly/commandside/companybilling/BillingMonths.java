package com.coworkly.commandside.companybilling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Which month's bill a booking placed at an instant goes on: the calendar month in the space's time zone, which
 * closes at the first instant of the next month there (so 31 January, February and daylight-saving changes are the
 * calendar's, not arithmetic of ours). A bill is invoiced a minute after it closes, so that a placement of the
 * month's last instant has committed its charge first.
 *
 * <p>{@code booking.company-billing.cycle} replaces the months by cycles of a fixed length, counted from the epoch,
 * invoiced half a cycle (at most a minute) after they close: for tests and demos, which cannot wait a month for an
 * invoice. It is logged as such at startup.
 */
@Component
class BillingMonths {

    private static final Duration CLOSING_GRACE = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(BillingMonths.class);

    /** A bill's month: its name (e.g. {@code 2026-12}), when it closes, and when it is invoiced. */
    record BillingMonth(String name, Instant closesAt, Instant invoicedAt) {}

    private final Duration cycle;

    BillingMonths(@Value("${booking.company-billing.cycle:#{null}}") Duration cycle) {
        this.cycle = cycle;
        if (cycle != null) {
            log.warn(
                    "Company bills close every {} instead of at each calendar month's end"
                            + " (booking.company-billing.cycle): for tests and demos only.",
                    cycle);
        }
    }

    BillingMonth of(Instant at, ZoneId zone) {
        if (cycle != null) {
            long length = cycle.toMillis();
            Instant start = Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
            Instant end = start.plus(cycle);
            Duration grace = cycle.dividedBy(2).compareTo(CLOSING_GRACE) < 0 ? cycle.dividedBy(2) : CLOSING_GRACE;
            return new BillingMonth(DateTimeFormatter.ISO_INSTANT.format(start), end, end.plus(grace));
        }
        YearMonth month = YearMonth.from(at.atZone(zone));
        Instant closesAt = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new BillingMonth(month.toString(), closesAt, closesAt.plus(CLOSING_GRACE));
    }
}
