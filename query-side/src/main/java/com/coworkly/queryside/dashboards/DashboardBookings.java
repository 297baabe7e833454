package com.coworkly.queryside.dashboards;

import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.common.Period;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Each booking's facts and status ({@code dashboard_booking}), so that a confirmation, a cancellation or an
 * invoice knows where it counts. A status changes only from the one expected, so a redelivered event finds
 * nothing to change and counts nothing twice.
 */
final class DashboardBookings {

    enum Status {
        PENDING_PAYMENT,
        TAKING_PLACE,
        EXPIRED,
        CANCELLED
    }

    private static final String COLUMNS = """
            booking_id, space_id, resource_id, member_id, lower(period) AS starts, upper(period) AS ends, time_zone,
            late_window_minutes, placed_at""";

    private final JdbcTemplate jdbc;

    DashboardBookings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void place(BookingPlaced event, Instant placedAt) {
        jdbc.update(
                """
                INSERT INTO dashboard_booking (booking_id, space_id, resource_id, member_id, period, time_zone,
                                               late_window_minutes, placed_at, status)
                VALUES (?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, 'PENDING_PAYMENT') ON CONFLICT DO NOTHING""",
                event.bookingId().value(),
                event.spaceId().value(),
                event.resourceId().value(),
                event.memberId().value(),
                utc(event.period().start()),
                utc(event.period().end()),
                event.timeZone().getId(),
                event.cancellationPolicy().lateWindow().toMinutes(),
                utc(placedAt));
    }

    /** The booking, if its status was {@code from} and is now {@code to}: one statement, no read after. */
    Optional<CountedBooking> changeStatus(String bookingId, Status from, Status to) {
        return jdbc
                .query(
                        "UPDATE dashboard_booking SET status = ? WHERE booking_id = ? AND status = ? RETURNING "
                                + COLUMNS,
                        DashboardBookings::booking,
                        to.name(),
                        bookingId,
                        from.name())
                .stream()
                .findFirst();
    }

    Optional<CountedBooking> find(String bookingId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM dashboard_booking WHERE booking_id = ?",
                        DashboardBookings::booking,
                        bookingId)
                .stream()
                .findFirst();
    }

    private static CountedBooking booking(ResultSet rs, int row) throws SQLException {
        return new CountedBooking(
                rs.getString("booking_id"),
                rs.getString("space_id"),
                rs.getString("resource_id"),
                rs.getString("member_id"),
                new Period(
                        rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()),
                ZoneId.of(rs.getString("time_zone")),
                Duration.ofMinutes(rs.getLong("late_window_minutes")),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
