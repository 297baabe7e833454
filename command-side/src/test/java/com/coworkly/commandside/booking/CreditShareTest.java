package com.coworkly.commandside.booking;

import org.junit.jupiter.api.Test;

import static com.coworkly.commandside.booking.BookingTestData.cents;
import static org.assertj.core.api.Assertions.assertThat;

class CreditShareTest {

    @Test
    void theCreditsAreWorthTheirShareOfThePriceHalfUp() {
        CreditShare share = CreditShare.of(cents(1125), 60, 30);

        assertThat(share.creditedValue()).isEqualTo(cents(563));
        assertThat(share.cardPrice()).isEqualTo(cents(562));
    }

    @Test
    void creditsThatCoverTheWholeBookingLeaveNothingForTheCard() {
        assertThat(CreditShare.of(cents(1125), 60, 60).cardPrice()).isEqualTo(cents(0));
    }

    @Test
    void noCreditsLeaveThePriceToTheCard() {
        CreditShare share = CreditShare.of(cents(1125), 60, 0);

        assertThat(share.coversAnything()).isFalse();
        assertThat(share.cardPrice()).isEqualTo(cents(1125));
    }
}
