package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.Period;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A resource as the availability read model knows it, with its space's zone. */
record BookableResource(
        String resourceId,
        String spaceId,
        String kind,
        String name,
        ZoneId zone,
        List<Opening> openingHours,
        Duration slot,
        Buffers buffers,
        int seats,
        boolean retired) {

    /** Its free time in {@code range}: for a pool, with the seats free in each period. */
    List<AvailabilityViews.FreePeriod> freeWithin(Period range, Instant now, AvailabilityQueries.Occupied occupied) {
        FreeTime free = freeTime();
        if (seats > 1) {
            return free.seatsWithin(range, now, occupied.blocks(), occupied.bookings(), seats).stream()
                    .map(period -> AvailabilityViews.FreePeriod.of(period.period(), zone, period.seats()))
                    .toList();
        }
        return AvailabilityViews.FreePeriod.of(free.within(range, now, occupied.all()), zone);
    }

    FreeTime freeTime() {
        return new FreeTime(new OpeningCalendar(zone, openingHours), new SlotGrid(zone, slot), buffers, retired);
    }
}
