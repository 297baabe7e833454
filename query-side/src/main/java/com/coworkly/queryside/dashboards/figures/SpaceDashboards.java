package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.common.Period;
import com.coworkly.queryside.dashboards.DashboardReadModel;
import com.coworkly.queryside.dashboards.Granularity;
import com.coworkly.queryside.dashboards.LocalTimeSplit;
import com.coworkly.queryside.dashboards.figures.DashboardQueries.Resource;
import com.coworkly.queryside.dashboards.figures.DashboardSums.ResourceBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.AmountBucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Bucket;
import com.coworkly.queryside.dashboards.figures.DashboardViews.Figures;
import com.coworkly.queryside.dashboards.figures.DashboardViews.MembershipRevenue;
import com.coworkly.queryside.dashboards.figures.DashboardViews.PeakHour;
import com.coworkly.queryside.dashboards.figures.DashboardViews.ResourceFigures;
import com.coworkly.queryside.dashboards.figures.DashboardViews.SpaceDashboard;
import com.coworkly.queryside.dashboards.figures.DashboardViews.SpaceSummary;
import com.coworkly.queryside.dashboards.figures.DashboardViews.UpcomingBlock;
import com.coworkly.queryside.web.NotFound;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts a dashboard together: the running sums of the read model per resource and bucket, the open and
 * blocked hours worked out from the catalogue as it was, the heat map, the upcoming maintenance, and the
 * membership revenue and credits spent ({@link MembershipSums}).
 */
@Component
public class SpaceDashboards {

    private static final int UPCOMING_BLOCKS = 20;

    private final DashboardQueries queries;
    private final DashboardSums runningSums;
    private final MembershipSums membershipSums;
    private final Clock clock;

    SpaceDashboards(DashboardQueries queries, DashboardSums runningSums, MembershipSums membershipSums, Clock clock) {
        this.queries = queries;
        this.runningSums = runningSums;
        this.membershipSums = membershipSums;
        this.clock = clock;
    }

    public SpaceDashboard of(String spaceId, LocalDate from, LocalDate to, Granularity granularity) {
        Space space = queries.space(spaceId).orElseThrow(() -> NotFound.space(spaceId));
        DashboardRange range = new DashboardRange(from, to, granularity);
        List<Resource> resources = queries.resources(space);
        Map<String, Map<LocalDate, DayTotals>> sums = sumsByResourceAndBucket(space, range);
        Map<String, Map<LocalDate, Long>> open = new HashMap<>();
        Map<String, Map<LocalDate, Long>> blocked = blockedSeconds(space, range);
        // Resources with the same opening hours (as they changed over time) are open the same seconds: most of a
        // space's resources share a few schedules, and working out a year of days in the zone is the costly part.
        Map<List<Object>, Map<LocalDate, Long>> openBySchedule = new HashMap<>();
        resources.forEach(resource -> open.put(
                resource.resourceId(),
                openBySchedule.computeIfAbsent(
                        List.of(resource.openingVersions(), resource.retiredOn()),
                        schedule -> openSeconds(resource, space.zone(), range))));
        DashboardSums.UniqueMembers uniqueMembers = runningSums.uniqueMembers(spaceId, range);
        Map<String, Long> creditMinutes = new HashMap<>();
        membershipSums
                .creditMinutes(spaceId, space.zone(), from, to)
                .forEach(row -> creditMinutes.merge(row.resourceId(), row.minutes(), Long::sum));
        Map<String, Map<LocalDate, Integer>> members = uniqueMembers.perBucket();

        List<ResourceFigures> perResource = new ArrayList<>();
        for (Resource resource : resources) {
            String id = resource.resourceId();
            perResource.add(new ResourceFigures(
                    id,
                    resource.name(),
                    resource.kind(),
                    FigureArithmetic.figures(
                            sums.getOrDefault(id, Map.of()).values().stream().reduce(DayTotals.NONE, DayTotals::plus),
                            total(open.get(id)),
                            total(blocked.getOrDefault(id, Map.of())),
                            null),
                    buckets(
                            range,
                            sums.getOrDefault(id, Map.of()),
                            open.get(id),
                            blocked.getOrDefault(id, Map.of()),
                            members.getOrDefault(id, Map.of())),
                    creditMinutes.getOrDefault(id, 0L)));
        }
        Map<LocalDate, DayTotals> spaceSums = new HashMap<>();
        Map<LocalDate, Long> spaceOpen = new HashMap<>();
        Map<LocalDate, Long> spaceBlocked = new HashMap<>();
        for (Resource resource : resources) {
            sums.getOrDefault(resource.resourceId(), Map.of())
                    .forEach((b, s) -> spaceSums.merge(b, s, DayTotals::plus));
            open.get(resource.resourceId()).forEach((b, s) -> spaceOpen.merge(b, s, Long::sum));
            blocked.getOrDefault(resource.resourceId(), Map.of())
                    .forEach((b, s) -> spaceBlocked.merge(b, s, Long::sum));
        }
        Figures totals = FigureArithmetic.figures(
                spaceSums.values().stream().reduce(DayTotals.NONE, DayTotals::plus),
                total(spaceOpen),
                total(spaceBlocked),
                uniqueMembers.inRange());
        return new SpaceDashboard(
                space.spaceId(),
                space.name(),
                space.zone().getId(),
                space.currency(),
                from,
                to,
                granularity,
                totals,
                buckets(
                        range,
                        spaceSums,
                        spaceOpen,
                        spaceBlocked,
                        members.getOrDefault(DashboardReadModel.SPACE_SCOPE, Map.of())),
                perResource,
                peakHours(spaceId, from, to),
                upcomingMaintenance(space, resources),
                membershipRevenue(
                        space.currency(),
                        range,
                        membershipSums.feesOfPlansNaming(spaceId, space.zone(), from, to).stream()
                                .map(fee -> Map.entry(fee.day(), fee.share()))
                                .toList()),
                creditMinutes.values().stream().mapToLong(Long::longValue).sum());
    }

