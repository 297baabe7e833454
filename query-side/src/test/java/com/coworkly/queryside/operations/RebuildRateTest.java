package com.coworkly.queryside.operations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class RebuildRateTest {

    private final Instant start = Instant.parse("2026-11-26T10:00:00Z");
    private final RebuildRate rate = new RebuildRate();

    @Test
    void theRateIsTheEventsOverTheSecondsBetweenSamples() {
        rate.record(start, 1_000);
        rate.record(start.plusSeconds(2), 21_000);

        assertThat(rate.eventsPerSecond()).isEqualTo(10_000);
        assertThat(rate.secondsLeft(21_000, 71_000)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void onlyTheLastTenSecondsCount() {
        rate.record(start, 0);
        rate.record(start.plusSeconds(5), 500);
        rate.record(start.plusSeconds(20), 100_500);
        rate.record(start.plusSeconds(21), 101_500);

        assertThat(rate.eventsPerSecond()).isEqualTo(1_000);
    }

    @Test
    void theTimeLeftIsUnknownUntilThereIsARate() {
        rate.record(start, 0);

        assertThat(rate.secondsLeft(0, 100)).isEmpty();
    }

    @Test
    void nothingIsLeftAtTheHead() {
        assertThat(rate.secondsLeft(100, 100)).isEqualTo(OptionalLong.of(0));
    }
}
