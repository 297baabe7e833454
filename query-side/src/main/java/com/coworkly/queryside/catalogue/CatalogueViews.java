package com.coworkly.queryside.catalogue;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** The shapes in which the catalogue read model answers. */
final class CatalogueViews {

    private CatalogueViews() {}

    record Address(String street, String postalCode, String city, String countryCode) {}

    record CancellationPolicy(long lateWindowMinutes, int lateFeePercent) {}

    record SpaceView(
            String spaceId,
            String name,
            String timeZone,
            String currency,
            BigDecimal vatRatePercent,
            CancellationPolicy cancellationPolicy,
            Address address,

            @Schema(description = "the most one member may book in the space per day, week and month")
            Quotas quotas) {}

    /** In minutes; each null when the space sets no cap. */
    record Quotas(
            @Schema(nullable = true) Long perDayMinutes,
            @Schema(nullable = true) Long perWeekMinutes,
            @Schema(nullable = true) Long perMonthMinutes) {}

    /** The time the resource keeps free before and after each new booking. */
    record Buffers(int beforeMinutes, int afterMinutes) {}

    record Price(long amount, String currency) {}

    record Window(
            DayOfWeek day,
            @JsonFormat(pattern = "HH:mm") LocalTime opens,
            @JsonFormat(pattern = "HH:mm") LocalTime closes) {}

    record ResourceView(
            String resourceId,
            String spaceId,
            String kind,
            String name,
            int capacity,
            Price hourlyPrice,
            List<Window> openingHours,
            int slotMinutes,
            int minimumMinutes,
            int maximumMinutes,
            int horizonDays,
            boolean retired,
            Buffers buffers,

            @Schema(description = "how many members may book it at once: more than 1 for a pool of seats")
            int seats) {}
}
