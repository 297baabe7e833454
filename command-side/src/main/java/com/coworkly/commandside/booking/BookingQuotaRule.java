package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.Period;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * The rule "quotas per period" (docs/front-desk.md#quotas): what one member books in a space, in any local day, ISO
 * week or calendar month of the space's zone, stays within the space's caps. A booking is counted in each period by
 * the part of it that falls there, so a booking across midnight counts in both days.
 */
public final class BookingQuotaRule {

    /** The period a quota counts over. */
    public enum Unit {
        DAY,
        WEEK,
        MONTH
    }

    /** A cap the candidate would exceed: its unit and its size. */
    public record Exceeded(Unit unit, Duration cap) {}

    private BookingQuotaRule() {}

    /**
     * The first cap the candidate would exceed, given the member's live bookings in the space (any that overlap the
     * periods the candidate falls in), or empty when it stays within all of them.
     */
    public static Optional<Exceeded> exceededBy(
            BookingQuotas quotas, ZoneId zone, List<Period> bookedInSpace, Period candidate) {
        for (Unit unit : Unit.values()) {
            Duration cap = capOf(quotas, unit);
            if (cap == null) {
                continue;
            }
            for (Period window : windowsOf(unit, zone, candidate)) {
                Duration booked = overlap(candidate, window);
                for (Period other : bookedInSpace) {
                    booked = booked.plus(overlap(other, window));
                }
                if (booked.compareTo(cap) > 0) {
                    return Optional.of(new Exceeded(unit, cap));
                }
            }
        }
        return Optional.empty();
    }

    /** From the start of the widest period with a cap that the candidate starts in to the end of the one it ends in. */
    public static Period span(BookingQuotas quotas, ZoneId zone, Period candidate) {
        Unit widest = quotas.perMonth() != null ? Unit.MONTH : quotas.perWeek() != null ? Unit.WEEK : Unit.DAY;
        List<Period> windows = windowsOf(widest, zone, candidate);
        return new Period(
                windows.get(0).start(), windows.get(windows.size() - 1).end());
    }

    private static Duration capOf(BookingQuotas quotas, Unit unit) {
        return switch (unit) {
            case DAY -> quotas.perDay();
            case WEEK -> quotas.perWeek();
            case MONTH -> quotas.perMonth();
        };
    }

    /** The local days, weeks or months the candidate falls in, in order. */
    static List<Period> windowsOf(Unit unit, ZoneId zone, Period candidate) {
        LocalDate first = startOf(unit, LocalDate.ofInstant(candidate.start(), zone));
        List<Period> windows = new java.util.ArrayList<>();
        for (LocalDate from = first; from.atStartOfDay(zone).toInstant().isBefore(candidate.end()); ) {
            LocalDate to = next(unit, from);
            windows.add(new Period(
                    from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant()));
            from = to;
        }
        return windows;
    }

    private static LocalDate startOf(Unit unit, LocalDate day) {
        return switch (unit) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(Unit unit, LocalDate start) {
        return switch (unit) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    private static Duration overlap(Period a, Period b) {
        var start = a.start().isAfter(b.start()) ? a.start() : b.start();
        var end = a.end().isBefore(b.end()) ? a.end() : b.end();
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }
}
