package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** The shapes in which the availability read model answers; times are in the space's zone. */
final class AvailabilityViews {

    private AvailabilityViews() {}

    /** {@code freeSeats}: of a pool of seats, how many are free all through the period; absent for a resource of one. */
    record FreePeriod(
            OffsetDateTime start,
            OffsetDateTime end,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
            Integer freeSeats) {

        /** A free period of a resource of one. */
        FreePeriod(OffsetDateTime start, OffsetDateTime end) {
            this(start, end, null);
        }

        static List<FreePeriod> of(List<Period> free, ZoneId zone) {
            return free.stream().map(period -> of(period, zone, null)).toList();
        }

        static FreePeriod of(Period period, ZoneId zone, Integer freeSeats) {
            return new FreePeriod(
                    period.start().atZone(zone).toOffsetDateTime(),
                    period.end().atZone(zone).toOffsetDateTime(),
                    freeSeats);
        }
    }

    record ResourceFreeTime(String resourceId, String name, String kind, List<FreePeriod> free) {}

    record SpaceAvailability(String spaceId, LocalDate date, String timeZone, List<ResourceFreeTime> resources) {}

    record ResourceAvailability(String resourceId, String timeZone, boolean retired, List<FreePeriod> free) {}
}
