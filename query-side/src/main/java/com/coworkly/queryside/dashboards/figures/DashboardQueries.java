package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.common.Period;
import com.coworkly.queryside.dashboards.Granularity;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the dashboards' read model: one query per kind of figure, each summing in the database. */
@Component
class DashboardQueries {

    record Resource(
            String resourceId,
            String name,
            String kind,
            Optional<LocalDate> retiredOn,
            List<OpeningVersion> openingVersions) {}

    /** Sums of one resource in one bucket (its calendar start). */
    record ResourceBucket(String resourceId, LocalDate bucket, DayTotals totals) {}

    record Block(String blockId, String resourceId, Period period, String reason) {}

    private static final TypeReference<List<OpeningWindow>> WINDOWS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DashboardQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Space> space(String spaceId) {
        return jdbc
                .query(
                        "SELECT space_id, name, time_zone, currency FROM dashboard_space WHERE space_id = ?",
                        (rs, row) -> new Space(
                                rs.getString("space_id"),
                                rs.getString("name"),
                                ZoneId.of(rs.getString("time_zone")),
                                rs.getString("currency")),
                        spaceId)
                .stream()
                .findFirst();
    }

    List<Space> spaces() {
        return jdbc.query(
                "SELECT space_id, name, time_zone, currency FROM dashboard_space ORDER BY name, space_id",
                (rs, row) -> new Space(
                        rs.getString("space_id"),
                        rs.getString("name"),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getString("currency")));
    }

    boolean isManagerOf(String spaceId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM dashboard_manager WHERE space_id = ? AND member_id = ?)",
                Boolean.class,
                spaceId,
                memberId));
    }

    List<String> spacesManagedBy(String memberId) {
        return jdbc.queryForList(
                "SELECT space_id FROM dashboard_manager WHERE member_id = ? ORDER BY space_id", String.class, memberId);
    }

    /** The space's resources in name order, with every version of their opening hours, oldest first. */
    List<Resource> resources(Space space) {
        Map<String, List<OpeningVersion>> versions = new HashMap<>();
        jdbc.query(
                """
                SELECT o.resource_id, o.effective_from, o.opening_hours
                FROM dashboard_opening_hours o JOIN dashboard_resource r ON r.resource_id = o.resource_id
                WHERE r.space_id = ? ORDER BY o.resource_id, o.effective_from""",
                (ResultSet rs) -> {
                    versions.computeIfAbsent(rs.getString("resource_id"), id -> new ArrayList<>())
                            .add(new OpeningVersion(
                                    localDate(rs, "effective_from", space.zone()),
                                    windows(rs.getString("opening_hours"))));
                },
                space.spaceId());
        return jdbc.query(
                """
                SELECT resource_id, name, kind, retired_at FROM dashboard_resource WHERE space_id = ?
                ORDER BY name, resource_id""",
                (rs, row) -> new Resource(
                        rs.getString("resource_id"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        Optional.ofNullable(rs.getObject("retired_at", OffsetDateTime.class))
                                .map(at -> LocalDate.ofInstant(at.toInstant(), space.zone())),
                        versions.getOrDefault(rs.getString("resource_id"), List.of())),
                space.spaceId());
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

    /** The space's maintenance blocks overlapping [start, end). */
    List<Block> blocks(String spaceId, Instant start, Instant end) {
        return jdbc.query(
                """
                SELECT block_id, resource_id, lower(period) AS starts, upper(period) AS ends, reason
                FROM dashboard_block WHERE space_id = ? AND period && tstzrange(?, ?) ORDER BY lower(period), block_id""",
                (rs, row) -> new Block(
                        rs.getString("block_id"),
                        rs.getString("resource_id"),
                        new Period(
                                rs.getObject("starts", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends", OffsetDateTime.class).toInstant()),
                        rs.getString("reason")),
                spaceId,
                start.atOffset(ZoneOffset.UTC),
                end.atOffset(ZoneOffset.UTC));
    }

    private List<OpeningWindow> windows(String stored) {
        try {
            return json.readValue(stored, WINDOWS);
        } catch (IOException e) {
            throw new UncheckedIOException("stored opening hours are unreadable", e);
        }
    }

    private static LocalDate localDate(ResultSet rs, String column, ZoneId zone) throws SQLException {
        return LocalDate.ofInstant(rs.getObject(column, OffsetDateTime.class).toInstant(), zone);
    }
}
