package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The shapes in which the availability read model answers; times are in the space's zone. */
final class AvailabilityViews {

    private AvailabilityViews() {}

    record FreePeriod(OffsetDateTime start, OffsetDateTime end) {

        static List<FreePeriod> of(List<Period> free, ZoneId zone) {
            return free.stream()
                    .map(period -> new FreePeriod(
                            period.start().atZone(zone).toOffsetDateTime(),
                            period.end().atZone(zone).toOffsetDateTime()))
                    .toList();
        }
    }

    record ResourceFreeTime(String resourceId, String name, String kind, List<FreePeriod> free) {}

    record SpaceAvailability(String spaceId, LocalDate date, String timeZone, List<ResourceFreeTime> resources) {}

    record ResourceAvailability(String resourceId, String timeZone, boolean retired, List<FreePeriod> free) {}
}
