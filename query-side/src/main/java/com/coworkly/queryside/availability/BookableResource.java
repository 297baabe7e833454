package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;

import java.time.Duration;
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
        boolean retired) {

    FreeTime freeTime() {
        return new FreeTime(new OpeningCalendar(zone, openingHours), new SlotGrid(zone, slot), buffers, retired);
    }
}
