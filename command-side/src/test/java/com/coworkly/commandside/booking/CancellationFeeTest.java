package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.CancellationPolicy;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.coworkly.commandside.booking.BookingTestData.AN_HOUR;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rule "late-cancellation fee" (docs/domain.md) for members: free until the late window before the start, then the
 * late fee.
 */
class CancellationFeeTest {

    private static final CancellationPolicy A_DAY_AT_HALF_PRICE = new CancellationPolicy(Duration.ofHours(24), 50);
    private static final CancellationPolicy A_DAY_FOR_FREE = new CancellationPolicy(Duration.ofHours(24), 0);
    private static final Instant WHEN_THE_LATE_WINDOW_OPENS = AN_HOUR.start().minus(Duration.ofHours(24));

    @Test
    void cancellingJustBeforeTheLateWindowIsFree() {
        Instant now = WHEN_THE_LATE_WINDOW_OPENS.minusSeconds(1);
        assertEquals(cents(0), CancellationFee.forMember(cents(1000), AN_HOUR, A_DAY_AT_HALF_PRICE, now));
    }

    @Test
    void cancellingExactlyWhenTheLateWindowOpensCostsTheLateFee() {
        assertEquals(
                cents(500),
                CancellationFee.forMember(cents(1000), AN_HOUR, A_DAY_AT_HALF_PRICE, WHEN_THE_LATE_WINDOW_OPENS));
    }

    @Test
    void theLateFeeIsItsShareOfThePriceRoundedHalfUp() {
        Instant anHourBeforeTheStart = AN_HOUR.start().minus(Duration.ofHours(1));
        // half of 11.25 is 5.625
        assertEquals(
                cents(563), CancellationFee.forMember(cents(1125), AN_HOUR, A_DAY_AT_HALF_PRICE, anHourBeforeTheStart));
    }

    @Test
    void aPolicyWithoutALateFeeChargesNothingEvenLate() {
        Instant anHourBeforeTheStart = AN_HOUR.start().minus(Duration.ofHours(1));
        assertEquals(cents(0), CancellationFee.forMember(cents(1125), AN_HOUR, A_DAY_FOR_FREE, anHourBeforeTheStart));
    }
}
