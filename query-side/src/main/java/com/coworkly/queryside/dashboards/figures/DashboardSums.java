package com.coworkly.queryside.dashboards.figures;

import com.coworkly.queryside.dashboards.Granularity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the dashboards' running sums: per resource and bucket, unique members, booked hours of the week. Each
 * query sums in the database; whole buckets come as the projection keeps them, partial ones from their days.
 */
@Component
class DashboardSums {

    /** Sums of one resource in one bucket (its calendar start). */
    record ResourceBucket(String resourceId, LocalDate bucket, DayTotals totals) {}

    private final JdbcTemplate jdbc;

    DashboardSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SUMS = """
            sum(booked_seconds) AS booked_seconds, sum(bookings) AS bookings,
            sum(cancellations_early) AS cancellations_early, sum(cancellations_late) AS cancellations_late,
            sum(late_fees) AS late_fees, sum(revenue_gross) AS revenue_gross, sum(revenue_net) AS revenue_net,
            sum(revenue_vat) AS revenue_vat, sum(refunds) AS refunds, sum(lead_seconds) AS lead_seconds""";

    /**
     * The running sums per resource and calendar bucket (its calendar start): whole weeks and months as the read
     * model keeps them, the days of partial buckets at the range's ends added up.
     */
    List<ResourceBucket> sumsPerResourceAndBucket(String spaceId, DashboardRange range) {
        List<ResourceBucket> sums = new ArrayList<>();
        RowCallbackHandler collect = rs -> sums.add(new ResourceBucket(
                rs.getString("resource_id"),
                rs.getObject("bucket", LocalDate.class),
                new DayTotals(
                        rs.getLong("booked_seconds"),
                        rs.getInt("bookings"),
                        rs.getInt("cancellations_early"),
                        rs.getInt("cancellations_late"),
                        rs.getLong("late_fees"),
                        rs.getLong("revenue_gross"),
                        rs.getLong("revenue_net"),
                        rs.getLong("revenue_vat"),
                        rs.getLong("refunds"),
                        rs.getLong("lead_seconds"))));
        if (range.granularity() == Granularity.DAY) {
            sumDays(spaceId, range.wholeBuckets(), Granularity.DAY, collect);
            return sums;
        }
        sumWholeBuckets(spaceId, range.granularity(), range.wholeBuckets(), collect);
        for (DashboardRange.Stretch partial : range.partialBuckets()) {
            // The whole weeks inside a partial month are read as weeks: a month's end is then a few days' rows.
            DashboardRange weeks = new DashboardRange(partial.start(), partial.end(), Granularity.WEEK);
            if (range.granularity() == Granularity.MONTH
                    && !weeks.wholeBuckets().isEmpty()) {
                sumWholeBuckets(spaceId, Granularity.WEEK, weeks.wholeBuckets(), collect);
                weeks.partialBuckets().forEach(days -> sumDays(spaceId, days, range.granularity(), collect));
            } else {
                sumDays(spaceId, partial, range.granularity(), collect);
            }
        }
        return sums;
    }

    /** One row per resource and bucket, as the projection keeps them; keyed by the bucket's calendar start. */
    private void sumWholeBuckets(
            String spaceId, Granularity granularity, DashboardRange.Stretch buckets, RowCallbackHandler collect) {
        if (!buckets.isEmpty()) {
            jdbc.query(
                    """
                    SELECT resource_id, bucket, booked_seconds, bookings, cancellations_early, cancellations_late,
                           late_fees, revenue_gross, revenue_net, revenue_vat, refunds, lead_seconds
                    FROM dashboard_period WHERE space_id = ? AND granularity = ? AND bucket >= ? AND bucket < ?""",
                    collect,
                    spaceId,
                    granularity.name(),
                    Date.valueOf(buckets.start()),
                    Date.valueOf(buckets.end()));
        }
    }

