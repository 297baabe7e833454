package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * The instants at which a resource's slots may begin or end: those whose local time of day in the space's
 * zone is a whole number of slots after midnight. A local time skipped when clocks go forward is not on the
 * grid; one repeated when clocks go back is on it both times. The slot divides a day evenly (the catalogue
 * refuses any other), so the grid is the same every day.
 */
record SlotGrid(ZoneId zone, Duration slot) {

    SlotGrid {
        if (slot.isNegative() || slot.isZero()) {
            throw new IllegalArgumentException("a slot must be longer than nothing: " + slot);
        }
    }

    /** The whole slots inside {@code period}: its start moved up and its end down to the grid; empty if none. */
    Optional<Period> wholeSlotsOf(Period period) {
        Instant start = roundUp(period.start());
        Instant end = roundDown(period.end());
        return start.isBefore(end) ? Optional.of(new Period(start, end)) : Optional.empty();
    }

    /**
     * The first grid instant at or after {@code instant}. Within one stretch of constant offset, local time runs
     * with the instant, so the answer is found by arithmetic; if it would fall past the next offset change, the
     * search starts again from that change, under the new offset.
     */
    Instant roundUp(Instant instant) {
        ZoneRules rules = zone.getRules();
        Instant from = instant;
        while (true) {
            long intoSlot = intoSlot(from, rules.getOffset(from));
            Instant aligned = intoSlot == 0 ? from : from.plusNanos(slot.toNanos() - intoSlot);
            ZoneOffsetTransition change = rules.nextTransition(from);
            if (change == null || aligned.isBefore(change.getInstant())) {
                return aligned;
            }
            from = change.getInstant();
        }
    }

    /** The last grid instant at or before {@code instant}; the mirror image of {@link #roundUp}. */
    Instant roundDown(Instant instant) {
        ZoneRules rules = zone.getRules();
        Instant from = instant;
        while (true) {
            Instant aligned = from.minusNanos(intoSlot(from, rules.getOffset(from)));
            // The latest offset change at or before `from` (previousTransition alone finds only earlier ones).
            ZoneOffsetTransition change = rules.previousTransition(from.plusNanos(1));
            if (change == null || !aligned.isBefore(change.getInstant())) {
                return aligned;
            }
            from = change.getInstant().minusNanos(1);
        }
    }

    private long intoSlot(Instant instant, ZoneOffset offset) {
        return instant.atOffset(offset).toLocalTime().toNanoOfDay() % slot.toNanos();
    }
}
