package com.coworkly.commandside.booking;

import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;

/**
 * What a member is to pay, for a booking or for a series as one; the checkout opens the payment for it.
 * {@code creditMinutes} is what the member's credits already paid of a booking (a series is paid by card only).
 */
public record PaymentDue(MemberId member, Money amount, long creditMinutes) {

    public PaymentDue(MemberId member, Money amount) {
        this(member, amount, 0);
    }
}
