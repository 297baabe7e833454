package com.coworkly.queryside.dashboards.page;

import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.charts.Charts;
import com.coworkly.queryside.dashboards.figures.DashboardViews.AmountBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Bucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.SpaceDashboard;
import com.coworkly.queryside.dashboards.page.PageFigures.Figure;
import com.coworkly.queryside.dashboards.page.PageFigures.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Everything the dashboard page shows of one {@link SpaceDashboard}, written out for people. */
record DashboardPageView(
        SpaceDashboard dashboard,
        String period,
        List<Figure> totals,
        List<Figure> memberships,
        Charts.BarChart occupancy,
        Charts.BarChart revenue,
        Charts.BarChart cancellations,
        Charts.BarChart membershipRevenue,
        Charts.HeatMap peakHours,
        FigureTable occupancyTable,
        FigureTable revenueTable,
        FigureTable cancellationsTable,
        FigureTable membershipRevenueTable,
        List<HeatRow> peakHourTable,
        List<ResourceRow> resources,
        List<Maintenance> maintenance) {

    /** A chart's numbers as a table, a row per bucket; each cell names its figure and bucket for tests. */
    record FigureTable(List<String> headings, List<FigureRow> rows) {}

    record FigureRow(String bucket, String name, List<Figure> cells) {}

    record HeatRow(String day, List<String> hours) {}

    record ResourceRow(String resourceId, String name, String kind, List<Figure> cells) {}

    record Maintenance(String resource, String start, String end, String reason) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private static final List<Kind> OCCUPANCY =
            List.of(PageFigures.OCCUPANCY, PageFigures.BOOKED_HOURS, PageFigures.OPEN_HOURS, PageFigures.BLOCKED_HOURS);
    private static final List<Kind> REVENUE =
            List.of(PageFigures.GROSS, PageFigures.NET, PageFigures.VAT, PageFigures.REFUNDS, PageFigures.FEES);
    private static final List<Kind> CANCELLATIONS = List.of(PageFigures.BOOKINGS, PageFigures.EARLY, PageFigures.LATE);
    private static final List<Kind> PER_RESOURCE = List.of(
            PageFigures.OCCUPANCY,
            PageFigures.BOOKED_HOURS,
            PageFigures.BOOKINGS,
            PageFigures.EARLY,
            PageFigures.LATE,
            PageFigures.GROSS);
    private static final String MEMBERSHIP_REVENUE = "Membership revenue";
    private static final String CREDITS_SPENT = "Credits spent";

    static DashboardPageView of(SpaceDashboard dashboard) {
        String currency = dashboard.currency();
        List<Bucket> buckets = dashboard.buckets();
        List<String> names = buckets.stream()
                .map(bucket -> name(bucket, dashboard.granularity()))
                .toList();
        List<String> axis = buckets.stream()
                .map(bucket -> axisName(bucket.start(), dashboard.granularity()))
                .toList();
        Charts.BarChart occupancy = Charts.bars(
                "Occupancy",
                "Booked hours as a share of open hours, per " + unit(dashboard.granularity()) + ".",
                buckets,
                names,
                axis,
                List.of(new Charts.Series<>(
                        "Occupancy",
                        "occupancy",
                        bucket -> share(bucket.figures().occupancy()))),
                Charts.Layout.GROUPED,
                value -> PageFigures.percent(BigDecimal.valueOf(value)),
                1);
        Charts.BarChart revenue = Charts.bars(
                "Revenue",
                "Gross and net revenue and refunds in " + currency + ", per " + unit(dashboard.granularity()) + ".",
                buckets,
                names,
                axis,
                List.of(
                        new Charts.Series<>(
                                "Gross",
                                "gross",
                                bucket -> bucket.figures().revenue().gross()),
                        new Charts.Series<>(
                                "Net",
                                "net",
                                bucket -> bucket.figures().revenue().net()),
                        new Charts.Series<>(
                                "Refunds",
                                "refunds",
                                bucket -> bucket.figures().revenue().refunds())),
                Charts.Layout.GROUPED,
                value -> PageFigures.money(Math.round(value), currency),
                1000);
        Charts.BarChart cancellations = Charts.bars(
                "Cancellations",
                "Early and late cancellations, per " + unit(dashboard.granularity()) + ".",
                buckets,
                names,
                axis,
                List.of(
                        new Charts.Series<>(
                                "Early",
                                "early",
                                bucket -> bucket.figures().cancellations().early()),
                        new Charts.Series<>(
                                "Late",
                                "late",
                                bucket -> bucket.figures().cancellations().late())),
                Charts.Layout.STACKED,
                value -> Long.toString(Math.round(value)),
                4);
        // The membership revenue's buckets are the dashboard's: the same range cut the same way.
        List<AmountBucket> fees = dashboard.membershipRevenue().buckets();
        Charts.BarChart membershipRevenue = Charts.bars(
                MEMBERSHIP_REVENUE,
                "Members' fees for periods starting in each " + unit(dashboard.granularity()) + ", in " + currency
                        + ": this space's share of the plans that name it.",
                fees,
                names,
                axis,
                List.of(new Charts.Series<AmountBucket>("Fees", "fees", AmountBucket::amount)),
                Charts.Layout.GROUPED,
                value -> PageFigures.money(Math.round(value), currency),
                1000);
        return new DashboardPageView(
                dashboard,
                DAY.format(dashboard.from()) + " – " + DAY.format(dashboard.to().minusDays(1)),
                PageFigures.of(PageFigures.TOTALS, dashboard.totals(), currency),
                List.of(
                        PageFigures.fees(
                                "membershipRevenue.total",
                                MEMBERSHIP_REVENUE,
                                dashboard.membershipRevenue().total(),
                                currency),
                        PageFigures.credits("creditMinutes", CREDITS_SPENT, dashboard.creditMinutes())),
                occupancy,
                revenue,
                cancellations,
                membershipRevenue,
                Charts.heatMap(hoursOfWeek(dashboard), PageFigures::hours),
                table(OCCUPANCY, buckets, names, currency),
                table(REVENUE, buckets, names, currency),
                table(CANCELLATIONS, buckets, names, currency),
                feesTable(fees, names, currency),
                heatRows(dashboard),
                resources(dashboard),
                maintenance(dashboard));
    }

    private static List<Charts.HourOfWeek> hoursOfWeek(SpaceDashboard dashboard) {
        return dashboard.peakHours().stream()
                .map(hour -> new Charts.HourOfWeek(hour.day(), hour.hour(), hour.bookedHours()))
                .toList();
    }

    private static double share(BigDecimal occupancy) {
        return occupancy == null ? 0 : occupancy.doubleValue();
    }

    private static FigureTable table(List<Kind> kinds, List<Bucket> buckets, List<String> names, String currency) {
        List<FigureRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            rows.add(new FigureRow(
                    buckets.get(i).start().toString(),
                    names.get(i),
                    PageFigures.of(kinds, buckets.get(i).figures(), currency)));
        }
        return new FigureTable(kinds.stream().map(Kind::label).toList(), rows);
    }

    /** Its cells' key is {@code membershipRevenue}: each is the amount of the API's bucket of that name. */
    private static FigureTable feesTable(List<AmountBucket> fees, List<String> names, String currency) {
        List<FigureRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            rows.add(new FigureRow(
                    fees.get(i).start().toString(),
                    names.get(i),
                    List.of(PageFigures.fees(
                            "membershipRevenue", "Fees", fees.get(i).amount(), currency))));
        }
        return new FigureTable(List.of("Fees"), rows);
    }

    private static List<HeatRow> heatRows(SpaceDashboard dashboard) {
        return java.util.Arrays.stream(java.time.DayOfWeek.values())
                .map(day -> new HeatRow(
                        Charts.dayName(day),
                        dashboard.peakHours().stream()
                                .filter(hour -> hour.day() == day)
                                .map(hour ->
                                        hour.bookedHours().stripTrailingZeros().toPlainString())
                                .toList()))
                .toList();
    }

    private static List<ResourceRow> resources(SpaceDashboard dashboard) {
        return dashboard.resources().stream()
                .map(resource -> new ResourceRow(
                        resource.resourceId(),
                        resource.name(),
                        resource.kind(),
                        Stream.concat(
                                        PageFigures.of(PER_RESOURCE, resource.totals(), dashboard.currency()).stream(),
                                        Stream.of(PageFigures.credits(
                                                "creditMinutes", CREDITS_SPENT, resource.creditMinutes())))
                                .toList()))
                .toList();
    }

    private static List<Maintenance> maintenance(SpaceDashboard dashboard) {
        return dashboard.upcomingMaintenance().stream()
                .map(block -> new Maintenance(
                        block.resourceName(), WHEN.format(block.start()), WHEN.format(block.end()), block.reason()))
                .toList();
    }

    static List<String> perResourceHeadings() {
        return Stream.concat(PER_RESOURCE.stream().map(Kind::label), Stream.of(CREDITS_SPENT))
                .toList();
    }

    private static String name(Bucket bucket, Granularity granularity) {
        return switch (granularity) {
            case DAY -> DAY.format(bucket.start());
            case WEEK -> "Week of " + DAY.format(bucket.start());
            case MONTH -> MONTH.format(bucket.start());
        };
    }

    private static String axisName(LocalDate start, Granularity granularity) {
        return granularity == Granularity.MONTH ? MONTH.format(start) : SHORT_DAY.format(start);
    }

    private static String unit(Granularity granularity) {
        return granularity.name().toLowerCase(Locale.ENGLISH);
    }
}
