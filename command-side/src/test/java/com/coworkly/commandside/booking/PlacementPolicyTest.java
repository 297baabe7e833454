package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.CancellationPolicy;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.coworkly.commandside.booking.BookableResource.aDesk;
import static com.coworkly.commandside.booking.BookableResource.aRoundTheClockRoom;
import static com.coworkly.commandside.booking.BookableResource.aWeekOf;
import static com.coworkly.commandside.booking.BookableResource.hourSlots;
import static com.coworkly.commandside.booking.BookableResource.ninetyMinuteSlots;
import static com.coworkly.commandside.booking.BookableResource.quarterHourSlots;
import static com.coworkly.commandside.booking.BookableResource.window;
import static com.coworkly.commandside.booking.BookingTestData.AMSTERDAM;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL;
import static com.coworkly.commandside.booking.BookingTestData.CENTRAL_TERMS;
import static com.coworkly.commandside.booking.BookingTestData.EUR;
import static com.coworkly.commandside.booking.BookingTestData.at;
import static com.coworkly.commandside.booking.BookingTestData.between;
import static com.coworkly.commandside.booking.BookingTestData.cents;
import static com.coworkly.commandside.booking.BookingTestData.euros;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The rule "placement terms" (docs/domain.md). The desk is open on weekdays from eight to eight, in half-hour slots,
 * for one to four hours, up to two weeks ahead; it is Monday 2 March 2026, ten o'clock in Amsterdam.
 */
class PlacementPolicyTest {

    private static final Instant NOW = at("2026-03-02T10:00");

    @Test
    void cannotBookARetiredResource() {
        assertEquals("RESOURCE_RETIRED", refusalOf(aDesk().retired(), between("2026-03-03T10:00", "2026-03-03T11:00")));
    }

    @Test
    void cannotBookAPeriodThatHasAlreadyStarted() {
        assertEquals("BOOKING_IN_THE_PAST", refusalOf(aDesk(), between("2026-03-02T09:30", "2026-03-02T10:30")));
    }

    @Test
    void canBookStartingExactlyNow() {
        assertEquals(euros(10), priceOf(aDesk(), between("2026-03-02T10:00", "2026-03-02T11:00")));
    }

    @Test
    void cannotBookBeyondTheHorizon() {
        assertEquals("BEYOND_BOOKING_HORIZON", refusalOf(aDesk(), between("2026-03-16T10:30", "2026-03-16T11:30")));
    }

    @Test
    void canBookStartingExactlyAtTheHorizon() {
        assertEquals(euros(10), priceOf(aDesk(), between("2026-03-16T10:00", "2026-03-16T11:00")));
    }

    @Test
    void cannotStartBetweenSlots() {
        assertEquals("NOT_ALIGNED_TO_SLOT", refusalOf(aDesk(), between("2026-03-03T10:10", "2026-03-03T11:30")));
    }

    @Test
    void cannotEndBetweenSlots() {
        assertEquals("NOT_ALIGNED_TO_SLOT", refusalOf(aDesk(), between("2026-03-03T10:00", "2026-03-03T11:10")));
    }

    @Test
    void cannotBookShorterThanTheMinimum() {
        assertEquals("BOOKING_TOO_SHORT", refusalOf(aDesk(), between("2026-03-03T10:00", "2026-03-03T10:30")));
    }

    @Test
    void canBookExactlyTheMinimum() {
        assertEquals(euros(10), priceOf(aDesk(), between("2026-03-03T10:00", "2026-03-03T11:00")));
    }

    @Test
    void cannotBookLongerThanTheMaximum() {
        assertEquals("BOOKING_TOO_LONG", refusalOf(aDesk(), between("2026-03-03T10:00", "2026-03-03T14:30")));
    }

    @Test
    void canBookExactlyTheMaximum() {
        assertEquals(euros(40), priceOf(aDesk(), between("2026-03-03T10:00", "2026-03-03T14:00")));
    }

    @Test
    void cannotBookBeforeOpening() {
        assertEquals("OUTSIDE_OPENING_HOURS", refusalOf(aDesk(), between("2026-03-03T07:30", "2026-03-03T08:30")));
    }

    @Test
    void cannotBookAfterClosing() {
        assertEquals("OUTSIDE_OPENING_HOURS", refusalOf(aDesk(), between("2026-03-03T19:30", "2026-03-03T20:30")));
    }

    @Test
    void cannotBookOnAClosedDay() {
        assertEquals("OUTSIDE_OPENING_HOURS", refusalOf(aDesk(), between("2026-03-07T10:00", "2026-03-07T11:00")));
    }

    @Test
    void canBookFromOpeningToClosing() {
        BookableResource openTuesdayMorning = aDesk().openDuring(aWeekOf(window(TUESDAY, "09:00", "12:00")));
        assertEquals(euros(30), priceOf(openTuesdayMorning, between("2026-03-03T09:00", "2026-03-03T12:00")));
    }