    /** The days' sums per resource and the calendar bucket of {@code granularity} they fall in. */
    private void sumDays(
            String spaceId, DashboardRange.Stretch days, Granularity granularity, RowCallbackHandler collect) {
        jdbc.query(
                "SELECT resource_id, date_trunc(?, local_date::timestamp)::date AS bucket, " + SUMS + """
                 FROM dashboard_day WHERE space_id = ? AND local_date >= ? AND local_date < ?
                GROUP BY resource_id, bucket""",
                collect,
                granularity.truncation(),
                spaceId,
                Date.valueOf(days.start()),
                Date.valueOf(days.end()));
    }

    /**
     * Unique members per calendar bucket, of the space (key
     * {@link com.coworkly.queryside.dashboards.DashboardReadModel#SPACE_SCOPE}) and of each resource, and of the
     * space over the whole range.
     */
    record UniqueMembers(Map<String, Map<LocalDate, Integer>> perBucket, int inRange) {}

    /**
     * Whole buckets read the counts the projection keeps. A partial bucket at an end of the range counts the
     * distinct members of its days, a few weeks of member-days at most. The range's own count asks, for each member
     * who ever booked in the space, whether their booking days overlap the range: one check per member, where
     * counting distinct members over a year of member-days would sort hundreds of thousands of rows. See
     * docs/dashboards.md, "How it stays fast".
     */
    UniqueMembers uniqueMembers(String spaceId, DashboardRange range) {
        Map<String, Map<LocalDate, Integer>> perBucket = new HashMap<>();
        RowCallbackHandler collect = rs -> perBucket
                .computeIfAbsent(rs.getString("resource_id"), id -> new HashMap<>())
                .put(rs.getObject("bucket", LocalDate.class), rs.getInt("members"));
        DashboardRange.Stretch whole = range.wholeBuckets();
        if (!whole.isEmpty()) {
            jdbc.query(
                    """
                    SELECT resource_id, bucket, members FROM dashboard_unique_members
                    WHERE space_id = ? AND granularity = ? AND bucket >= ? AND bucket < ?""",
                    collect,
                    spaceId,
                    range.granularity().name(),
                    Date.valueOf(whole.start()),
                    Date.valueOf(whole.end()));
        }
        for (DashboardRange.Stretch stretch : range.partialBuckets()) {
            jdbc.query(
                    """
                    SELECT resource_id, bucket, count(*) AS members
                    FROM (SELECT DISTINCT date_trunc(?, bucket::timestamp)::date AS bucket, resource_id, member_id
                          FROM dashboard_member_bucket
                          WHERE space_id = ? AND granularity = 'DAY' AND bucket >= ? AND bucket < ? AND bookings > 0) m
                    GROUP BY resource_id, bucket""",
                    collect,
                    range.granularity().truncation(),
                    spaceId,
                    Date.valueOf(stretch.start()),
                    Date.valueOf(stretch.end()));
        }
        Integer inRange =
                jdbc.queryForObject("""
                SELECT count(*) FROM dashboard_space_member
                WHERE space_id = ? AND booking_days && daterange(?, ?)""", Integer.class, spaceId, Date.valueOf(range.from()), Date.valueOf(range.to()));
        return new UniqueMembers(perBucket, inRange == null ? 0 : inRange);
    }

    /** Booked seconds per local hour of the week over the range. */
    Map<DayOfWeek, Map<Integer, Long>> bookedSecondsPerHourOfWeek(String spaceId, LocalDate from, LocalDate to) {
        Map<DayOfWeek, Map<Integer, Long>> seconds = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT extract(isodow FROM local_date)::int AS day, local_hour, sum(booked_seconds) AS seconds
                FROM dashboard_hour WHERE space_id = ? AND local_date >= ? AND local_date < ?
                GROUP BY 1, 2""",
                (ResultSet rs) -> {
                    seconds.computeIfAbsent(DayOfWeek.of(rs.getInt("day")), day -> new HashMap<>())
                            .put(rs.getInt("local_hour"), rs.getLong("seconds"));
                },
                spaceId,
                Date.valueOf(from),
                Date.valueOf(to));
        return seconds;
    }
}
