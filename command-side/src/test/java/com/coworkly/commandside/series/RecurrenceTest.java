package com.coworkly.commandside.series;

import com.coworkly.platform.web.BusinessRefusal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule 6: the RRULE subset a series may use, and how it expands. */
class RecurrenceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDateTime MONDAY_NINE = LocalDateTime.of(2026, 12, 7, 9, 0);

    @Test
    void aWeeklyRuleRepeatsOnItsDaysEveryIntervalWeeks() {
        List<LocalDateTime> starts = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5", AMSTERDAM)
                .startsFrom(MONDAY_NINE, 53);

        assertThat(starts)
                .containsExactly(
                        MONDAY_NINE,
                        MONDAY_NINE.plusDays(2),
                        MONDAY_NINE.plusDays(14),
                        MONDAY_NINE.plusDays(16),
                        MONDAY_NINE.plusDays(28));
    }

    @Test
    void aDailyRuleRepeatsEveryDayUntilItsCount() {
        assertThat(Recurrence.parse("FREQ=DAILY;COUNT=3", AMSTERDAM).startsFrom(MONDAY_NINE, 53))
                .containsExactly(MONDAY_NINE, MONDAY_NINE.plusDays(1), MONDAY_NINE.plusDays(2));
    }

    @Test
    void untilADateIncludesThatWholeLocalDay() {
        assertThat(Recurrence.parse("FREQ=WEEKLY;UNTIL=20261221", AMSTERDAM).startsFrom(MONDAY_NINE, 53))
                .containsExactly(MONDAY_NINE, MONDAY_NINE.plusWeeks(1), MONDAY_NINE.plusWeeks(2));
    }

    @Test
    void untilAUtcTimeIsTheLastInstantAnOccurrenceMayStart() {
        // 08:00 UTC is 09:00 in Amsterdam in winter: the third Monday still starts in time, the fourth does not.
        assertThat(Recurrence.parse("FREQ=WEEKLY;UNTIL=20261221T080000Z", AMSTERDAM)
                        .startsFrom(MONDAY_NINE, 53))
                .hasSize(3);
        assertThat(Recurrence.parse("FREQ=WEEKLY;UNTIL=20261221T075959Z", AMSTERDAM)
                        .startsFrom(MONDAY_NINE, 53))
                .hasSize(2);
    }

    @Test
    void namesAreReadWhateverTheirCase() {
        assertThat(Recurrence.parse("freq=weekly;count=2", AMSTERDAM).rule()).isEqualTo("FREQ=WEEKLY;COUNT=2");
    }

    @Test
    void theFirstPeriodMustBeAnOccurrence() {
        Recurrence tuesdays = Recurrence.parse("FREQ=WEEKLY;BYDAY=TU;COUNT=3", AMSTERDAM);

        assertRefused(() -> tuesdays.startsFrom(MONDAY_NINE, 53), "START_NOT_AN_OCCURRENCE");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "FREQ=MONTHLY;COUNT=3                | RECURRENCE_NOT_SUPPORTED",
                "FREQ=HOURLY;COUNT=3                 | RECURRENCE_NOT_SUPPORTED",
                "FREQ=WEEKLY;BYMONTH=1;COUNT=3       | RECURRENCE_NOT_SUPPORTED",
                "FREQ=WEEKLY;WKST=SU;COUNT=3         | RECURRENCE_NOT_SUPPORTED",
                "FREQ=WEEKLY;BYDAY=1MO;COUNT=3       | RECURRENCE_NOT_SUPPORTED",
                "FREQ=WEEKLY;BYDAY=MO                | RECURRENCE_UNBOUNDED",
                "FREQ=WEEKLY;COUNT=3;UNTIL=20270101  | RECURRENCE_INVALID",
                "FREQ=WEEKLY;COUNT=0                 | RECURRENCE_INVALID",
                "FREQ=WEEKLY;INTERVAL=0;COUNT=3      | RECURRENCE_INVALID",
                "FREQ=WEEKLY;COUNT=3;COUNT=4         | RECURRENCE_INVALID",
                "FREQ=WEEKLY;BYDAY=XX;COUNT=3        | RECURRENCE_INVALID",
                "FREQ=WEEKLY;UNTIL=tomorrow          | RECURRENCE_INVALID",
                "COUNT=3                             | RECURRENCE_INVALID",
                "RRULE:FREQ=WEEKLY;COUNT=3           | RECURRENCE_NOT_SUPPORTED",
                "FREQ=WEEKLY;;COUNT=3                | RECURRENCE_INVALID",
                "every monday                        | RECURRENCE_INVALID",
            })
    void anythingOutsideTheSubsetIsRefusedByName(String rule, String code) {
        assertRefused(() -> Recurrence.parse(rule, AMSTERDAM), code);
    }

    static void assertRefused(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOf(BusinessRefusal.class)
                .satisfies(refusal ->
                        assertThat(((BusinessRefusal) refusal).code().name()).isEqualTo(code));
    }
}
