package com.coworkly.queryside.companies;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** What the companies read model answers. */
final class CompanyViews {

    private CompanyViews() {}

    record BillingAddress(String street, String postalCode, String city, String countryCode) {}

    record Seat(String memberId, Instant addedAt) {}

    record CompanyView(
            String companyId,
            String name,
            BillingAddress billingAddress,
            @Schema(nullable = true) String vatId,
            List<String> administrators,
            List<Seat> seats,

            @Schema(description = "the team's bookings, credit minutes and spend so far")
            TeamUse use,

            @Schema(
                    description = "the plan the company holds for its seats; absent when it holds none",
                    nullable = true)
            PlanHeld plan) {}

    /**
     * The company's plan and its running period: the fee charged for the seats held when it started, and the minutes
     * it granted to the company's pool. {@code endsAt} once cancelled: the plan ends with this period.
     */
    record PlanHeld(
            String planId,
            String name,
            int revision,
            String homeSpaceId,
            Instant startedAt,
            int periodNumber,
            Instant periodStart,
            Instant periodEnd,
            int seats,

            @Schema(description = "the period's fee, in minor units")
            long fee,

            String currency,

            @Schema(description = "the minutes the period granted to the company's pool")
            long poolMinutes,

            @Schema(nullable = true) Instant endsAt) {}

    /** One of the team's bookings: placed by a member while they held one of the company's seats. */
    record TeamBooking(
            String bookingId,
            String memberId,
            String resourceId,
            String spaceId,
            Instant start,
            Instant end,
            String status,

            @Schema(description = "what was paid or is due by card, in minor units")
            long price,

            String currency,

            @Schema(description = "the minutes the member's credits paid")
            long creditMinutes,

            @Schema(description = "the late fee kept when it was cancelled, in minor units", nullable = true)
            Long fee) {}

    /** The team's use over the bookings listed: their number, credit minutes, and spend (price less refunds). */
    record TeamUse(long bookings, long creditMinutes, List<Spend> spend) {}

    record Spend(long amount, String currency) {}
}
