package com.coworkly.queryside.availability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AvailabilityRangeTest {

    private static final Instant FROM = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void aRangeOfUpToThirtyOneDaysIsAccepted() {
        assertThatNoException().isThrownBy(() -> new AvailabilityRange(FROM, FROM.plus(Duration.ofDays(31))));
    }

    @Test
    void aLongerRangeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AvailabilityRange(
                        FROM, FROM.plus(Duration.ofDays(31)).plusSeconds(1)))
                .withMessage("to must be at most 31 days after from");
    }

    @Test
    void anEmptyOrBackwardRangeIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AvailabilityRange(FROM, FROM))
                .withMessage("to must be after from");
        assertThatIllegalArgumentException().isThrownBy(() -> new AvailabilityRange(FROM, FROM.minusSeconds(1)));
    }
}
