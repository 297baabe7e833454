package com.coworkly.queryside.availability;

import com.coworkly.events.catalogue.Buffers;
import com.coworkly.events.catalogue.ResourceKind;
import com.coworkly.events.common.Period;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of the availability read model. Occupied periods come in one query per request, never one query per
 * resource: a space's through the GiST index on (space_id, period), a resource's through the one on
 * (resource_id, period) (decision 27).
 */
@Component
class AvailabilityQueries {

    private static final TypeReference<List<Opening>> OPENINGS = new TypeReference<>() {};

    /** A resource is shown once its space is known too: the two arrive on different segments, in either order. */
    private static final String RESOURCES = """
            SELECT r.*, s.time_zone FROM availability_resource r
            JOIN availability_space s ON s.space_id = r.space_id""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    /**
     * Opening hours as parsed, by their stored text. Resources share a handful of weekly schedules, and parsing every
     * resource's on every request (fourteen times of day each) was more than half of the CPU of a space's day
     * (docs/benchmarks.md). Keyed by the text itself, so an entry is never stale.
     */
    private final Cache<String, List<Opening>> openingHours =
            Caffeine.newBuilder().maximumSize(10_000).build();

    AvailabilityQueries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ZoneId> zoneOfSpace(String spaceId) {
        return jdbc
                .query(
                        "SELECT time_zone FROM availability_space WHERE space_id = ?",
                        (rs, row) -> ZoneId.of(rs.getString("time_zone")),
                        spaceId)
                .stream()
                .findFirst();
    }

    /** The space's resources that take bookings, by name and then id. */
    List<BookableResource> bookableIn(String spaceId, Optional<ResourceKind> kind) {
        List<Object> arguments = new ArrayList<>(List.of(spaceId));
        kind.ifPresent(wanted -> arguments.add(wanted.name()));
        return jdbc.query(
                RESOURCES + " WHERE r.space_id = ? AND NOT r.retired" + (kind.isPresent() ? " AND r.kind = ?" : "")
                        + " ORDER BY r.name, r.resource_id",
                (rs, row) -> resource(rs),
                arguments.toArray());
    }

    Optional<BookableResource> resource(String resourceId) {
        return jdbc.query(RESOURCES + " WHERE r.resource_id = ?", (rs, row) -> resource(rs), resourceId).stream()
                .findFirst();
    }

    /** What occupies a resource: blocks take it whole, bookings (one seat of a pool each) their own period. */
    record Occupied(List<Period> blocks, List<Period> bookings) {

        static final Occupied NOTHING = new Occupied(List.of(), List.of());

        List<Period> all() {
            List<Period> all = new ArrayList<>(blocks);
            all.addAll(bookings);
            return all;
        }
    }

    /**
     * What occupies the resources of a space during {@code range}, by resource id, and close enough to it for a new
     * booking's buffers to reach.
     */
    Map<String, Occupied> occupiedInSpace(String spaceId, Period range) {
        Map<String, Occupied> occupied = new HashMap<>();
        jdbc.query(
                """
                        SELECT resource_id, kind, lower(period) AS period_start, upper(period) AS period_end
                        FROM occupied_period
                        WHERE space_id = ? AND period && tstzrange(?, ?)""",
                rs -> {
                    Occupied resource = occupied.computeIfAbsent(
                            rs.getString("resource_id"), id -> new Occupied(new ArrayList<>(), new ArrayList<>()));
                    (rs.getString("kind").equals("BLOCK") ? resource.blocks() : resource.bookings()).add(period(rs));
                },
                spaceId,
                utc(range.start().minus(FreeTime.WIDEST_BUFFER)),
                utc(range.end().plus(FreeTime.WIDEST_BUFFER)));
        return occupied;
    }

    Occupied occupiedOf(String resourceId, Period range) {
        Occupied occupied = new Occupied(new ArrayList<>(), new ArrayList<>());
        jdbc.query(
                """
                        SELECT kind, lower(period) AS period_start, upper(period) AS period_end FROM occupied_period
                        WHERE resource_id = ? AND period && tstzrange(?, ?)""",
                rs -> {
                    (rs.getString("kind").equals("BLOCK") ? occupied.blocks() : occupied.bookings()).add(period(rs));
                },
                resourceId,
                utc(range.start().minus(FreeTime.WIDEST_BUFFER)),
                utc(range.end().plus(FreeTime.WIDEST_BUFFER)));
        return occupied;
    }

    private BookableResource resource(ResultSet rs) throws SQLException {
        return new BookableResource(
                rs.getString("resource_id"),
                rs.getString("space_id"),
                rs.getString("kind"),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                openings(rs.getString("opening_hours")),
                Duration.ofMinutes(rs.getInt("slot_minutes")),
                Buffers.ofMinutes(rs.getInt("buffer_before_minutes"), rs.getInt("buffer_after_minutes")),
                rs.getInt("seats"),
                rs.getBoolean("retired"));
    }

    private List<Opening> openings(String stored) {
        return openingHours.get(stored, this::parsed);
    }

    private List<Opening> parsed(String stored) {
        try {
            return List.copyOf(json.readValue(stored, OPENINGS));
        } catch (IOException e) {
            throw new UncheckedIOException("stored opening hours are unreadable", e);
        }
    }

    private static Period period(ResultSet rs) throws SQLException {
        return new Period(
                rs.getObject("period_start", OffsetDateTime.class).toInstant(),
                rs.getObject("period_end", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
