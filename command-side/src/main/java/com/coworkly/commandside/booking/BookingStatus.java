package com.coworkly.commandside.booking;

/** Where a booking is in its life. Only pending and confirmed bookings are live: they hold their slot. */
public enum BookingStatus {
    PENDING_PAYMENT,
    CONFIRMED,
    CANCELLED,
    EXPIRED,
    COMPLETED;

    boolean isLive() {
        return this == PENDING_PAYMENT || this == CONFIRMED;
    }
}
