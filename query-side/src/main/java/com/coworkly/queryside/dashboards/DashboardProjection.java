package com.coworkly.queryside.dashboards;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.ManagerGranted;
import com.coworkly.events.catalogue.OpeningHoursChanged;
import com.coworkly.events.catalogue.ResourceAdded;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.ResourceDescriptionRevised;
import com.coworkly.events.catalogue.ResourceRetired;
import com.coworkly.events.catalogue.SpaceRegistered;
import com.coworkly.events.catalogue.WeeklyOpeningHours;
import com.coworkly.events.common.Period;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Keeps the dashboards' read model. A booking counts once it is paid ({@code TAKING_PLACE}) and stops
 * counting if it is cancelled: its seconds on every local day and hour it covers, and on the local day it
 * starts its booking, its lead time and its member. Cancellations, fees, refunds and the revenue of its
 * invoices and credit notes count on the day it starts too, so that a day's figures describe the bookings
 * of that day.
 *
 * <p>Events of one space are handled in order, by one thread (the processor sequences by space), so the
 * running sums of a space are never updated by two transactions at once. A booking's status changes only from
 * the one expected, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DashboardProjection.GROUP)
class DashboardProjection {

    static final String GROUP = "dashboards";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    DashboardProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update("INSERT INTO dashboard_space (space_id, name, time_zone, currency) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", event.spaceId().value(), event.name(), event.timeZone().getId(),
                event.currency().getCurrencyCode());
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update("INSERT INTO dashboard_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(), event.memberId().value());
    }

    @EventHandler
    void on(ResourceAdded event, @Timestamp Instant addedAt) {
        jdbc.update("INSERT INTO dashboard_resource (resource_id, space_id, name, kind, added_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", event.resourceId().value(), event.spaceId().value(),
                event.description().name(), event.description().kind().name(), utc(addedAt));
        openingHoursFrom(event.resourceId().value(), addedAt, event.openingHours());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        jdbc.update("UPDATE dashboard_resource SET name = ?, kind = ? WHERE resource_id = ?",
                event.description().name(), event.description().kind().name(), event.resourceId().value());
    }

    @EventHandler
    void on(OpeningHoursChanged event, @Timestamp Instant changedAt) {
        openingHoursFrom(event.resourceId().value(), changedAt, event.openingHours());
    }

    @EventHandler
    void on(ResourceRetired event, @Timestamp Instant retiredAt) {
        jdbc.update("UPDATE dashboard_resource SET retired_at = ? WHERE resource_id = ? AND retired_at IS NULL",
                utc(retiredAt), event.resourceId().value());
    }

    @EventHandler
    void on(ResourceBlocked event) {
        jdbc.update("INSERT INTO dashboard_block (block_id, resource_id, space_id, period, reason) "
                        + "VALUES (?, ?, ?, tstzrange(?, ?), ?) ON CONFLICT DO NOTHING", event.blockId().value(),
                event.resourceId().value(), event.spaceId().value(), utc(event.period().start()),
                utc(event.period().end()), event.reason());
    }

