package com.coworkly.queryside.dashboards.api;

import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.figures.DashboardViews;
import com.coworkly.queryside.dashboards.figures.DashboardViews.AmountBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Bucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.MembershipRevenue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardCsvTest {

    @Test
    void fieldsAreQuotedWhenTheyMustBe() {
        assertThat(DashboardCsv.field("Window desk")).isEqualTo("Window desk");
        assertThat(DashboardCsv.field("Desk, by the window")).isEqualTo("\"Desk, by the window\"");
        assertThat(DashboardCsv.field("The \"big\" room")).isEqualTo("\"The \"\"big\"\" room\"");
        assertThat(DashboardCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aNameIsNeverReadAsAFormula() {
        assertThat(DashboardCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DashboardCsv.field("@sum")).isEqualTo("'@sum");
    }

    private static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    private static final LocalDate JANUARY = LocalDate.of(2027, 1, 1);
    private static final LocalDate FEBRUARY = LocalDate.of(2027, 2, 1);

    @Test
    void aSpacesRowsCarryItsMembershipRevenuePerBucketAndItsCreditsOverTheRange() {
        DashboardViews.SpaceDashboard dashboard = new DashboardViews.SpaceDashboard(
                "space-1",
                "Harbour Loft",
                "Europe/Amsterdam",
                "EUR",
                DECEMBER,
                FEBRUARY,
                Granularity.MONTH,
                figures(),
                twoMonths(),
                List.of(new DashboardViews.ResourceFigures("desk-1", "Desk", "DESK", figures(), twoMonths(), 180)),
                List.of(),
                List.of(),
                fees("EUR", 4950, 0),
                180);

        List<String[]> rows = rows(DashboardCsv.of(dashboard));

        assertThat(rows.get(0)).endsWith("currency", "membership_revenue", "credit_minutes");
        assertThat(rows.get(1)).as("the space's December").endsWith("EUR", "4950", "");
        assertThat(rows.get(2)).as("the space's January").endsWith("EUR", "0", "");
        assertThat(rows.get(3)).as("the space's totals").endsWith("EUR", "4950", "180");
        assertThat(rows.get(4)).as("the desk's December").endsWith("EUR", "", "");
        assertThat(rows.get(6)).as("the desk's totals").startsWith("space-1", "Harbour Loft", "desk-1");
        assertThat(rows.get(6)).endsWith("EUR", "", "180");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(23));
    }

    @Test
    void theNetworksPlansFollowItsSpacesWithoutASpace() {
        DashboardViews.NetworkSummary network = new DashboardViews.NetworkSummary(
                DECEMBER,
                FEBRUARY,
                Granularity.MONTH,
                List.of(new DashboardViews.SpaceSummary(
                        "space-1", "Harbour Loft", "EUR", figures(), twoMonths(), fees("EUR", 3300, 3300))),
                List.of(fees("EUR", 9900, 19800), fees("GBP", 0, 8000)));

        List<String[]> rows = rows(DashboardCsv.of(network));

        assertThat(rows.get(1)).startsWith("space-1").endsWith("EUR", "3300", "");
        assertThat(rows.get(3)).as("the space's totals").endsWith("EUR", "6600", "");
        assertThat(rows.get(4)).startsWith("", "", "", "", "2026-12-01", "2027-01-01", "");
        assertThat(rows.get(4)).endsWith("", "EUR", "9900", "");
        assertThat(rows.get(6)).as("the EUR plans' totals").startsWith("", "", "", "", "", "");
        assertThat(rows.get(6)).endsWith("EUR", "29700", "");
        assertThat(rows.get(9)).as("the GBP plans' totals").endsWith("GBP", "8000", "");
        assertThat(rows).hasSize(10).allSatisfy(row -> assertThat(row).hasSize(23));
    }

    private static List<String[]> rows(String csv) {
        return csv.lines().map(line -> line.split(",", -1)).toList();
    }

    private static List<Bucket> twoMonths() {
        return List.of(new Bucket(DECEMBER, JANUARY, figures()), new Bucket(JANUARY, FEBRUARY, figures()));
    }

    private static MembershipRevenue fees(String currency, long december, long january) {
        return new MembershipRevenue(
                currency,
                december + january,
                List.of(new AmountBucket(DECEMBER, JANUARY, december), new AmountBucket(JANUARY, FEBRUARY, january)));
    }

    private static DashboardViews.Figures figures() {
        return new DashboardViews.Figures(
                new BigDecimal("744.00"),
                new BigDecimal("2.00"),
                BigDecimal.ZERO,
                new BigDecimal("0.0027"),
                1,
                new DashboardViews.Cancellations(0, 0),
                0,
                new DashboardViews.Revenue(1200, 992, 208, 0),
                1,
                new BigDecimal("72.00"));
    }
}
