package com.coworkly.commandside.companybilling;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** A bill's month is the space's calendar month, whatever its length and its daylight-saving changes. */
class BillingMonthsTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final BillingMonths calendar = new BillingMonths(null);

    @Test
    void the31stOfJanuaryIsJanuarysAndItClosesAtFebruarysFirstInstantThere() {
        assertThat(calendar.of(Instant.parse("2027-01-31T22:30:00Z"), AMSTERDAM))
                .as("23:30 on 31 January in Amsterdam")
                .isEqualTo(new BillingMonths.BillingMonth(
                        "2027-01", Instant.parse("2027-01-31T23:00:00Z"), Instant.parse("2027-01-31T23:01:00Z")));
    }

    @Test
    void februaryEndsOnThe28thOrThe29th() {
        assertThat(calendar.of(Instant.parse("2027-02-15T12:00:00Z"), AMSTERDAM).closesAt())
                .isEqualTo(Instant.parse("2027-02-28T23:00:00Z"));
        assertThat(calendar.of(Instant.parse("2028-02-15T12:00:00Z"), AMSTERDAM).closesAt())
                .isEqualTo(Instant.parse("2028-02-29T23:00:00Z"));
    }

    @Test
    void aMonthInWhichTheClocksGoForwardClosesOnSummerTime() {
        assertThat(calendar.of(Instant.parse("2027-03-10T12:00:00Z"), AMSTERDAM).closesAt())
                .as("1 April 00:00 CEST")
                .isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
    }

    @Test
    void theMonthIsTheSpacesNotUtcs() {
        assertThat(calendar.of(Instant.parse("2027-04-30T22:30:00Z"), AMSTERDAM).name())
                .as("already 1 May in Amsterdam")
                .isEqualTo("2027-05");
    }

    @Test
    void aConfiguredCycleReplacesTheMonthsWithFixedLengthsFromTheEpoch() {
        BillingMonths cycles = new BillingMonths(Duration.ofSeconds(20));
        assertThat(cycles.of(Instant.parse("2027-04-30T22:30:07Z"), AMSTERDAM))
                .isEqualTo(new BillingMonths.BillingMonth(
                        "2027-04-30T22:30:00Z",
                        Instant.parse("2027-04-30T22:30:20Z"),
                        Instant.parse("2027-04-30T22:30:30Z")));
    }
}