    @EventHandler
    void on(BlockRemoved event) {
        jdbc.update("DELETE FROM dashboard_block WHERE block_id = ?", event.blockId().value());
    }

    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant placedAt) {
        jdbc.update("""
                INSERT INTO dashboard_booking (booking_id, space_id, resource_id, member_id, period, time_zone,
                                               late_window_minutes, placed_at, status)
                VALUES (?, ?, ?, ?, tstzrange(?, ?), ?, ?, ?, 'PENDING_PAYMENT') ON CONFLICT DO NOTHING""",
                event.bookingId().value(), event.spaceId().value(), event.resourceId().value(),
                event.memberId().value(), utc(event.period().start()), utc(event.period().end()),
                event.timeZone().getId(), event.cancellationPolicy().lateWindow().toMinutes(), utc(placedAt));
    }

    @EventHandler
    void on(BookingConfirmed event) {
        changeStatus(event.bookingId().value(), "PENDING_PAYMENT", "TAKING_PLACE")
                .ifPresent(booking -> count(booking, 1));
    }

    @EventHandler
    void on(BookingExpired event) {
        changeStatus(event.bookingId().value(), "PENDING_PAYMENT", "EXPIRED");
    }

    /**
     * A cancellation inside the late window (the booking's own, as it was placed) is late, whoever cancels and
     * whatever it costs; before it, early.
     */
    @EventHandler
    void on(BookingCancelled event, @Timestamp Instant cancelledAt) {
        Optional<Booking> paid = changeStatus(event.bookingId().value(), "TAKING_PLACE", "CANCELLED");
        paid.ifPresent(booking -> count(booking, -1));
        Optional<Booking> cancelled = paid.isPresent() ? paid
                : changeStatus(event.bookingId().value(), "PENDING_PAYMENT", "CANCELLED");
        cancelled.ifPresent(booking -> {
            boolean late = !cancelledAt.isBefore(booking.period().start().minus(booking.lateWindow()));
            addToDay(booking, booking.startDate(), "cancellations_" + (late ? "late" : "early"), 1);
            addToDay(booking, booking.startDate(), "late_fees", event.fee().minorUnits());
            addToDay(booking, booking.startDate(), "refunds", event.refund().minorUnits());
        });
    }

    /** Invoices add to the revenue of their booking's day, credit notes take it away. */
    @EventHandler
    void on(InvoiceIssued event) {
        booking(event.bookingId().value()).ifPresent(booking -> {
            int sign = event.kind() == InvoiceKind.CREDIT_NOTE ? -1 : 1;
            addToDay(booking, booking.startDate(), "revenue_gross", sign * event.gross().minorUnits());
            addToDay(booking, booking.startDate(), "revenue_net", sign * event.net().minorUnits());
            addToDay(booking, booking.startDate(), "revenue_vat", sign * event.vat().minorUnits());
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE dashboard_space, dashboard_manager, dashboard_resource, dashboard_opening_hours, "
                + "dashboard_block, dashboard_booking, dashboard_day, dashboard_hour, dashboard_member_day");
    }

    private record Booking(String bookingId, String spaceId, String resourceId, String memberId, Period period,
                           ZoneId zone, Duration lateWindow, Instant placedAt) {

        LocalDate startDate() {
            return LocalDate.ofInstant(period.start(), zone);
        }
    }

    /** What a booking taking place adds ({@code sign} 1) or, cancelled, takes back ({@code sign} -1). */
    private void count(Booking booking, int sign) {
        LocalTimeSplit.secondsPerDay(booking.period(), booking.zone())
                .forEach((date, seconds) -> addToDay(booking, date, "booked_seconds", sign * seconds));
        LocalTimeSplit.secondsPerHour(booking.period(), booking.zone()).forEach((hour, seconds) -> jdbc.update("""
                INSERT INTO dashboard_hour (space_id, local_date, local_hour, booked_seconds) VALUES (?, ?, ?, ?)
                ON CONFLICT (space_id, local_date, local_hour)
                DO UPDATE SET booked_seconds = dashboard_hour.booked_seconds + excluded.booked_seconds""",
                booking.spaceId(), Date.valueOf(hour.toLocalDate()), hour.getHour(), sign * seconds));
        addToDay(booking, booking.startDate(), "bookings", sign);
        addToDay(booking, booking.startDate(), "lead_seconds",
                sign * Duration.between(booking.placedAt(), booking.period().start()).toSeconds());
        jdbc.update("""
                INSERT INTO dashboard_member_day (space_id, local_date, member_id, resource_id, bookings)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (space_id, local_date, member_id, resource_id)
                DO UPDATE SET bookings = dashboard_member_day.bookings + excluded.bookings""",
                booking.spaceId(), Date.valueOf(booking.startDate()), booking.memberId(), booking.resourceId(), sign);
        jdbc.update("DELETE FROM dashboard_member_day WHERE space_id = ? AND local_date = ? AND member_id = ? "
                        + "AND resource_id = ? AND bookings <= 0", booking.spaceId(), Date.valueOf(booking.startDate()),
                booking.memberId(), booking.resourceId());
    }

    /** {@code column} is one of this class's own constants, never input. */
    private void addToDay(Booking booking, LocalDate date, String column, long amount) {
        jdbc.update("INSERT INTO dashboard_day (resource_id, local_date, space_id, " + column + ") VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (resource_id, local_date) DO UPDATE SET " + column + " = dashboard_day." + column
                        + " + excluded." + column,
                booking.resourceId(), Date.valueOf(date), booking.spaceId(), amount);
    }

    private Optional<Booking> changeStatus(String bookingId, String from, String to) {
        int changed = jdbc.update("UPDATE dashboard_booking SET status = ? WHERE booking_id = ? AND status = ?",
                to, bookingId, from);
        return changed == 1 ? booking(bookingId) : Optional.empty();
    }

    private Optional<Booking> booking(String bookingId) {
        return jdbc.query("""
                SELECT booking_id, space_id, resource_id, member_id, lower(period) AS starts, upper(period) AS ends,
                       time_zone, late_window_minutes, placed_at
                FROM dashboard_booking WHERE booking_id = ?""",
                (rs, row) -> new Booking(rs.getString("booking_id"), rs.getString("space_id"),
                        rs.getString("resource_id"), rs.getString("member_id"),
                        new Period(rs.getObject("starts", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends", OffsetDateTime.class).toInstant()),
                        ZoneId.of(rs.getString("time_zone")), Duration.ofMinutes(rs.getLong("late_window_minutes")),
                        rs.getObject("placed_at", OffsetDateTime.class).toInstant()),
                bookingId).stream().findFirst();
    }

    private void openingHoursFrom(String resourceId, Instant from, WeeklyOpeningHours hours) {
        try {
            jdbc.update("INSERT INTO dashboard_opening_hours (resource_id, effective_from, opening_hours) "
                            + "VALUES (?, ?, ?::jsonb) ON CONFLICT DO NOTHING", resourceId, utc(from),
                    json.writeValueAsString(hours.windows()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours are always serializable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
