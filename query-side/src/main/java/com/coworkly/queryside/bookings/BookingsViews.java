package com.coworkly.queryside.bookings;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The shapes in which the bookings read model answers. Times are in the booking's (its space's) zone. */
final class BookingsViews {

    private BookingsViews() {}

    /** How a cancelled booking was called off; {@code fee} and {@code refund} are minor units of its currency. */
    record Cancellation(OffsetDateTime at, String by, String reason, String note, Long fee, Long refund) {}

    record BookingView(
            String bookingId,
            String resourceId,
            String spaceId,
            String memberId,
            OffsetDateTime start,
            OffsetDateTime end,
            String timeZone,
            BookingStatus status,

            @Schema(
                    description = "what is paid (or to pay) by card, in minor units; or billed to the company"
                            + " billedToCompanyId, on its monthly invoice")
            long price,

            String currency,

            @Schema(description = "the minutes of the booking its member's credits paid")
            long creditMinutes,

            @Schema(description = "the company the price is billed to; absent when the member pays")
            @JsonInclude(JsonInclude.Include.NON_NULL)
            String billedToCompanyId,

            @JsonInclude(JsonInclude.Include.NON_NULL) String seriesId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation) {}
}
