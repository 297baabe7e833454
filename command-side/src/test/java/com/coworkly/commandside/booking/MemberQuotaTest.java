package com.coworkly.commandside.booking;

import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.coworkly.commandside.booking.BookingTestData.between;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule "three at a time" (docs/domain.md): at no instant does a member hold more than three live bookings, on any
 * resources.
 */
class MemberQuotaTest {

    @Test
    void aMemberMayHoldThreeBookingsAtOnce() {
        List<Period> live = List.of(tuesday("10:00", "12:00"), tuesday("10:00", "12:00"));
        assertTrue(MemberQuota.allows(live, tuesday("10:00", "12:00")));
    }

    @Test
    void cannotBookAFourthOverlappingThreeThatOverlapEachOther() {
        List<Period> live = List.of(tuesday("09:00", "12:00"), tuesday("10:00", "12:00"), tuesday("11:00", "13:00"));
        assertFalse(MemberQuota.allows(live, tuesday("11:00", "12:00")));
    }

    @Test
    void canBookAcrossFourChainedBookingsOfWhichAtMostTwoOverlapAtAnyInstant() {
        List<Period> live = List.of(
                tuesday("09:00", "11:00"),
                tuesday("10:00", "12:00"),
                tuesday("11:00", "13:00"),
                tuesday("12:00", "14:00"));
        assertTrue(MemberQuota.allows(live, tuesday("09:00", "14:00")));
    }

    @Test
    void aBookingThatEndsWhenAnotherStartsDoesNotOverlapIt() {
        List<Period> live = List.of(tuesday("10:00", "12:00"), tuesday("10:00", "12:00"), tuesday("12:00", "14:00"));
        assertTrue(MemberQuota.allows(live, tuesday("10:00", "14:00")));
    }

    @Test
    void canBookStartingWhenThreeBookingsEnd() {
        List<Period> live = List.of(tuesday("10:00", "12:00"), tuesday("10:00", "12:00"), tuesday("10:00", "12:00"));
        assertTrue(MemberQuota.allows(live, tuesday("12:00", "13:00")));
    }

    @Test
    void bookingsOutsideTheCandidateDoNotCount() {
        List<Period> live = List.of(
                tuesday("08:00", "09:00"),
                tuesday("08:00", "09:00"),
                tuesday("08:00", "09:00"),
                tuesday("10:00", "11:00"));
        assertTrue(MemberQuota.allows(live, tuesday("10:00", "11:00")));
    }

    /** A period on Tuesday 10 March 2026, Amsterdam time. */
    private static Period tuesday(String localStart, String localEnd) {
        return between("2026-03-10T" + localStart, "2026-03-10T" + localEnd);
    }
}
