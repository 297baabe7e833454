package com.coworkly.queryside.dashboards.figures;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.dashboards.Granularity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardRangeTest {

    @Test
    void weeksStartOnMondayAndAreCutToTheRange() {
        // Wednesday 2 December to Saturday 19 December 2026.
        DashboardRange range =
                new DashboardRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 19), Granularity.WEEK);

        assertThat(range.buckets())
                .containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 14));
        assertThat(range.endOf(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(range.endOf(LocalDate.of(2026, 12, 14))).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(range.bucketOf(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(range.calendarBucketOf(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void monthsAreCalendarMonths() {
        DashboardRange range =
                new DashboardRange(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 1), Granularity.MONTH);

        assertThat(range.buckets()).containsExactly(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1));
    }

    @Test
    void aRangeIsItsWholeBucketsAndThePartsOfBucketsAtItsEnds() {
        // Wednesday 2 December 2026 to Wednesday 23 December: whole weeks from Monday 7 to Monday 21.
        DashboardRange weeks =
                new DashboardRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 23), Granularity.WEEK);

        assertThat(weeks.wholeBuckets()).isEqualTo(stretch("2026-12-07", "2026-12-21"));
        assertThat(weeks.partialBuckets())
                .containsExactly(stretch("2026-12-02", "2026-12-07"), stretch("2026-12-21", "2026-12-23"));
    }

    @Test
    void aRangeOnBucketBoundariesHasNoPartialBuckets() {
        DashboardRange months =
                new DashboardRange(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), Granularity.MONTH);
        DashboardRange days = new DashboardRange(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 9), Granularity.DAY);

        assertThat(months.wholeBuckets()).isEqualTo(stretch("2026-01-01", "2027-01-01"));
        assertThat(months.partialBuckets()).isEmpty();
        assertThat(days.wholeBuckets()).isEqualTo(stretch("2026-01-05", "2026-01-09"));
        assertThat(days.partialBuckets()).isEmpty();
    }

    @Test
    void aRangeWithoutAWholeBucketIsAllPartial() {
        // Inside one week (Wednesday to Friday), and across two (Wednesday to the next Tuesday).
        DashboardRange inOne =
                new DashboardRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), Granularity.WEEK);
        DashboardRange acrossTwo =
                new DashboardRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 8), Granularity.WEEK);

        assertThat(inOne.wholeBuckets().isEmpty()).isTrue();
        assertThat(inOne.partialBuckets()).containsExactly(stretch("2026-12-02", "2026-12-04"));
        assertThat(acrossTwo.wholeBuckets().isEmpty()).isTrue();
        assertThat(acrossTwo.partialBuckets())
                .containsExactly(stretch("2026-12-02", "2026-12-07"), stretch("2026-12-07", "2026-12-08"));
    }

    private static DashboardRange.Stretch stretch(String start, String end) {
        return new DashboardRange.Stretch(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void anEmptyOrHugeRangeIsRefused() {
        assertThatThrownBy(
                        () -> new DashboardRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2), Granularity.DAY))
                .isInstanceOf(BusinessRefusal.class)
                .hasMessageContaining("before");
        assertThatThrownBy(
                        () -> new DashboardRange(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), Granularity.DAY))
                .isInstanceOf(BusinessRefusal.class)
                .hasMessageContaining("400");
        assertThat(new DashboardRange(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), Granularity.MONTH).buckets())
                .hasSize(72);
    }
}
