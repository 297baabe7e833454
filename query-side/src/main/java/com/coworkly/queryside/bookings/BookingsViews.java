package com.coworkly.queryside.bookings;

import com.fasterxml.jackson.annotation.JsonInclude;

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
            long price,
            String currency,
            @JsonInclude(JsonInclude.Include.NON_NULL) String seriesId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Cancellation cancellation) {}
}
