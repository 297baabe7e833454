package com.coworkly.queryside.dashboards.api;

import com.coworkly.queryside.dashboards.figures.DashboardViews;
import com.coworkly.queryside.dashboards.figures.DashboardViews.AmountBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Bucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Figures;
import com.coworkly.queryside.dashboards.figures.DashboardViews.MembershipRevenue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The dashboards' figures as CSV (RFC 4180): one row per bucket, of the space and then of each resource, and a
 * row of totals for each ({@code bucket_start} empty). Money in minor units and hours as in the JSON.
 * {@code membership_revenue} is on the space's rows (a fee belongs to a space, not to a resource) and
 * {@code credit_minutes} on the totals rows of the space and of each resource (the JSON has them over the range
 * only); elsewhere they are empty. The network's CSV ends with rows for the plans of the whole network, one set per
 * currency, whose space is empty and which carry only {@code membership_revenue}.
 */
final class DashboardCsv {

    private static final String HEADER = "space_id,space_name,resource_id,resource_name,bucket_start,bucket_end,"
            + "open_hours,booked_hours,blocked_hours,occupancy,bookings,cancellations_early,cancellations_late,"
            + "late_cancellation_fees,revenue_gross,revenue_net,revenue_vat,refunds,unique_members,"
            + "average_lead_time_hours,currency,membership_revenue,credit_minutes\r\n";

    /** The booking figures of a row that has none: a row of a plan for the whole network. */
    private static final List<String> NO_FIGURES = Collections.nCopies(14, "");

    /** Whose figures a row holds: a space, a resource of it, or (all empty) the whole network. */
    private record Of(String spaceId, String spaceName, String resourceId, String resourceName) {}

    private DashboardCsv() {}

    static String of(DashboardViews.SpaceDashboard dashboard) {
        StringBuilder csv = new StringBuilder(HEADER);
        Of space = new Of(dashboard.spaceId(), dashboard.spaceName(), "", "");
        rows(
                csv,
                space,
                dashboard.totals(),
                dashboard.buckets(),
                dashboard.currency(),
                dashboard.membershipRevenue(),
                Long.toString(dashboard.creditMinutes()));
        for (DashboardViews.ResourceFigures resource : dashboard.resources()) {
            rows(
                    csv,
                    new Of(dashboard.spaceId(), dashboard.spaceName(), resource.resourceId(), resource.name()),
                    resource.totals(),
                    resource.buckets(),
                    dashboard.currency(),
                    null,
                    Long.toString(resource.creditMinutes()));
        }
        return csv.toString();
    }

    static String of(DashboardViews.NetworkSummary network) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (DashboardViews.SpaceSummary space : network.spaces()) {
            rows(
                    csv,
                    new Of(space.spaceId(), space.spaceName(), "", ""),
                    space.totals(),
                    space.buckets(),
                    space.currency(),
                    space.membershipRevenue(),
                    "");
        }
        Of wholeNetwork = new Of("", "", "", "");
        for (MembershipRevenue plans : network.networkPlans()) {
            for (AmountBucket bucket : plans.buckets()) {
                row(
                        csv,
                        wholeNetwork,
                        bucket.start().toString(),
                        bucket.end().toString(),
                        NO_FIGURES,
                        plans.currency(),
                        Long.toString(bucket.amount()),
                        "");
            }
            row(csv, wholeNetwork, "", "", NO_FIGURES, plans.currency(), Long.toString(plans.total()), "");
        }
        return csv.toString();
    }

    /** {@code membershipRevenue} null: a resource's rows, which have none. */
    private static void rows(
            StringBuilder csv,
            Of of,
            Figures totals,
            List<Bucket> buckets,
            String currency,
            MembershipRevenue membershipRevenue,
            String creditMinutes) {
        for (int i = 0; i < buckets.size(); i++) {
            Bucket bucket = buckets.get(i);
            row(
                    csv,
                    of,
                    bucket.start().toString(),
                    bucket.end().toString(),
                    figures(bucket.figures()),
                    currency,
                    // The membership revenue's buckets are the dashboard's: the same range cut the same way.
                    membershipRevenue == null
                            ? ""
                            : Long.toString(membershipRevenue.buckets().get(i).amount()),
                    "");
        }
        row(
                csv,
                of,
                "",
                "",
                figures(totals),
                currency,
                membershipRevenue == null ? "" : Long.toString(membershipRevenue.total()),
                creditMinutes);
    }

    private static void row(
            StringBuilder csv,
            Of of,
            String start,
            String end,
            List<String> figures,
            String currency,
            String membershipRevenue,
            String creditMinutes) {
        List<String> fields = new ArrayList<>(List.of(
                field(of.spaceId()),
                field(of.spaceName()),
                field(of.resourceId()),
                field(of.resourceName()),
                start,
                end));
        fields.addAll(figures);
        fields.addAll(List.of(currency, membershipRevenue, creditMinutes));
        csv.append(String.join(",", fields)).append("\r\n");
    }

    private static List<String> figures(Figures figures) {
        return List.of(
                plain(figures.openHours()),
                plain(figures.bookedHours()),
                plain(figures.blockedHours()),
                plain(figures.occupancy()),
                Integer.toString(figures.bookings()),
                Integer.toString(figures.cancellations().early()),
                Integer.toString(figures.cancellations().late()),
                Long.toString(figures.lateCancellationFees()),
                Long.toString(figures.revenue().gross()),
                Long.toString(figures.revenue().net()),
                Long.toString(figures.revenue().vat()),
                Long.toString(figures.revenue().refunds()),
                Objects.toString(figures.uniqueMembers(), ""),
                plain(figures.averageLeadTimeHours()));
    }

    /**
     * Quoted when it holds a comma, quote or line break; and a leading {@code = + - @} is defused with a quote,
     * so that a spreadsheet never runs a name as a formula.
     */
    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
