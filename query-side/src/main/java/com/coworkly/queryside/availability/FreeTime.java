package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When a resource can still be booked: its opening hours, less what bookings and maintenance blocks occupy,
 * less the past, cut to whole slots. A retired resource takes no new bookings, so it has no free time.
 * Pure computation: the caller brings the occupied periods and the current instant.
 */
record FreeTime(OpeningCalendar calendar, SlotGrid grid, boolean retired) {

    /** The free periods inside {@code range}, in order; each starts and ends on the slot grid. */
    List<Period> within(Period range, Instant now, Collection<Period> occupied) {
        if (retired || !now.isBefore(range.end())) {
            return List.of();
        }
        Period ahead = new Period(Periods.latest(range.start(), now), range.end());
        return Periods.minus(calendar.openWithin(ahead), occupied).stream()
                .map(grid::wholeSlotsOf)
                .flatMap(Optional::stream)
                .toList();
    }
}
