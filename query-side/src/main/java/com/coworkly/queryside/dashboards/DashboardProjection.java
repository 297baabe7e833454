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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** Every table this projection keeps, and nothing else writes. */
    static final List<String> TABLES = List.of("dashboard_space", "dashboard_manager", "dashboard_resource",
            "dashboard_opening_hours", "dashboard_block", "dashboard_booking", "dashboard_day", "dashboard_period",
            "dashboard_hour", "dashboard_member_bucket", "dashboard_unique_members", "dashboard_space_member");

    /** The resource id under which a member's bookings in the whole space are counted. */
    static final String SPACE_SCOPE = "";

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
            addToDay(booking, booking.startDate(), new Contribution()
                    .add("cancellations_" + (late ? "late" : "early"), 1)
                    .add("late_fees", event.fee().minorUnits())
                    .add("refunds", event.refund().minorUnits()));
        });
    }

    /** Invoices add to the revenue of their booking's day, credit notes take it away. */
    @EventHandler
    void on(InvoiceIssued event) {
        booking(event.bookingId().value()).ifPresent(booking -> {
            int sign = event.kind() == InvoiceKind.CREDIT_NOTE ? -1 : 1;
            addToDay(booking, booking.startDate(), new Contribution()
                    .add("revenue_gross", sign * event.gross().minorUnits())
                    .add("revenue_net", sign * event.net().minorUnits())
                    .add("revenue_vat", sign * event.vat().minorUnits()));
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", TABLES));
    }

    private record Booking(String bookingId, String spaceId, String resourceId, String memberId, Period period,
                           ZoneId zone, Duration lateWindow, Instant placedAt) {

        LocalDate startDate() {
            return LocalDate.ofInstant(period.start(), zone);
        }
    }

    /** What a booking taking place adds ({@code sign} 1) or, cancelled, takes back ({@code sign} -1). */
    private void count(Booking booking, int sign) {
        Map<LocalDate, Long> secondsPerDay = LocalTimeSplit.secondsPerDay(booking.period(), booking.zone());
        secondsPerDay.forEach((date, seconds) -> {
            Contribution contribution = new Contribution().add("booked_seconds", sign * seconds);
            if (date.equals(booking.startDate())) {
                contribution.add("bookings", sign).add("lead_seconds",
                        sign * Duration.between(booking.placedAt(), booking.period().start()).toSeconds());
            }
            addToDay(booking, date, contribution);
        });
        List<Object> hours = new ArrayList<>();
        LocalTimeSplit.secondsPerHour(booking.period(), booking.zone()).forEach((hour, seconds) -> hours.addAll(
                List.of(booking.spaceId(), Date.valueOf(hour.toLocalDate()), hour.getHour(), sign * seconds)));
        jdbc.update("""
                INSERT INTO dashboard_hour (space_id, local_date, local_hour, booked_seconds) VALUES %s
                ON CONFLICT (space_id, local_date, local_hour)
                DO UPDATE SET booked_seconds = dashboard_hour.booked_seconds + excluded.booked_seconds"""
                .formatted(String.join(", ", Collections.nCopies(hours.size() / 4, "(?, ?, ?, ?)"))), hours.toArray());
        countMember(booking, sign);
    }

    /**
     * The member's bookings in the day, week and month the booking starts, of its resource and of the whole
     * space; a bucket's unique members go up when a member's count there becomes 1 and down when it becomes 0, and
     * so do the member's booking days in the space. One statement, so that all change together.
     */
    private void countMember(Booking booking, int sign) {
        List<Object> args = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Granularity granularity : Granularity.values()) {
            for (String scope : List.of(booking.resourceId(), SPACE_SCOPE)) {
                rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                args.addAll(List.of(booking.spaceId(), granularity.name(),
                        Date.valueOf(granularity.bucketOf(booking.startDate())), scope, booking.memberId(), sign));
            }
        }
        args.addAll(List.of(booking.spaceId(), booking.memberId(), booking.spaceId(), sign, sign > 0 ? 1 : 0));
        String bookingDays = sign > 0 ? """
                INSERT INTO dashboard_space_member AS s (space_id, member_id, booking_days)
                SELECT ?, ?, datemultirange(daterange(bucket, bucket + 1)) FROM changed
                WHERE granularity = 'DAY' AND resource_id = '' AND bookings = 1
                ON CONFLICT (space_id, member_id) DO UPDATE SET booking_days = s.booking_days + excluded.booking_days"""
                : """
                UPDATE dashboard_space_member s
                SET booking_days = s.booking_days - datemultirange(daterange(c.bucket, c.bucket + 1))
                FROM changed c WHERE s.space_id = ? AND s.member_id = ?
                  AND c.granularity = 'DAY' AND c.resource_id = '' AND c.bookings = 0""";
        jdbc.update("""
                WITH changed AS (
                    INSERT INTO dashboard_member_bucket AS m (space_id, granularity, bucket, resource_id, member_id,
                                                             bookings)
                    VALUES %s
                    ON CONFLICT (space_id, granularity, bucket, resource_id, member_id)
                    DO UPDATE SET bookings = m.bookings + excluded.bookings
                    RETURNING granularity, bucket, resource_id, bookings),
                days AS (%s)
                INSERT INTO dashboard_unique_members AS u (space_id, granularity, bucket, resource_id, members)
                SELECT ?, granularity, bucket, resource_id, ? FROM changed WHERE bookings = ?
                ON CONFLICT (space_id, granularity, bucket, resource_id)
                DO UPDATE SET members = u.members + excluded.members""".formatted(rows, bookingDays), args.toArray());
    }

    /**
     * Adds to the running sums of a resource's local day and of the calendar week and month holding it, in one
     * statement.
     */
    private void addToDay(Booking booking, LocalDate date, Contribution contribution) {
        String columns = String.join(", ", contribution.amounts.keySet());
        String placeholders = ", ?".repeat(contribution.amounts.size());
        String dayUpdates = contribution.updates("dashboard_day");
        String periodUpdates = contribution.updates("p");
        List<Object> args = new ArrayList<>(List.of(booking.resourceId(), Date.valueOf(date), booking.spaceId()));
        args.addAll(contribution.amounts.values());
        for (Granularity granularity : List.of(Granularity.WEEK, Granularity.MONTH)) {
            args.addAll(List.of(booking.resourceId(), granularity.name(), Date.valueOf(granularity.bucketOf(date)),
                    booking.spaceId()));
            args.addAll(contribution.amounts.values());
        }
        jdbc.update("""
                WITH day AS (
                    INSERT INTO dashboard_day (resource_id, local_date, space_id, %1$s) VALUES (?, ?, ?%2$s)
                    ON CONFLICT (resource_id, local_date) DO UPDATE SET %3$s)
                INSERT INTO dashboard_period AS p (resource_id, granularity, bucket, space_id, %1$s)
                VALUES (?, ?, ?, ?%2$s), (?, ?, ?, ?%2$s)
                ON CONFLICT (resource_id, granularity, bucket) DO UPDATE SET %4$s"""
                .formatted(columns, placeholders, dayUpdates, periodUpdates), args.toArray());
    }

    /** Amounts to add to some of the running sums' columns: this class's own constants, never input. */
    private static final class Contribution {

        private final Map<String, Long> amounts = new LinkedHashMap<>();

        Contribution add(String column, long amount) {
            amounts.merge(column, amount, Long::sum);
            return this;
        }

        String updates(String table) {
            return amounts.keySet().stream().map(column -> column + " = " + table + "." + column + " + excluded." + column)
                    .collect(Collectors.joining(", "));
        }
    }

    /** The booking, if its status was {@code from} and is now {@code to}: one statement, no read after. */
    private Optional<Booking> changeStatus(String bookingId, String from, String to) {
        return jdbc.query("UPDATE dashboard_booking SET status = ? WHERE booking_id = ? AND status = ? RETURNING "
                + BOOKING_COLUMNS, DashboardProjection::booking, to, bookingId, from).stream().findFirst();
    }

    private Optional<Booking> booking(String bookingId) {
        return jdbc.query("SELECT " + BOOKING_COLUMNS + " FROM dashboard_booking WHERE booking_id = ?",
                DashboardProjection::booking, bookingId).stream().findFirst();
    }

    private static final String BOOKING_COLUMNS = """
            booking_id, space_id, resource_id, member_id, lower(period) AS starts, upper(period) AS ends, time_zone,
            late_window_minutes, placed_at""";

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getString("booking_id"), rs.getString("space_id"), rs.getString("resource_id"),
                rs.getString("member_id"), new Period(rs.getObject("starts", OffsetDateTime.class).toInstant(),
                rs.getObject("ends", OffsetDateTime.class).toInstant()), ZoneId.of(rs.getString("time_zone")),
                Duration.ofMinutes(rs.getLong("late_window_minutes")),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant());
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
