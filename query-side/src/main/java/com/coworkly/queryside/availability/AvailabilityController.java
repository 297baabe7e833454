package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.queryside.consistency.ReadYourWrites;
import com.coworkly.queryside.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

@RestController
@Tag(name = "Availability")
class AvailabilityController {

    private final Availability availability;

    AvailabilityController(Availability availability) {
        this.availability = availability;
    }

    @GetMapping("/api/availability")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(AvailabilityProjection.GROUP)
    @Operation(summary = "Free periods on one local date of each bookable resource of a space (any signed-in role)")
    AvailabilityViews.SpaceAvailability onDate(
            @RequestParam String spaceId,
            @Parameter(description = "a date in the space's zone, e.g. 2026-12-07")
                    @RequestParam
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate date,
            @Parameter(
                            description =
                                    "only resources of this kind: DESK, MEETING_ROOM, OFFICE, PHONE_BOOTH, EVENT_SPACE")
                    @RequestParam(required = false)
                    String kind,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        return availability
                .onDate(spaceId, date, Optional.ofNullable(kind).map(AvailabilityController::kindNamed))
                .orElseThrow(() -> NotFound.space(spaceId));
    }

    @GetMapping("/api/resources/{resourceId}/availability")
    @PreAuthorize("isAuthenticated()")
    @ReadYourWrites(AvailabilityProjection.GROUP)
    @Operation(summary = "Free periods of one resource in [from, to), at most 31 days (any signed-in role)")
    AvailabilityViews.ResourceAvailability ofResource(
            @PathVariable String resourceId,
            @Parameter(description = "ISO-8601 date-time with offset, e.g. 2026-12-07T00:00:00+01:00") @RequestParam
                    OffsetDateTime from,
            @Parameter(description = "ISO-8601 date-time with offset; exclusive, at most 31 days after from")
                    @RequestParam
                    OffsetDateTime to,
            @Parameter(description = "an X-Event-Position to wait for") @RequestParam(required = false) Long after) {
        AvailabilityRange range = new AvailabilityRange(from.toInstant(), to.toInstant());
        return availability.ofResource(resourceId, range).orElseThrow(() -> NotFound.resource(resourceId));
    }

    private static ResourceKind kindNamed(String name) {
        return Arrays.stream(ResourceKind.values())
                .filter(kind -> kind.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be one of "
                        + Arrays.stream(ResourceKind.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
