package com.coworkly.commandside.booking;

import com.coworkly.events.common.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The rule "three at a time" (docs/domain.md): at no instant does a member hold more than three live bookings. */
public final class MemberQuota {

    public static final int SIMULTANEOUS_BOOKINGS = 3;

    private MemberQuota() {}

    public static boolean allows(List<Period> liveBookings, Period candidate) {
        return peakOverlapWith(liveBookings, candidate) <= SIMULTANEOUS_BOOKINGS;
    }

    /** How many bookings overlap at the busiest instant of the candidate, the candidate included. */
    static int peakOverlapWith(List<Period> liveBookings, Period candidate) {
        List<Map.Entry<Instant, Integer>> changes = new ArrayList<>();
        for (Period booking : liveBookings) {
            if (booking.overlaps(candidate)) {
                changes.add(Map.entry(max(booking.start(), candidate.start()), +1));
                changes.add(Map.entry(min(booking.end(), candidate.end()), -1));
            }
        }
        // Periods are half-open: one that ends when another starts does not overlap it, so ends count first.
        changes.sort(Comparator.<Map.Entry<Instant, Integer>, Instant>comparing(Map.Entry::getKey)
                .thenComparing(Map.Entry::getValue));
        int current = 0;
        int peak = 0;
        for (Map.Entry<Instant, Integer> change : changes) {
            current += change.getValue();
            peak = Math.max(peak, current);
        }
        return peak + 1;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
