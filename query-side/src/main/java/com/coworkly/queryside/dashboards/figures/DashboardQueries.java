package com.coworkly.queryside.dashboards.figures;

import com.coworkly.events.catalogue.OpeningWindow;
import com.coworkly.events.common.Period;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
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
