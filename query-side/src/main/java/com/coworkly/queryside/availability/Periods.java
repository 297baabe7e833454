package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Set operations on lists of periods, each answering an ordered list of disjoint, non-touching periods. */
final class Periods {

    private static final Comparator<Period> BY_START = Comparator.comparing(Period::start);

    private Periods() {}

    /** The same time as a union, with overlapping and touching periods joined into one. */
    static List<Period> merged(Collection<Period> periods) {
        List<Period> merged = new ArrayList<>();
        for (Period next : periods.stream().sorted(BY_START).toList()) {
            Period last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Period(last.start(), latest(last.end(), next.end())));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    /** The parts of ordered, disjoint {@code periods} that lie inside {@code range}. */
    static List<Period> within(List<Period> periods, Period range) {
        List<Period> inside = new ArrayList<>();
        for (Period period : periods) {
            Instant start = latest(period.start(), range.start());
            Instant end = earliest(period.end(), range.end());
            if (start.isBefore(end)) {
                inside.add(new Period(start, end));
            }
        }
        return inside;
    }

    /** What is left of ordered, disjoint {@code periods} once everything in {@code taken} is removed. */
    static List<Period> minus(List<Period> periods, Collection<Period> taken) {
        List<Period> takenInOrder = merged(taken);
        List<Period> left = new ArrayList<>();
        for (Period period : periods) {
            Instant cursor = period.start();
            for (Period gone : takenInOrder) {
                if (!gone.end().isAfter(cursor) || !gone.start().isBefore(period.end())) {
                    continue;
                }
                if (gone.start().isAfter(cursor)) {
                    left.add(new Period(cursor, gone.start()));
                }
                cursor = latest(cursor, gone.end());
            }
            if (cursor.isBefore(period.end())) {
                left.add(new Period(cursor, period.end()));
            }
        }
        return left;
    }

    static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
