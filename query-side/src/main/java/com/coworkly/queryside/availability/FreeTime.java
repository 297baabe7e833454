package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When a resource can still be booked: its opening hours, less what bookings (with their buffers) and maintenance
 * blocks occupy, less the buffers a new booking would need next to them, less the past, cut to whole slots. A retired
 * resource takes no new bookings, so it has no free time. Pure computation: the caller brings the occupied periods
 * and the current instant.
 */
record FreeTime(OpeningCalendar calendar, SlotGrid grid, Buffers buffers, boolean retired) {

    /**
     * How far outside a range an occupied period can still take free time from it: the longest buffers the API sets
     * (docs/front-desk.md#buffers).
     */
    static final Duration WIDEST_BUFFER = Duration.ofHours(4);

    /** The free periods inside {@code range}, in order; each starts and ends on the slot grid. */
    List<Period> within(Period range, Instant now, Collection<Period> occupied) {
        if (retired || !now.isBefore(range.end())) {
            return List.of();
        }
        Period ahead = new Period(Periods.latest(range.start(), now), range.end());
        // A new booking's buffers must not overlap what is there: its after-buffer the start of what follows, its
        // before-buffer the end of what precedes.
        List<Period> widened = buffers.isNone()
                ? List.copyOf(occupied)
                : occupied.stream()
                        .map(taken -> new Period(
                                taken.start().minus(buffers.after()),
                                taken.end().plus(buffers.before())))
                        .toList();
        return Periods.minus(calendar.openWithin(ahead), widened).stream()
                .map(grid::wholeSlotsOf)
                .flatMap(Optional::stream)
                .toList();
    }
}
