package com.coworkly.queryside.bookings;

import com.coworkly.events.booking.BookingBilledToCompany;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidWithCredits;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.common.Money;
import com.coworkly.events.common.SeriesId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the bookings read model: one row per booking, and the managers of each space, who may read its
 * bookings. The managers are kept here rather than read from the catalogue's tables so that this read model
 * can be replayed on its own.
 *
 * <p>Every handler is idempotent. A placement never overwrites a row, so a redelivered {@code BookingPlaced}
 * cannot bring a cancelled booking back; a status changes only from a live one (pending payment, confirmed),
 * so a redelivered confirmation cannot revive a booking that has since been cancelled or has expired.
 */
@Component
@ProcessingGroup(BookingsProjection.GROUP)
class BookingsProjection {

    static final String GROUP = "bookings";

    private final JdbcTemplate jdbc;

    BookingsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant placedAt) {
        jdbc.update(
                """
                INSERT INTO booking_view (booking_id, resource_id, space_id, member_id, period, time_zone, status,
                                          price, currency, placed_at, series_id)
                VALUES (?, ?, ?, ?, tstzrange(?, ?), ?, 'PENDING_PAYMENT', ?, ?, ?, ?)
                ON CONFLICT (booking_id) DO NOTHING""",
                event.bookingId().value(),
                event.resourceId().value(),
                event.spaceId().value(),
                event.memberId().value(),
                utc(event.period().start()),
                utc(event.period().end()),
                event.timeZone().getId(),
                event.price().minorUnits(),
                event.price().currency().getCurrencyCode(),
                utc(placedAt),
                event.series().map(SeriesId::value).orElse(null));
    }

    @EventHandler
    void on(BookingPaidWithCredits event) {
        jdbc.update(
                "UPDATE booking_view SET credit_minutes = ? WHERE booking_id = ?",
                event.minutes(),
                event.bookingId().value());
    }

    @EventHandler
    void on(BookingBilledToCompany event) {
        jdbc.update(
                "UPDATE booking_view SET billed_to_company_id = ? WHERE booking_id = ?",
                event.companyId().value(),
                event.bookingId().value());
    }

    @EventHandler
    void on(BookingConfirmed event) {
        jdbc.update(
                "UPDATE booking_view SET status = 'CONFIRMED' WHERE booking_id = ? AND status = 'PENDING_PAYMENT'",
                event.bookingId().value());
    }

    @EventHandler
    void on(BookingCancelled event, @Timestamp Instant cancelledAt) {
        jdbc.update(
                """
                UPDATE booking_view
                SET status = 'CANCELLED', cancelled_at = ?, cancelled_by = ?, cancellation_reason = ?,
                    cancellation_note = ?, fee = ?, refund = ?
                WHERE booking_id = ? AND status IN ('PENDING_PAYMENT', 'CONFIRMED')""",
                utc(cancelledAt),
                event.cancelledBy(),
                event.reason() == null ? null : event.reason().name(),
                event.note(),
                minorUnits(event.fee()),
                minorUnits(event.refund()),
                event.bookingId().value());
    }

    @EventHandler
    void on(BookingExpired event) {
        jdbc.update(
                "UPDATE booking_view SET status = 'EXPIRED' WHERE booking_id = ? AND status = 'PENDING_PAYMENT'",
                event.bookingId().value());
    }

    @EventHandler
    void on(BookingCompleted event) {
        jdbc.update("""
                UPDATE booking_view SET status = 'COMPLETED'
                WHERE booking_id = ? AND status IN ('PENDING_PAYMENT', 'CONFIRMED')""", event.bookingId().value());
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update(
                "INSERT INTO booking_space_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE booking_view, booking_space_manager");
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Long minorUnits(Money money) {
        return money == null ? null : money.minorUnits();
    }
}
