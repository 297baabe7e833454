package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.Period;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers availability questions: the read model's facts, run through {@link FreeTime} at the current instant. */
@Component
class Availability {

    private final AvailabilityQueries queries;
    private final Clock clock;

    Availability(AvailabilityQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** The free time on one local date of each bookable resource of a space; empty if there is no such space. */
    Optional<AvailabilityViews.SpaceAvailability> onDate(String spaceId, LocalDate date, Optional<ResourceKind> kind) {
        return queries.zoneOfSpace(spaceId).map(zone -> {
            Period day = new Period(
                    date.atStartOfDay(zone).toInstant(),
                    date.plusDays(1).atStartOfDay(zone).toInstant());
            Map<String, AvailabilityQueries.Occupied> occupied = queries.occupiedInSpace(spaceId, day);
            Instant now = clock.instant();
            List<AvailabilityViews.ResourceFreeTime> resources = queries.bookableIn(spaceId, kind).stream()
                    .map(resource -> new AvailabilityViews.ResourceFreeTime(
                            resource.resourceId(),
                            resource.name(),
                            resource.kind(),
                            resource.freeWithin(
                                    day,
                                    now,
                                    occupied.getOrDefault(
                                            resource.resourceId(), AvailabilityQueries.Occupied.NOTHING))))
                    .toList();
            return new AvailabilityViews.SpaceAvailability(spaceId, date, zone.getId(), resources);
        });
    }

    /** The free time of one resource during {@code range}; empty if there is no such resource. */
    Optional<AvailabilityViews.ResourceAvailability> ofResource(String resourceId, AvailabilityRange range) {
        return queries.resource(resourceId).map(resource -> {
            return new AvailabilityViews.ResourceAvailability(
                    resourceId,
                    resource.zone().getId(),
                    resource.retired(),
                    resource.freeWithin(
                            range.period(), clock.instant(), queries.occupiedOf(resourceId, range.period())));
        });
    }
}
