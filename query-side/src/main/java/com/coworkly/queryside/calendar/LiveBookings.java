package com.coworkly.queryside.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A member's live bookings, joined at query time with the catalogue read model for the names and the address.
 * The joins are outer ones: a calendar must show every live booking, named or not.
 */
@Component
class LiveBookings {

    private final JdbcTemplate jdbc;

    LiveBookings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Served by the bookings' index on (member_id, lower(period), booking_id). */
    List<LiveBooking> of(String memberId) {
        return jdbc.query("""
                SELECT b.booking_id, lower(b.period) AS starts, upper(b.period) AS ends, b.time_zone, b.status,
                       r.name AS resource_name, s.name AS space_name, s.street, s.postal_code, s.city, s.country_code
                FROM booking_view b
                LEFT JOIN resource_view r ON r.resource_id = b.resource_id
                LEFT JOIN space_view s ON s.space_id = b.space_id
                WHERE b.member_id = ? AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
                ORDER BY lower(b.period), b.booking_id""", (rs, row) -> liveBooking(rs), memberId);
    }

    private static LiveBooking liveBooking(ResultSet rs) throws SQLException {
        return new LiveBooking(
                rs.getString("booking_id"),
                rs.getObject("starts", OffsetDateTime.class).toInstant(),
                rs.getObject("ends", OffsetDateTime.class).toInstant(),
                ZoneId.of(rs.getString("time_zone")),
                "CONFIRMED".equals(rs.getString("status")),
                Optional.ofNullable(rs.getString("resource_name")),
                Optional.ofNullable(rs.getString("space_name")),
                address(rs));
    }

    /** "Keizersgracht 1, 1015 CC Amsterdam, NL", as a calendar's location field and map links expect it. */
    private static Optional<String> address(ResultSet rs) throws SQLException {
        if (rs.getString("street") == null) {
            return Optional.empty();
        }
        String town = Stream.of(rs.getString("postal_code"), rs.getString("city"))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(" "));
        return Optional.of(Stream.of(rs.getString("street"), town, rs.getString("country_code"))
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(", ")));
    }
}
