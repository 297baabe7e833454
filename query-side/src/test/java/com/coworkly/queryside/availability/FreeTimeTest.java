package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;

class FreeTimeTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    /** A Monday in winter: Amsterdam is at +01:00 all day. */
    private static final LocalDate A_MONDAY = LocalDate.of(2026, 12, 7);

    private static final LocalDate SPRING_FORWARD = LocalDate.of(2026, 3, 29);
    private static final LocalDate FALL_BACK = LocalDate.of(2026, 10, 25);

    @Nested
    class OnAnOrdinaryDay {

        private final FreeTime desk = resource(Duration.ofMinutes(30), open(MONDAY, "08:00", "20:00"));

        @Test
        void theWholeOpeningWindowIsFree() {
            assertThat(desk.within(day(A_MONDAY), LONG_AGO, List.of()))
                    .containsExactly(period("2026-12-07T08:00+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void aBookingInTheMiddleSplitsTheFreeTime() {
            List<Period> occupied = List.of(period("2026-12-07T10:00+01:00", "2026-12-07T12:00+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied))
                    .containsExactly(
                            period("2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00"),
                            period("2026-12-07T12:00+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void aBlockAtOpeningTimeDelaysTheFreeTime() {
            List<Period> occupied = List.of(period("2026-12-07T07:00+01:00", "2026-12-07T09:00+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied))
                    .containsExactly(period("2026-12-07T09:00+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void overlappingAndTouchingOccupationsTakeTheirUnion() {
            List<Period> occupied = List.of(
                    period("2026-12-07T11:00+01:00", "2026-12-07T13:00+01:00"),
                    period("2026-12-07T10:00+01:00", "2026-12-07T12:00+01:00"),
                    period("2026-12-07T13:00+01:00", "2026-12-07T14:00+01:00"),
                    period("2026-12-07T19:00+01:00", "2026-12-08T09:00+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied))
                    .containsExactly(
                            period("2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00"),
                            period("2026-12-07T14:00+01:00", "2026-12-07T19:00+01:00"));
        }

        @Test
        void aFullyBookedDayHasNoFreeTime() {
            List<Period> occupied = List.of(period("2026-12-07T08:00+01:00", "2026-12-07T20:00+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied)).isEmpty();
        }

        @Test
        void aDayWithoutOpeningHoursHasNoFreeTime() {
            assertThat(desk.within(day(A_MONDAY.plusDays(1)), LONG_AGO, List.of()))
                    .isEmpty();
        }

        @Test
        void aLunchBreakSeparatesTwoWindowsAndWindowsThatMeetJoin() {
            FreeTime room = resource(
                    Duration.ofMinutes(30),
                    open(MONDAY, "08:00", "12:00"),
                    open(MONDAY, "13:00", "15:00"),
                    open(MONDAY, "15:00", "18:00"));

            assertThat(room.within(day(A_MONDAY), LONG_AGO, List.of()))
                    .containsExactly(
                            period("2026-12-07T08:00+01:00", "2026-12-07T12:00+01:00"),
                            period("2026-12-07T13:00+01:00", "2026-12-07T18:00+01:00"));
        }

        @Test
        void onlyTheAskedRangeIsAnswered() {
            Period range = period("2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00");

            assertThat(desk.within(range, LONG_AGO, List.of())).containsExactly(range);
        }
    }

    @Nested
    class AcrossMidnight {

        private final FreeTime office =
                resource(Duration.ofMinutes(60), open(MONDAY, "20:00", "00:00"), open(TUESDAY, "00:00", "06:00"));

        @Test
        void windowsMeetingAtMidnightAreOneFreePeriod() {
            Period twoDays = period("2026-12-07T00:00+01:00", "2026-12-09T00:00+01:00");

            assertThat(office.within(twoDays, LONG_AGO, List.of()))
                    .containsExactly(period("2026-12-07T20:00+01:00", "2026-12-08T06:00+01:00"));
        }

        @Test
        void aWindowClosingAtMidnightRunsToTheEndOfItsDay() {
            assertThat(office.within(day(A_MONDAY), LONG_AGO, List.of()))
                    .containsExactly(period("2026-12-07T20:00+01:00", "2026-12-08T00:00+01:00"));
        }

        @Test
        void aBookingOverMidnightSplitsTheJoinedPeriod() {
            Period twoDays = period("2026-12-07T00:00+01:00", "2026-12-09T00:00+01:00");
            List<Period> occupied = List.of(period("2026-12-07T23:00+01:00", "2026-12-08T01:00+01:00"));

            assertThat(office.within(twoDays, LONG_AGO, occupied))
                    .containsExactly(
                            period("2026-12-07T20:00+01:00", "2026-12-07T23:00+01:00"),
                            period("2026-12-08T01:00+01:00", "2026-12-08T06:00+01:00"));
        }
    }

    @Nested
    class WhenClocksGoForward {

        @Test
        void aRoundTheClockDayLastsTwentyThreeHours() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "00:00", "00:00"));

            List<Period> free = desk.within(day(SPRING_FORWARD), LONG_AGO, List.of());

            assertThat(free).containsExactly(period("2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00"));
            assertThat(free.get(0).length()).isEqualTo(Duration.ofHours(23));
        }

        @Test
        void openingHoursAfterTheChangeKeepTheirLocalTimes() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "08:00", "20:00"));

            assertThat(desk.within(day(SPRING_FORWARD), LONG_AGO, List.of()))
                    .containsExactly(period("2026-03-29T08:00+02:00", "2026-03-29T20:00+02:00"));
        }

        @Test
        void aWindowEdgeInTheSkippedHourMovesForwardByTheGap() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "02:30", "06:00"));

            assertThat(desk.within(day(SPRING_FORWARD), LONG_AGO, List.of()))
                    .containsExactly(period("2026-03-29T03:30+02:00", "2026-03-29T06:00+02:00"));
        }

        @Test
        void aWindowSpanningTheChangeIsAnHourShorter() {
            FreeTime desk = resource(Duration.ofMinutes(60), open(SUNDAY, "01:00", "04:00"));

            List<Period> free = desk.within(day(SPRING_FORWARD), LONG_AGO, List.of());

            assertThat(free).containsExactly(period("2026-03-29T01:00+01:00", "2026-03-29T04:00+02:00"));
            assertThat(free.get(0).length()).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void theSkippedLocalTimesAreNotOnTheSlotGrid() {
            FreeTime desk = resource(Duration.ofHours(2), open(SUNDAY, "00:00", "00:00"));
            List<Period> occupied = List.of(period("2026-03-29T00:00+01:00", "2026-03-29T01:30+01:00"));

            // 02:00 does not exist that night, so the next two-hour slot begins at 04:00.
            assertThat(desk.within(day(SPRING_FORWARD), LONG_AGO, occupied))
                    .containsExactly(period("2026-03-29T04:00+02:00", "2026-03-30T00:00+02:00"));
        }
    }

    @Nested
    class WhenClocksGoBack {

        @Test
        void aRoundTheClockDayLastsTwentyFiveHours() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "00:00", "00:00"));

            List<Period> free = desk.within(day(FALL_BACK), LONG_AGO, List.of());

            assertThat(free).containsExactly(period("2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00"));
            assertThat(free.get(0).length()).isEqualTo(Duration.ofHours(25));
        }

        @Test
        void openingHoursAfterTheChangeKeepTheirLocalTimes() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "08:00", "20:00"));

            assertThat(desk.within(day(FALL_BACK), LONG_AGO, List.of()))
                    .containsExactly(period("2026-10-25T08:00+01:00", "2026-10-25T20:00+01:00"));
        }

        @Test
        void aWindowEdgeInTheRepeatedHourMeansItsFirstOccurrence() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(SUNDAY, "02:30", "06:00"));

            List<Period> free = desk.within(day(FALL_BACK), LONG_AGO, List.of());

            assertThat(free).containsExactly(period("2026-10-25T02:30+02:00", "2026-10-25T06:00+01:00"));
            assertThat(free.get(0).length()).isEqualTo(Duration.ofMinutes(270));
        }

        @Test
        void theRepeatedLocalTimesAreOnTheSlotGridBothTimes() {
            FreeTime desk = resource(Duration.ofHours(2), open(SUNDAY, "00:00", "00:00"));
            List<Period> occupied = List.of(period("2026-10-25T00:00+02:00", "2026-10-25T02:30+02:00"));

            // After 02:30 summer time the clock reads 02:00 again, which starts a two-hour slot.
            assertThat(desk.within(day(FALL_BACK), LONG_AGO, occupied))
                    .containsExactly(period("2026-10-25T02:00+01:00", "2026-10-26T00:00+01:00"));
        }
    }

    @Nested
    class OnTheSlotGrid {

        @Test
        void windowsOffTheGridShrinkToWholeSlots() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(MONDAY, "08:10", "19:50"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, List.of()))
                    .containsExactly(period("2026-12-07T08:30+01:00", "2026-12-07T19:30+01:00"));
        }

        @Test
        void aBlockOffTheGridFreesOnlyTheWholeSlotsAroundIt() {
            FreeTime desk = resource(Duration.ofMinutes(15), open(MONDAY, "08:00", "20:00"));
            List<Period> occupied = List.of(period("2026-12-07T10:05+01:00", "2026-12-07T10:20+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied))
                    .containsExactly(
                            period("2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00"),
                            period("2026-12-07T10:30+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void aGapShorterThanASlotIsNotFree() {
            FreeTime desk = resource(Duration.ofMinutes(30), open(MONDAY, "08:00", "20:00"));
            List<Period> occupied = List.of(
                    period("2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00"),
                    period("2026-12-07T10:20+01:00", "2026-12-07T20:00+01:00"));

            assertThat(desk.within(day(A_MONDAY), LONG_AGO, occupied)).isEmpty();
        }

        @Test
        void theGridIsAlignedToLocalMidnightNotToTheHourInUtc() {
            FreeTime room = resource(Duration.ofHours(3), open(MONDAY, "00:00", "00:00"));
            List<Period> occupied = List.of(period("2026-12-07T00:00+01:00", "2026-12-07T01:00+01:00"));

            assertThat(room.within(day(A_MONDAY), LONG_AGO, occupied))
                    .containsExactly(period("2026-12-07T03:00+01:00", "2026-12-08T00:00+01:00"));
        }
    }

    @Nested
    class InTime {

        private final FreeTime desk = resource(Duration.ofMinutes(15), open(MONDAY, "08:00", "20:00"));

        @Test
        void thePastIsCutOffAndTheFreeTimeStartsAtTheNextSlot() {
            Instant now = OffsetDateTime.parse("2026-12-07T13:17+01:00").toInstant();

            assertThat(desk.within(day(A_MONDAY), now, List.of()))
                    .containsExactly(period("2026-12-07T13:30+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void nowOnTheGridIsStillFree() {
            Instant now = OffsetDateTime.parse("2026-12-07T13:15+01:00").toInstant();

            assertThat(desk.within(day(A_MONDAY), now, List.of()))
                    .containsExactly(period("2026-12-07T13:15+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void aDayInThePastHasNoFreeTime() {
            Instant now = OffsetDateTime.parse("2026-12-08T09:00+01:00").toInstant();

            assertThat(desk.within(day(A_MONDAY), now, List.of())).isEmpty();
        }

        @Test
        void afterClosingTimeTodayHasNoFreeTime() {
            Instant now = OffsetDateTime.parse("2026-12-07T19:50+01:00").toInstant();

            assertThat(desk.within(day(A_MONDAY), now, List.of())).isEmpty();
        }
    }

    @Nested
    class WithBuffers {

        /** A room cleaned for 15 minutes after each meeting and set up for 30 before. */
        private final FreeTime room =
                resource(Duration.ofMinutes(15), Buffers.ofMinutes(30, 15), open(MONDAY, "08:00", "20:00"));

        @Test
        void theBuffersANewBookingNeedsAreTakenOutNextToWhatIsOccupied() {
            // The booking of 10:00 to 12:00 holds 09:30 to 12:15 with its own buffers.
            List<Period> occupied = List.of(period("2026-12-07T09:30+01:00", "2026-12-07T12:15+01:00"));

            assertThat(room.within(day(A_MONDAY), LONG_AGO, occupied))
                    .as("a new booking must end 15 minutes before 09:30 and start 30 minutes after 12:15")
                    .containsExactly(
                            period("2026-12-07T08:00+01:00", "2026-12-07T09:15+01:00"),
                            period("2026-12-07T12:45+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void openingAndClosingTimesNeedNoBuffer() {
            assertThat(room.within(day(A_MONDAY), LONG_AGO, List.of()))
                    .containsExactly(period("2026-12-07T08:00+01:00", "2026-12-07T20:00+01:00"));
        }

        @Test
        void aBookingJustOutsideTheRangeStillTakesItsBufferFromIt() {
            Period morning = period("2026-12-07T08:00+01:00", "2026-12-07T10:00+01:00");
            List<Period> occupied = List.of(period("2026-12-07T10:00+01:00", "2026-12-07T11:00+01:00"));

            assertThat(room.within(morning, LONG_AGO, occupied))
                    .containsExactly(period("2026-12-07T08:00+01:00", "2026-12-07T09:45+01:00"));
        }
    }

    @Nested
    class OfAPoolOfSeats {

        private final FreeTime hotDesks = resource(Duration.ofMinutes(30), open(MONDAY, "08:00", "20:00"));

        @Test
        void eachPeriodSaysHowManySeatsAreFreeAndAFullPeriodIsNotFree() {
            List<Period> bookings = List.of(
                    period("2026-12-07T09:00+01:00", "2026-12-07T12:00+01:00"),
                    period("2026-12-07T10:00+01:00", "2026-12-07T11:00+01:00"));

            assertThat(hotDesks.seatsWithin(day(A_MONDAY), LONG_AGO, List.of(), bookings, 2))
                    .containsExactly(
                            new FreeTime.FreeSeats(period("2026-12-07T08:00+01:00", "2026-12-07T09:00+01:00"), 2),
                            new FreeTime.FreeSeats(period("2026-12-07T09:00+01:00", "2026-12-07T10:00+01:00"), 1),
                            new FreeTime.FreeSeats(period("2026-12-07T11:00+01:00", "2026-12-07T12:00+01:00"), 1),
                            new FreeTime.FreeSeats(period("2026-12-07T12:00+01:00", "2026-12-07T20:00+01:00"), 2));
        }

        @Test
        void aBlockTakesEverySeat() {
            List<Period> blocks = List.of(period("2026-12-07T08:00+01:00", "2026-12-07T14:00+01:00"));

            assertThat(hotDesks.seatsWithin(day(A_MONDAY), LONG_AGO, blocks, List.of(), 5))
                    .containsExactly(
                            new FreeTime.FreeSeats(period("2026-12-07T14:00+01:00", "2026-12-07T20:00+01:00"), 5));
        }
    }

    @Test
    void aRetiredResourceHasNoFreeTime() {
        FreeTime retired = new FreeTime(
                new OpeningCalendar(AMSTERDAM, List.of(open(MONDAY, "08:00", "20:00"))),
                new SlotGrid(AMSTERDAM, Duration.ofMinutes(30)),
                Buffers.NONE,
                true);

        assertThat(retired.within(day(A_MONDAY), LONG_AGO, List.of())).isEmpty();
    }

    private static FreeTime resource(Duration slot, Opening... week) {
        return resource(slot, Buffers.NONE, week);
    }

    private static FreeTime resource(Duration slot, Buffers buffers, Opening... week) {
        return new FreeTime(
                new OpeningCalendar(AMSTERDAM, Arrays.asList(week)), new SlotGrid(AMSTERDAM, slot), buffers, false);
    }

    private static Opening open(DayOfWeek day, String opens, String closes) {
        return new Opening(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    private static Period day(LocalDate date) {
        return new Period(
                date.atStartOfDay(AMSTERDAM).toInstant(),
                date.plusDays(1).atStartOfDay(AMSTERDAM).toInstant());
    }

    private static Period period(String start, String end) {
        return new Period(
                OffsetDateTime.parse(start).toInstant(),
                OffsetDateTime.parse(end).toInstant());
    }
}
