package com.coworkly.queryside.dashboards.figures;

import com.coworkly.queryside.dashboards.Granularity;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the dashboards answer. Money is in minor units of the space's currency; hours are decimal hours. */
public final class DashboardViews {

    private DashboardViews() {}

    /** One space over [{@code from}, {@code to}) (local dates), in buckets of {@code granularity}. */
    public record SpaceDashboard(
            String spaceId,
            String spaceName,
            String timeZone,
            String currency,
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            Figures totals,
            List<Bucket> buckets,
            List<ResourceFigures> resources,
            List<PeakHour> peakHours,
            List<UpcomingBlock> upcomingMaintenance,
            MembershipRevenue membershipRevenue,
            long creditMinutes) {}

    /** A bucket [{@code start}, {@code end}), cut to the dashboard's range at its edges. */
    public record Bucket(LocalDate start, LocalDate end, Figures figures) {}

    /**
     * {@code creditMinutes}: the minutes members' credits paid of the resource's bookings that start in the range,
     * less what cancellations and expiries gave back.
     */
    public record ResourceFigures(
            String resourceId, String name, String kind, Figures totals, List<Bucket> buckets, long creditMinutes) {}

    /**
     * Members' fees in minor units of {@code currency}, on the day each paid period starts: for a space, its share
     * of the plans that name it (a fee split equally among the plan's spaces); for the network, the plans for the
     * whole network. Apart from {@link Revenue}, which is the bookings' invoices.
     */
    public record MembershipRevenue(String currency, long total, List<AmountBucket> buckets) {}

    public record AmountBucket(LocalDate start, LocalDate end, long amount) {}

    /**
     * {@code occupancy} is booked hours over open hours (null when nothing was open), and
     * {@code blockedHours} the maintenance blocks, apart from it. {@code averageLeadTimeHours} is the mean time
     * from placing a booking to its start (null without bookings). {@code uniqueMembers} is given for every
     * bucket and for the space over the whole range, but null in a resource's totals over the range: counting
     * it exactly would scan every member-day of the range (decision 21).
     */
    public record Figures(
            BigDecimal openHours,
            BigDecimal bookedHours,
            BigDecimal blockedHours,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal occupancy,
            int bookings,
            Cancellations cancellations,
            long lateCancellationFees,
            Revenue revenue,
            @JsonInclude(JsonInclude.Include.ALWAYS) Integer uniqueMembers,
            @JsonInclude(JsonInclude.Include.ALWAYS) BigDecimal averageLeadTimeHours) {}

    public record Cancellations(int early, int late) {}

    /** Invoices less credit notes, and what was paid back. */
    public record Revenue(long gross, long net, long vat, long refunds) {}

    /** Booked hours in one local hour of the week (e.g. Monday 09:00–10:00) over the whole range. */
    public record PeakHour(DayOfWeek day, int hour, BigDecimal bookedHours) {}

    public record UpcomingBlock(
            String blockId,
            String resourceId,
            String resourceName,
            OffsetDateTime start,
            OffsetDateTime end,
            String reason) {}

    /**
     * Every space's totals over the range, and the network's: {@code networkPlans} is the revenue of the plans for
     * the whole network, one per currency, in UTC days (it belongs to no space).
     */
    public record NetworkSummary(
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            List<SpaceSummary> spaces,
            List<MembershipRevenue> networkPlans) {}

    public record SpaceSummary(
            String spaceId,
            String spaceName,
            String currency,
            Figures totals,
            List<Bucket> buckets,
            MembershipRevenue membershipRevenue) {}
}