    @Test
    void canBookAcrossMidnightWhereAWindowClosingAtMidnightMeetsTheNextDaysOpening() {
        BookableResource openOvernight =
                aDesk().openDuring(aWeekOf(window(MONDAY, "18:00", "00:00"), window(TUESDAY, "00:00", "06:00")));
        assertEquals(euros(20), priceOf(openOvernight, between("2026-03-02T23:00", "2026-03-03T01:00")));
    }

    @Test
    void cannotBookAcrossMidnightWhenTheNextDayOpensLater() {
        BookableResource closedAfterMidnight =
                aDesk().openDuring(aWeekOf(window(MONDAY, "18:00", "00:00"), window(TUESDAY, "06:00", "12:00")));
        assertEquals(
                "OUTSIDE_OPENING_HOURS",
                refusalOf(closedAfterMidnight, between("2026-03-02T23:00", "2026-03-03T01:00")));
    }

    @Test
    void thePriceIsRoundedHalfUpToTheMinorUnit() {
        BookableResource byTheQuarter = aDesk().pricedAt(cents(999)).bookedBy(quarterHourSlots());
        // 999 an hour for a quarter of an hour is 249.75
        assertEquals(cents(250), priceOf(byTheQuarter, between("2026-03-03T10:00", "2026-03-03T10:15")));
    }

    @Test
    void aQuoteCarriesTheSpaceItsTimeZoneItsCancellationPolicyAndTheResourcesBuffers() {
        CancellationPolicy twoHoursAtAQuarter = new CancellationPolicy(Duration.ofHours(2), 25);
        SpaceTerms lenientSpace = new SpaceTerms(EUR, AMSTERDAM, twoHoursAtAQuarter, java.time.Duration.ofHours(24));
        Quote quote = PlacementPolicy.quote(
                aDesk().terms(), lenientSpace, between("2026-03-03T10:00", "2026-03-03T11:00"), NOW);
        assertEquals(new Quote(CENTRAL, AMSTERDAM, euros(10), twoHoursAtAQuarter, Buffers.NONE), quote);
    }

    @Test
    void theNightTheClocksSpringForwardOneToFourLastsTwoHoursAndCostsTwo() {
        assertEquals(euros(20), priceOf(aRoundTheClockRoom(), between("2026-03-29T01:00", "2026-03-29T04:00")));
    }

    @Test
    void theNightTheClocksSpringForwardOneToFourIsShorterThanAThreeHourMinimum() {
        assertEquals(
                "BOOKING_TOO_SHORT",
                refusalOf(
                        aRoundTheClockRoom().bookedBy(hourSlots(3, 8)),
                        between("2026-03-29T01:00", "2026-03-29T04:00")));
    }

    @Test
    void theNightTheClocksFallBackOneToFourLastsFourHoursAndCostsFour() {
        assertEquals(euros(40), priceOf(aRoundTheClockRoom(), between("2026-10-25T01:00", "2026-10-25T04:00")));
    }

    @Test
    void theNightTheClocksFallBackOneToFourIsLongerThanAThreeHourMaximum() {
        assertEquals(
                "BOOKING_TOO_LONG",
                refusalOf(
                        aRoundTheClockRoom().bookedBy(hourSlots(1, 3)),
                        between("2026-10-25T01:00", "2026-10-25T04:00")));
    }

    /** 03:00 summer time is a slot, though only two hours have passed since midnight and it is 01:00 UTC. */
    @Test
    void slotsFollowTheLocalClockOnTheDayTheClocksSpringForward() {
        assertEquals(
                euros(15),
                priceOf(
                        aRoundTheClockRoom().bookedBy(ninetyMinuteSlots()),
                        between("2026-03-29T03:00", "2026-03-29T04:30")));
    }

    /** 03:00 winter time is a slot, though four hours have passed since midnight and it is 02:00 UTC. */
    @Test
    void slotsFollowTheLocalClockOnTheDayTheClocksFallBack() {
        assertEquals(
                euros(15),
                priceOf(
                        aRoundTheClockRoom().bookedBy(ninetyMinuteSlots()),
                        between("2026-10-25T03:00", "2026-10-25T04:30")));
    }

    /** 04:00 winter time is 03:00 UTC, a slot in UTC but not on the local clock. */
    @Test
    void cannotBookOffTheLocalSlotsOnTheDayTheClocksFallBack() {
        assertEquals(
                "NOT_ALIGNED_TO_SLOT",
                refusalOf(
                        aRoundTheClockRoom().bookedBy(ninetyMinuteSlots()),
                        between("2026-10-25T04:00", "2026-10-25T05:30")));
    }

    private static Quote quote(BookableResource resource, Period period) {
        return PlacementPolicy.quote(resource.terms(), CENTRAL_TERMS, period, NOW);
    }

    private static Money priceOf(BookableResource resource, Period period) {
        return quote(resource, period).price();
    }

    private static String refusalOf(BookableResource resource, Period period) {
        return assertThrows(BookingRefusal.class, () -> quote(resource, period))
                .code()
                .name();
    }
}
