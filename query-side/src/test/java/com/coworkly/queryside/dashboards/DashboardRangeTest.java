package com.coworkly.queryside.dashboards;

import com.coworkly.platform.web.BusinessRefusal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardRangeTest {

    @Test
    void weeksStartOnMondayAndAreCutToTheRange() {
        // Wednesday 2 December to Saturday 19 December 2026.
        DashboardRange range = new DashboardRange(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 19), Granularity.WEEK);

        assertThat(range.buckets()).containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 14));
        assertThat(range.endOf(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(range.endOf(LocalDate.of(2026, 12, 14))).isEqualTo(LocalDate.of(2026, 12, 19));
        assertThat(range.bucketOf(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(range.calendarBucketOf(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void monthsAreCalendarMonths() {
        DashboardRange range = new DashboardRange(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 3, 1), Granularity.MONTH);

        assertThat(range.buckets()).containsExactly(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 2, 1));
    }

    @Test
    void anEmptyOrHugeRangeIsRefused() {
        assertThatThrownBy(() -> new DashboardRange(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2), Granularity.DAY))
                .isInstanceOf(BusinessRefusal.class).hasMessageContaining("before");
        assertThatThrownBy(() -> new DashboardRange(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), Granularity.DAY))
                .isInstanceOf(BusinessRefusal.class).hasMessageContaining("400");
        assertThat(new DashboardRange(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1), Granularity.MONTH).buckets())
                .hasSize(72);
    }
}
