package com.coworkly.commandside.payment;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SeriesId;

/**
 * What a member is asked to pay: a booking's price, or the sum of a series' occurrences paid as one.
 * {@code subject} is {@code booking} or {@code series}, and {@code subjectId} its id.
 */
public record PaymentRequest(String subject, String subjectId, MemberId memberId, Money amount) {

    public static PaymentRequest forBooking(BookingId booking, MemberId member, Money amount) {
        return new PaymentRequest("booking", booking.value(), member, amount);
    }

    public static PaymentRequest forSeries(SeriesId series, MemberId member, Money amount) {
        return new PaymentRequest("series", series.value(), member, amount);
    }

    /** Derived from what is paid, so every retry of the same request is the same request to the provider. */
    public String idempotencyKey() {
        return subject + "-" + subjectId + "-payment";
    }

    /** The provider's metadata key naming what is paid, which its webhooks hand back: {@code booking_id}, … */
    public String metadataKey() {
        return subject + "_id";
    }

    public boolean isForSeries() {
        return subject.equals("series");
    }

    @Override
    public String toString() {
        return subject + " " + subjectId;
    }
}
