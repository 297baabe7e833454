package com.coworkly.commandside.payment;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;

/** A booking's price to be paid by its member. */
public record PaymentRequest(BookingId bookingId, MemberId memberId, Money amount) {

    /** Derived from the booking, so every retry of the same request is the same request to the provider. */
    public String idempotencyKey() {
        return "booking-" + bookingId.value() + "-payment";
    }
}
