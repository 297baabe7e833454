package com.coworkly.queryside.availability;

import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SlotGridTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void anInstantOnTheGridStaysWhereItIs() {
        SlotGrid grid = new SlotGrid(AMSTERDAM, Duration.ofMinutes(30));

        assertThat(grid.roundUp(at("2026-12-07T09:30+01:00"))).isEqualTo(at("2026-12-07T09:30+01:00"));
        assertThat(grid.roundDown(at("2026-12-07T09:30+01:00"))).isEqualTo(at("2026-12-07T09:30+01:00"));
    }

    @Test
    void anInstantOffTheGridMovesToTheNextOrPreviousSlotBoundary() {
        SlotGrid grid = new SlotGrid(AMSTERDAM, Duration.ofMinutes(30));

        assertThat(grid.roundUp(at("2026-12-07T09:00:01+01:00"))).isEqualTo(at("2026-12-07T09:30+01:00"));
        assertThat(grid.roundDown(at("2026-12-07T09:29:59+01:00"))).isEqualTo(at("2026-12-07T09:00+01:00"));
    }

    @Test
    void roundingUpLateInTheDayReachesMidnight() {
        SlotGrid grid = new SlotGrid(AMSTERDAM, Duration.ofMinutes(45));

        assertThat(grid.roundUp(at("2026-12-07T23:30+01:00"))).isEqualTo(at("2026-12-08T00:00+01:00"));
    }

    @Test
    void theGridFollowsLocalTimeNotUtc() {
        SlotGrid grid = new SlotGrid(ZoneId.of("Asia/Kolkata"), Duration.ofHours(1));

        assertThat(grid.roundUp(at("2026-12-07T09:10+05:30"))).isEqualTo(at("2026-12-07T10:00+05:30"));
    }

    @Test
    void aZoneWithoutOffsetChangesIsPlainArithmetic() {
        SlotGrid grid = new SlotGrid(ZoneOffset.UTC, Duration.ofMinutes(15));

        assertThat(grid.roundUp(at("2026-12-07T09:01Z"))).isEqualTo(at("2026-12-07T09:15Z"));
        assertThat(grid.roundDown(at("2026-12-07T09:14Z"))).isEqualTo(at("2026-12-07T09:00Z"));
    }

    @Test
    void roundingUpIntoTheSkippedHourLandsOnTheFirstSlotThatExists() {
        SlotGrid hourly = new SlotGrid(AMSTERDAM, Duration.ofHours(1));
        SlotGrid twoHourly = new SlotGrid(AMSTERDAM, Duration.ofHours(2));

        assertThat(hourly.roundUp(at("2026-03-29T01:50+01:00"))).isEqualTo(at("2026-03-29T03:00+02:00"));
        assertThat(twoHourly.roundUp(at("2026-03-29T01:50+01:00"))).isEqualTo(at("2026-03-29T04:00+02:00"));
    }

    @Test
    void roundingDownAcrossTheSkippedHourSkipsItToo() {
        SlotGrid twoHourly = new SlotGrid(AMSTERDAM, Duration.ofHours(2));

        assertThat(twoHourly.roundDown(at("2026-03-29T03:10+02:00"))).isEqualTo(at("2026-03-29T00:00+01:00"));
    }

    @Test
    void theRepeatedHourIsOnTheGridBothTimes() {
        SlotGrid hourly = new SlotGrid(AMSTERDAM, Duration.ofHours(1));
        SlotGrid twoHourly = new SlotGrid(AMSTERDAM, Duration.ofHours(2));

        assertThat(hourly.roundUp(at("2026-10-25T02:10+02:00"))).isEqualTo(at("2026-10-25T02:00+01:00"));
        assertThat(twoHourly.roundUp(at("2026-10-25T02:10+02:00"))).isEqualTo(at("2026-10-25T02:00+01:00"));
        assertThat(twoHourly.roundDown(at("2026-10-25T02:50+01:00"))).isEqualTo(at("2026-10-25T02:00+01:00"));
        assertThat(twoHourly.roundDown(at("2026-10-25T02:50+02:00"))).isEqualTo(at("2026-10-25T02:00+02:00"));
    }

    @Test
    void wholeSlotsOfAPeriodShorterThanASlotAreNone() {
        SlotGrid grid = new SlotGrid(AMSTERDAM, Duration.ofMinutes(30));

        assertThat(grid.wholeSlotsOf(new Period(at("2026-12-07T09:10+01:00"), at("2026-12-07T09:50+01:00"))))
                .isEmpty();
        assertThat(grid.wholeSlotsOf(new Period(at("2026-12-07T09:10+01:00"), at("2026-12-07T10:00+01:00"))))
                .contains(new Period(at("2026-12-07T09:30+01:00"), at("2026-12-07T10:00+01:00")));
    }

    private static Instant at(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}