    /**
     * The revenue of the plans for the whole network, per currency (a network may sell a plan per currency), by
     * the UTC day each paid period starts: such a plan belongs to no space, so it is on the network's summary only.
     */
    public List<MembershipRevenue> networkPlanRevenue(LocalDate from, LocalDate to, Granularity granularity) {
        DashboardRange range = new DashboardRange(from, to, granularity);
        Map<String, List<Map.Entry<LocalDate, Long>>> byCurrency = new TreeMap<>();
        membershipSums
                .feesOfNetworkPlans(from, to)
                .forEach(fee -> byCurrency
                        .computeIfAbsent(fee.currency(), currency -> new ArrayList<>())
                        .add(Map.entry(fee.day(), fee.fee())));
        return byCurrency.entrySet().stream()
                .map(currency -> membershipRevenue(currency.getKey(), range, currency.getValue()))
                .toList();
    }

    private static MembershipRevenue membershipRevenue(
            String currency, DashboardRange range, List<Map.Entry<LocalDate, Long>> amountsByDay) {
        Map<LocalDate, Long> perBucket = new HashMap<>();
        amountsByDay.forEach(amount -> perBucket.merge(range.bucketOf(amount.getKey()), amount.getValue(), Long::sum));
        return new MembershipRevenue(
                currency,
                perBucket.values().stream().mapToLong(Long::longValue).sum(),
                range.buckets().stream()
                        .map(bucket ->
                                new AmountBucket(bucket, range.endOf(bucket), perBucket.getOrDefault(bucket, 0L)))
                        .toList());
    }

    /** The zone of the space's calendar, in which a dashboard's default month is this month. */
    public ZoneId zoneOf(String spaceId) {
        return queries.space(spaceId).map(Space::zone).orElseThrow(() -> NotFound.space(spaceId));
    }

    /** Every space's totals and buckets, without resources, heat map or maintenance. */
    public List<SpaceSummary> summaries(LocalDate from, LocalDate to, Granularity granularity) {
        return queries.spaces().stream()
                .map(space -> {
                    SpaceDashboard dashboard = of(space.spaceId(), from, to, granularity);
                    return new SpaceSummary(
                            space.spaceId(),
                            space.name(),
                            space.currency(),
                            dashboard.totals(),
                            dashboard.buckets(),
                            dashboard.membershipRevenue());
                })
                .toList();
    }

