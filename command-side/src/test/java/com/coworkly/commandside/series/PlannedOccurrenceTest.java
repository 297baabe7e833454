package com.coworkly.commandside.series;

import com.coworkly.events.common.Period;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static com.coworkly.commandside.series.RecurrenceTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 6: occurrences keep their local wall-clock times when the clocks change. */
class PlannedOccurrenceTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aWeeklyMorningStaysNineToElevenLocalAcrossTheSpringChange() {
        // Clocks go forward on Sunday 28 March 2027: 09:00 is 08:00 UTC before, 07:00 UTC after.
        Period first = new Period(Instant.parse("2027-03-22T08:00:00Z"), Instant.parse("2027-03-22T10:00:00Z"));

        List<PlannedOccurrence> planned = PlannedOccurrence.of(first, weekly(3), AMSTERDAM);

        assertThat(planned)
                .extracting(PlannedOccurrence::period)
                .containsExactly(
                        Optional.of(first),
                        Optional.of(new Period(
                                Instant.parse("2027-03-29T07:00:00Z"), Instant.parse("2027-03-29T09:00:00Z"))),
                        Optional.of(new Period(
                                Instant.parse("2027-04-05T07:00:00Z"), Instant.parse("2027-04-05T09:00:00Z"))));
        assertThat(planned)
                .extracting(occurrence -> occurrence.localStart().toLocalTime())
                .containsOnly(LocalTime.of(9, 0));
    }

    @Test
    void aWeeklyMorningStaysNineToElevenLocalAcrossTheAutumnChange() {
        // Clocks go back on Sunday 31 October 2027: 09:00 is 07:00 UTC before, 08:00 UTC after.
        Period first = new Period(Instant.parse("2027-10-25T07:00:00Z"), Instant.parse("2027-10-25T09:00:00Z"));

        List<PlannedOccurrence> planned = PlannedOccurrence.of(first, weekly(2), AMSTERDAM);

        assertThat(planned.get(1).period())
                .contains(new Period(Instant.parse("2027-11-01T08:00:00Z"), Instant.parse("2027-11-01T10:00:00Z")));
    }

    @Test
    void anOccurrenceWhoseLocalTimeTheClocksSkipHasNoPeriod() {
        // 02:30 on 28 March 2027 does not happen in Amsterdam: the clocks jump from 02:00 to 03:00.
        Period first = new Period(Instant.parse("2027-03-27T01:30:00Z"), Instant.parse("2027-03-27T02:00:00Z"));

        List<PlannedOccurrence> planned = PlannedOccurrence.of(first, daily(3), AMSTERDAM);

        assertThat(planned.get(1).localStart()).isEqualTo(LocalDateTime.of(2027, 3, 28, 2, 30));
        assertThat(planned.get(1).period()).isEmpty();
        assertThat(planned.get(2).period())
                .contains(new Period(Instant.parse("2027-03-29T00:30:00Z"), Instant.parse("2027-03-29T01:00:00Z")));
    }

    @Test
    void anOccurrenceWhoseLocalTimeHappensTwiceTakesTheEarlierInstant() {
        // 02:30 on 31 October 2027 happens at +02:00 and again at +01:00 in Amsterdam.
        Period first = new Period(Instant.parse("2027-10-30T00:30:00Z"), Instant.parse("2027-10-30T00:45:00Z"));

        List<PlannedOccurrence> planned = PlannedOccurrence.of(first, daily(2), AMSTERDAM);

        assertThat(planned.get(1).period())
                .contains(new Period(Instant.parse("2027-10-31T00:30:00Z"), Instant.parse("2027-10-31T00:45:00Z")));
    }

    @Test
    void aSeriesHasAtMostFiftyTwoOccurrences() {
        Period first = new Period(Instant.parse("2027-01-04T08:00:00Z"), Instant.parse("2027-01-04T09:00:00Z"));

        assertThat(PlannedOccurrence.of(first, weekly(52), AMSTERDAM)).hasSize(52);
        assertRefused(() -> PlannedOccurrence.of(first, weekly(53), AMSTERDAM), "TOO_MANY_OCCURRENCES");
        assertRefused(
                () -> PlannedOccurrence.of(first, Recurrence.parse("FREQ=DAILY;UNTIL=99991231", AMSTERDAM), AMSTERDAM),
                "TOO_MANY_OCCURRENCES");
    }

    private static Recurrence weekly(int count) {
        return Recurrence.parse("FREQ=WEEKLY;COUNT=" + count, AMSTERDAM);
    }

    private static Recurrence daily(int count) {
        return Recurrence.parse("FREQ=DAILY;COUNT=" + count, AMSTERDAM);
    }
}
