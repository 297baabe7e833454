package com.coworkly.commandside.booking;

import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotas per period in the space's zone (docs/front-desk.md#quotas), at Central in Amsterdam. */
class BookingQuotaRuleTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final BookingQuotas TWO_HOURS_A_DAY = new BookingQuotas(Duration.ofHours(2), null, null);

    @Test
    void aBookingThatFillsTheDaysQuotaExactlyIsAllowedAndOneMinuteMoreIsNot() {
        List<Period> booked = List.of(period("2026-12-07T09:00+01:00", "2026-12-07T10:00+01:00"));

        assertThat(BookingQuotaRule.exceededBy(
                        TWO_HOURS_A_DAY, AMSTERDAM, booked, period("2026-12-07T14:00+01:00", "2026-12-07T15:00+01:00")))
                .isEmpty();
        assertThat(BookingQuotaRule.exceededBy(
                        TWO_HOURS_A_DAY, AMSTERDAM, booked, period("2026-12-07T14:00+01:00", "2026-12-07T15:30+01:00")))
                .hasValue(new BookingQuotaRule.Exceeded(BookingQuotaRule.Unit.DAY, Duration.ofHours(2)));
    }

    @Test
    void theDayIsTheSpacesLocalDay() {
        // 23:30 UTC on 7 December is already the 8th in Amsterdam.
        List<Period> booked = List.of(period("2026-12-07T22:30Z", "2026-12-08T00:30Z"));

        assertThat(BookingQuotaRule.exceededBy(
                        TWO_HOURS_A_DAY, AMSTERDAM, booked, period("2026-12-07T20:30Z", "2026-12-07T22:00Z")))
                .as("the 7th in Amsterdam holds only the booking's first half hour, with an hour and a half more")
                .isEmpty();
        assertThat(BookingQuotaRule.exceededBy(
                        TWO_HOURS_A_DAY, AMSTERDAM, booked, period("2026-12-08T08:00Z", "2026-12-08T09:00Z")))
                .as("the 8th holds an hour and a half of it")
                .isPresent();
    }

    @Test
    void aBookingAcrossMidnightCountsInBothDaysByItsPartInEach() {
        Period acrossMidnight = period("2026-12-07T23:00+01:00", "2026-12-08T01:30+01:00");

        assertThat(BookingQuotaRule.exceededBy(TWO_HOURS_A_DAY, AMSTERDAM, List.of(), acrossMidnight))
                .as("one hour on the 7th, an hour and a half on the 8th")
                .isEmpty();
        assertThat(BookingQuotaRule.exceededBy(
                        TWO_HOURS_A_DAY,
                        AMSTERDAM,
                        List.of(period("2026-12-08T10:00+01:00", "2026-12-08T11:00+01:00")),
                        acrossMidnight))
                .isPresent();
    }

    @Test
    void aWeekRunsFromMondayToSundayAndAMonthIsTheCalendarMonth() {
        BookingQuotas threeHoursAWeek = new BookingQuotas(null, Duration.ofHours(3), null);
        List<Period> sunday = List.of(period("2026-12-06T09:00+01:00", "2026-12-06T11:00+01:00"));
        Period monday = period("2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00");
        assertThat(BookingQuotaRule.exceededBy(threeHoursAWeek, AMSTERDAM, sunday, monday))
                .as("Sunday the 6th is the week before")
                .isEmpty();
        assertThat(BookingQuotaRule.exceededBy(
                        threeHoursAWeek,
                        AMSTERDAM,
                        List.of(period("2026-12-13T09:00+01:00", "2026-12-13T11:00+01:00")),
                        monday))
                .as("Sunday the 13th is the same week")
                .hasValue(new BookingQuotaRule.Exceeded(BookingQuotaRule.Unit.WEEK, Duration.ofHours(3)));

        BookingQuotas fourHoursAMonth = new BookingQuotas(null, null, Duration.ofHours(4));
        List<Period> november = List.of(period("2026-11-30T09:00+01:00", "2026-11-30T13:00+01:00"));
        assertThat(BookingQuotaRule.exceededBy(fourHoursAMonth, AMSTERDAM, november, monday))
                .isEmpty();
    }

    @Test
    void theSpanToCountIsTheWidestCappedPeriodTheBookingFallsIn() {
        BookingQuotas dayAndMonth = new BookingQuotas(Duration.ofHours(2), null, Duration.ofHours(20));

        assertThat(BookingQuotaRule.span(
                        dayAndMonth, AMSTERDAM, period("2026-12-07T09:00+01:00", "2026-12-07T11:00+01:00")))
                .isEqualTo(period("2026-12-01T00:00+01:00", "2027-01-01T00:00+01:00"));
    }

    private static Period period(String start, String end) {
        return new Period(
                OffsetDateTime.parse(start).toInstant(),
                OffsetDateTime.parse(end).toInstant());
    }
}