    private Map<String, Map<LocalDate, DayTotals>> sumsByResourceAndBucket(Space space, DashboardRange range) {
        Map<String, Map<LocalDate, DayTotals>> sums = new HashMap<>();
        for (ResourceBucket row : runningSums.sumsPerResourceAndBucket(space.spaceId(), range)) {
            sums.computeIfAbsent(row.resourceId(), id -> new HashMap<>())
                    .merge(range.bucketOf(row.bucket()), row.totals(), DayTotals::plus);
        }
        return sums;
    }

    /**
     * A resource is open from the day it was added, by the opening hours in force on each day, until the day it
     * was retired (that day no longer counts).
     */
    private static Map<LocalDate, Long> openSeconds(Resource resource, ZoneId zone, DashboardRange range) {
        Map<LocalDate, Long> open = new HashMap<>();
        for (LocalDate day = range.from(); day.isBefore(range.to()); day = day.plusDays(1)) {
            if (resource.retiredOn().isPresent()
                    && !day.isBefore(resource.retiredOn().get())) {
                break;
            }
            OpeningVersion inForce = null;
            for (OpeningVersion version : resource.openingVersions()) {
                if (!version.from().isAfter(day)) {
                    inForce = version;
                }
            }
            if (inForce != null) {
                open.merge(range.bucketOf(day), inForce.openSecondsOn(day, zone), Long::sum);
            }
        }
        return open;
    }

    private Map<String, Map<LocalDate, Long>> blockedSeconds(Space space, DashboardRange range) {
        Map<String, Map<LocalDate, Long>> blocked = new HashMap<>();
        Instant start = range.from().atStartOfDay(space.zone()).toInstant();
        Instant end = range.to().atStartOfDay(space.zone()).toInstant();
        for (DashboardQueries.Block block : queries.blocks(space.spaceId(), start, end)) {
            Period clipped = new Period(
                    block.period().start().isBefore(start)
                            ? start
                            : block.period().start(),
                    block.period().end().isAfter(end) ? end : block.period().end());
            LocalTimeSplit.secondsPerDay(clipped, space.zone())
                    .forEach((day, seconds) -> blocked.computeIfAbsent(block.resourceId(), id -> new HashMap<>())
                            .merge(range.bucketOf(day), seconds, Long::sum));
        }
        return blocked;
    }

    private List<Bucket> buckets(
            DashboardRange range,
            Map<LocalDate, DayTotals> sums,
            Map<LocalDate, Long> open,
            Map<LocalDate, Long> blocked,
            Map<LocalDate, Integer> members) {
        return range.buckets().stream()
                .map(bucket -> new Bucket(
                        bucket,
                        range.endOf(bucket),
                        FigureArithmetic.figures(
                                sums.getOrDefault(bucket, DayTotals.NONE), open.getOrDefault(bucket, 0L),
                                blocked.getOrDefault(bucket, 0L),
                                        members.getOrDefault(range.calendarBucketOf(bucket), 0))))
                .toList();
    }

    private List<PeakHour> peakHours(String spaceId, LocalDate from, LocalDate to) {
        Map<DayOfWeek, Map<Integer, Long>> seconds = runningSums.bookedSecondsPerHourOfWeek(spaceId, from, to);
        List<PeakHour> cells = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                cells.add(new PeakHour(
                        day,
                        hour,
                        FigureArithmetic.hours(
                                seconds.getOrDefault(day, Map.of()).getOrDefault(hour, 0L))));
            }
        }
        return cells;
    }

    private List<UpcomingBlock> upcomingMaintenance(Space space, List<Resource> resources) {
        Map<String, String> names = new HashMap<>();
        resources.forEach(resource -> names.put(resource.resourceId(), resource.name()));
        Instant now = clock.instant();
        return queries.blocks(space.spaceId(), now, Instant.parse("9999-12-31T00:00:00Z")).stream()
                .limit(UPCOMING_BLOCKS)
                .map(block -> new UpcomingBlock(
                        block.blockId(),
                        block.resourceId(),
                        names.get(block.resourceId()),
                        block.period().start().atZone(space.zone()).toOffsetDateTime(),
                        block.period().end().atZone(space.zone()).toOffsetDateTime(),
                        block.reason()))
                .toList();
    }

    private static long total(Map<LocalDate, Long> perBucket) {
        return perBucket == null
                ? 0
                : perBucket.values().stream().mapToLong(Long::longValue).sum();
    }
}
