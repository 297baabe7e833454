package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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
        return Periods.minus(calendar.openWithin(ahead), widened(occupied)).stream()
                .map(grid::wholeSlotsOf)
                .flatMap(Optional::stream)
                .toList();
    }

    /** A free period of a pool, and how many of its seats are free all through it. */
    record FreeSeats(Period period, int seats) {}

    /**
     * For a pool of {@code seats}: the periods of {@code range} where a seat is free, with how many, on the slot grid.
     * Blocks take the whole pool; each booking takes one seat (docs/front-desk.md#seats).
     */
    List<FreeSeats> seatsWithin(
            Period range, Instant now, Collection<Period> blocks, Collection<Period> bookings, int seats) {
        if (retired || !now.isBefore(range.end())) {
            return List.of();
        }
        Period ahead = new Period(Periods.latest(range.start(), now), range.end());
        List<Period> taken = widened(bookings);
        List<FreeSeats> free = new ArrayList<>();
        for (Period open : Periods.minus(calendar.openWithin(ahead), widened(blocks))) {
            TreeSet<Instant> cuts = new TreeSet<>(List.of(open.start(), open.end()));
            for (Period booking : taken) {
                if (booking.start().isAfter(open.start()) && booking.start().isBefore(open.end())) {
                    cuts.add(booking.start());
                }
                if (booking.end().isAfter(open.start()) && booking.end().isBefore(open.end())) {
                    cuts.add(booking.end());
                }
            }
            Instant from = null;
            int left = -1;
            Instant previous = cuts.first();
            for (Instant cut : cuts.tailSet(previous, false)) {
                Period piece = new Period(previous, cut);
                int seatsLeft =
                        seats - (int) taken.stream().filter(piece::overlaps).count();
                if (seatsLeft != left) {
                    addOnTheGrid(free, from, previous, left);
                    from = previous;
                    left = seatsLeft;
                }
                previous = cut;
            }
            addOnTheGrid(free, from, previous, left);
        }
        return free;
    }

    private void addOnTheGrid(List<FreeSeats> free, Instant from, Instant to, int seatsLeft) {
        if (from != null && seatsLeft > 0) {
            grid.wholeSlotsOf(new Period(from, to)).ifPresent(period -> free.add(new FreeSeats(period, seatsLeft)));
        }
    }

    /**
     * A new booking's buffers must not overlap what is there: its after-buffer the start of what follows, its
     * before-buffer the end of what precedes.
     */
    private List<Period> widened(Collection<Period> occupied) {
        return buffers.isNone()
                ? List.copyOf(occupied)
                : occupied.stream()
                        .map(taken -> new Period(
                                taken.start().minus(buffers.after()),
                                taken.end().plus(buffers.before())))
                        .toList();
    }
}
