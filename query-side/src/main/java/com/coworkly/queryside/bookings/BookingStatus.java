package com.coworkly.queryside.bookings;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a booking is in its life, as the read model stores it. The last three are final: once a booking is
 * cancelled, expired or completed, no later event changes its status.
 */
enum BookingStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    COMPLETED;

    /** Reads a status a client asked for; an unknown name is bad input, answered with the names there are. */
    static BookingStatus named(String name) {
        return Arrays.stream(values())
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of "
                        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
    }
}
