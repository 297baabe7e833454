package com.coworkly.commandside.payment;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;

/** Money to pay back to a member from the payment of their booking. */
public record RefundRequest(BookingId bookingId, MemberId memberId, String paymentId, Money amount) {

    /** A booking is refunded once, so every retry of its refund is the same request to the provider. */
    public String idempotencyKey() {
        return "booking-" + bookingId.value() + "-refund";
    }
}
