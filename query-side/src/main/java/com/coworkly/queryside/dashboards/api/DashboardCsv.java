package com.coworkly.queryside.dashboards.api;

import com.coworkly.queryside.dashboards.figures.DashboardViews;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Bucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Figures;

import java.math.BigDecimal;
import java.util.List;

/**
 * The dashboards' figures as CSV (RFC 4180): one row per bucket, of the space and then of each resource, and a
 * row of totals for each ({@code bucket_start} empty). Money in minor units and hours as in the JSON.
 */
final class DashboardCsv {

    private static final String HEADER = "space_id,space_name,resource_id,resource_name,bucket_start,bucket_end,"
            + "open_hours,booked_hours,blocked_hours,occupancy,bookings,cancellations_early,cancellations_late,"
            + "late_cancellation_fees,revenue_gross,revenue_net,revenue_vat,refunds,unique_members,"
            + "average_lead_time_hours,currency\r\n";

    private DashboardCsv() {}

    static String of(DashboardViews.SpaceDashboard dashboard) {
        StringBuilder csv = new StringBuilder(HEADER);
        rows(
                csv,
                dashboard.spaceId(),
                dashboard.spaceName(),
                "",
                "",
                dashboard.totals(),
                dashboard.buckets(),
                dashboard.currency());
        for (DashboardViews.ResourceFigures resource : dashboard.resources()) {
            rows(
                    csv,
                    dashboard.spaceId(),
                    dashboard.spaceName(),
                    resource.resourceId(),
                    resource.name(),
                    resource.totals(),
                    resource.buckets(),
                    dashboard.currency());
        }
        return csv.toString();
    }

    static String of(DashboardViews.NetworkSummary network) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (DashboardViews.SpaceSummary space : network.spaces()) {
            rows(csv, space.spaceId(), space.spaceName(), "", "", space.totals(), space.buckets(), space.currency());
        }
        return csv.toString();
    }

    private static void rows(
            StringBuilder csv,
            String spaceId,
            String spaceName,
            String resourceId,
            String resourceName,
            Figures totals,
            List<Bucket> buckets,
            String currency) {
        for (Bucket bucket : buckets) {
            row(
                    csv,
                    spaceId,
                    spaceName,
                    resourceId,
                    resourceName,
                    bucket.start().toString(),
                    bucket.end().toString(),
                    bucket.figures(),
                    currency);
        }
        row(csv, spaceId, spaceName, resourceId, resourceName, "", "", totals, currency);
    }

    private static void row(
            StringBuilder csv,
            String spaceId,
            String spaceName,
            String resourceId,
            String resourceName,
            String start,
            String end,
            Figures figures,
            String currency) {
        csv.append(String.join(
                        ",",
                        field(spaceId),
                        field(spaceName),
                        field(resourceId),
                        field(resourceName),
                        start,
                        end,
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
                        java.util.Objects.toString(figures.uniqueMembers(), ""),
                        plain(figures.averageLeadTimeHours()),
                        currency))
                .append("\r\n");
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
