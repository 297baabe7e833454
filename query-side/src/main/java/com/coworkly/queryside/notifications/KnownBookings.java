package com.coworkly.queryside.notifications;

import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/** Reads a booking's details from the notifications processor's own tables ({@link NotificationFacts}). */
@Component
class KnownBookings {

    private final JdbcTemplate jdbc;

    KnownBookings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empty only if the booking, its member, space or resource has not been seen: with the processor's single
     * segment, events arrive in the store's order, so that means a bug or a damaged table, not a race.
     */
    Optional<BookingDetails> find(BookingId bookingId) {
        return jdbc
                .query(
                        """
                SELECT m.email, m.name, s.name AS space_name, r.name AS resource_name, b.starts_at, b.ends_at,
                       b.time_zone, b.price, b.currency
                FROM notification_booking b
                JOIN notification_member m ON m.member_id = b.member_id
                JOIN notification_space s ON s.space_id = b.space_id
                JOIN notification_resource r ON r.resource_id = b.resource_id
                WHERE b.booking_id = ?""",
                        (rs, row) -> new BookingDetails(
                                bookingId,
                                rs.getString("email"),
                                rs.getString("name"),
                                rs.getString("space_name"),
                                rs.getString("resource_name"),
                                new Period(
                                        rs.getObject("starts_at", OffsetDateTime.class)
                                                .toInstant(),
                                        rs.getObject("ends_at", OffsetDateTime.class)
                                                .toInstant()),
                                ZoneId.of(rs.getString("time_zone")),
                                Money.of(rs.getLong("price"), rs.getString("currency"))),
                        bookingId.value())
                .stream()
                .findFirst();
    }
}
