package com.coworkly.queryside.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareOfSegmentsTest {

    private static FairShareOfSegments among(int instances) {
        return new FairShareOfSegments(() -> instances, Map.of("bookings", 2, "wide", 5)::get);
    }

    @Test
    void aLoneInstanceHoldsEverySegment() {
        assertThat(among(1).getMaxSegments("bookings")).isEqualTo(2);
    }

    @Test
    void twoInstancesHoldOneOfTwoSegmentsEach() {
        assertThat(among(2).getMaxSegments("bookings")).isEqualTo(1);
    }

    @Test
    void theShareIsRoundedUpSoThatEverySegmentCanBeClaimed() {
        assertThat(among(2).getMaxSegments("wide")).isEqualTo(3);
        assertThat(among(3).getMaxSegments("bookings")).isEqualTo(1);
    }

    @Test
    void aProcessorWithoutTokensYetIsNotLimited() {
        assertThat(among(2).getMaxSegments("notYetStarted")).isEqualTo(Short.MAX_VALUE);
    }

    @Test
    void noCountedInstanceCountsAsThisOne() {
        assertThat(among(0).getMaxSegments("bookings")).isEqualTo(2);
    }
}
