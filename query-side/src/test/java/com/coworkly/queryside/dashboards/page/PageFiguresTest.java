package com.coworkly.queryside.dashboards.page;

import com.coworkly.queryside.dashboards.figures.DashboardViews;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PageFiguresTest {

    @Test
    void moneyIsWrittenWithTheCurrencysSymbolAndFractionDigits() {
        assertThat(PageFigures.money(1200, "EUR")).isEqualTo("€ 12.00");
        assertThat(PageFigures.money(5, "GBP")).isEqualTo("£ 0.05");
        assertThat(PageFigures.money(1200, "JPY")).isEqualTo("¥ 1200");
        assertThat(PageFigures.money(-350, "EUR")).isEqualTo("€ -3.50");
    }

    @Test
    void occupancyIsAPercentageWithOneDecimal() {
        assertThat(PageFigures.percent(new BigDecimal("0.1234"))).isEqualTo("12.3 %");
        assertThat(PageFigures.percent(new BigDecimal("1.0000"))).isEqualTo("100.0 %");
    }

    @Test
    void creditsAreMinutesInTheApiAndHoursOnThePage() {
        PageFigures.Figure credits = PageFigures.credits("creditMinutes", "Credits spent", 90);

        assertThat(credits.text()).isEqualTo("1.5 h");
        assertThat(credits.value()).isEqualTo("90");
    }

    @Test
    void membersFeesAreMoneyInMinorUnits() {
        PageFigures.Figure fees = PageFigures.fees("membershipRevenue.total", "Membership revenue", 4950, "EUR");

        assertThat(fees.text()).isEqualTo("€ 49.50");
        assertThat(fees.value()).isEqualTo("4950");
    }

    @Test
    void aFigureTheApiAnswersAsNullIsShownAsADashWithoutAValue() {
        DashboardViews.Figures nothingOpen = new DashboardViews.Figures(
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                0,
                new DashboardViews.Cancellations(0, 0),
                0,
                new DashboardViews.Revenue(0, 0, 0, 0),
                0,
                null);

        PageFigures.Figure occupancy = PageFigures.OCCUPANCY.of(nothingOpen, "EUR");

        assertThat(occupancy.text()).isEqualTo("–");
        assertThat(occupancy.value()).isEmpty();
    }

    @Test
    void everyFigureKeepsTheValueTheApiAnswers() {
        DashboardViews.Figures figures = new DashboardViews.Figures(
                new BigDecimal("80.00"),
                new BigDecimal("10.50"),
                new BigDecimal("4.00"),
                new BigDecimal("0.1313"),
                3,
                new DashboardViews.Cancellations(1, 2),
                600,
                new DashboardViews.Revenue(4200, 3471, 729, 1800),
                2,
                null);

        assertThat(PageFigures.of(PageFigures.TOTALS, figures, "EUR"))
                .extracting(PageFigures.Figure::key, PageFigures.Figure::value)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("occupancy", "0.1313"),
                        org.assertj.core.groups.Tuple.tuple("cancellations.late", "2"),
                        org.assertj.core.groups.Tuple.tuple("revenue.net", "3471"),
                        org.assertj.core.groups.Tuple.tuple("averageLeadTimeHours", ""));
    }
}
