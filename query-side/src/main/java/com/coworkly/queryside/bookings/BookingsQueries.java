package com.coworkly.queryside.bookings;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the bookings read model. A member's bookings come by start, then id, so pages never shuffle. */
@Component
class BookingsQueries {

    private static final String COLUMNS = "*, lower(period) AS period_start, upper(period) AS period_end";

    private final JdbcTemplate jdbc;

    BookingsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BookingsViews.BookingView> booking(String bookingId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM booking_view WHERE booking_id = ?",
                        (rs, row) -> booking(rs),
                        bookingId)
                .stream()
                .findFirst();
    }

    boolean isManagerOf(String spaceId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM booking_space_manager WHERE space_id = ? AND member_id = ?)",
                Boolean.class,
                spaceId,
                memberId));
    }

    /** Served by the index on (member_id, lower(period), booking_id). */
    Paged<BookingsViews.BookingView> ofMember(String memberId, MemberBookingsFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE member_id = ?");
        List<Object> arguments = new ArrayList<>(List.of(memberId));
        filter.status().ifPresent(status -> {
            where.append(" AND status = ?");
            arguments.add(status.name());
        });
        if (filter.from().isPresent() || filter.to().isPresent()) {
            // A missing bound is an open end of the range.
            where.append(" AND period && tstzrange(?::timestamptz, ?::timestamptz)");
            arguments.add(
                    filter.from().map(from -> from.atOffset(ZoneOffset.UTC)).orElse(null));
            arguments.add(filter.to().map(to -> to.atOffset(ZoneOffset.UTC)).orElse(null));
        }
        long total = jdbc.queryForObject("SELECT count(*) FROM booking_view" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(page.size());
        paged.add(page.offset());
        List<BookingsViews.BookingView> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM booking_view" + where
                        + " ORDER BY lower(period), booking_id LIMIT ? OFFSET ?",
                (rs, row) -> booking(rs),
                paged.toArray());
        return Paged.of(items, page, total);
    }

    private static BookingsViews.BookingView booking(ResultSet rs) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new BookingsViews.BookingView(
                rs.getString("booking_id"),
                rs.getString("resource_id"),
                rs.getString("space_id"),
                rs.getString("member_id"),
                at(rs, "period_start", zone),
                at(rs, "period_end", zone),
                zone.getId(),
                BookingStatus.valueOf(rs.getString("status")),
                rs.getLong("price"),
                rs.getString("currency"),
                rs.getLong("credit_minutes"),
                rs.getString("billed_to_company_id"),
                rs.getString("series_id"),
                cancellation(rs, zone));
    }

    private static BookingsViews.Cancellation cancellation(ResultSet rs, ZoneId zone) throws SQLException {
        if (!BookingStatus.CANCELLED.name().equals(rs.getString("status"))) {
            return null;
        }
        return new BookingsViews.Cancellation(
                at(rs, "cancelled_at", zone),
                rs.getString("cancelled_by"),
                rs.getString("cancellation_reason"),
                rs.getString("cancellation_note"),
                rs.getObject("fee", Long.class),
                rs.getObject("refund", Long.class));
    }

    private static OffsetDateTime at(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime stored = rs.getObject(column, OffsetDateTime.class);
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
