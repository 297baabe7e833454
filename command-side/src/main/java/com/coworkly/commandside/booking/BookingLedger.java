package com.coworkly.commandside.booking;

import com.coworkly.commandside.commands.Lookup;
import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingCompleted;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.catalogue.BlockRemoved;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.catalogue.ResourceBlocked;
import com.coworkly.events.catalogue.SeatsChanged;
import com.coworkly.events.common.BookingId;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.Period;
import com.coworkly.events.common.ResourceId;
import com.coworkly.events.common.SpaceId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The set-based side of the rules "no double booking" and "three at a time" (docs/domain.md). Its tables follow the
 * booking and block events inside the transaction that appends them (a subscribing processor whose errors propagate),
 * so they are exactly as current as the event store: PostgreSQL's exclusion constraint settles two bookings racing for
 * one slot, on any number of instances, and a per-member lock makes placements by one member take turns while their
 * overlap is counted.
 */
@Component
@ProcessingGroup(BookingLedger.GROUP)
public class BookingLedger implements Lookup {

    static final String GROUP = "booking-ledger";
    private static final String EXCLUSION_VIOLATION = "23P01";

    private final JdbcTemplate jdbc;

    BookingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("resource_occupancy", "member_booking", "resource_seats");
    }

    @EventHandler
    void on(BookingPlaced event) {
        // The buffered period: two bookings' buffers never overlap, in the same exclusion constraint (docs/domain.md).
        // A pool's bookings are seats, which the constraint leaves to the count under the resource's lock.
        occupy(
                event.bookingId().value(),
                isPool(event.resourceId()) ? "SEAT" : "BOOKING",
                event.resourceId(),
                event.occupied());
        jdbc.update(
                "INSERT INTO member_booking (booking_id, member_id, space_id, period) VALUES (?, ?, ?, tstzrange(?, ?)) "
                        + "ON CONFLICT DO NOTHING",
                event.bookingId().value(),
                event.memberId().value(),
                event.spaceId().value(),
                at(event.period().start()),
                at(event.period().end()));
    }

    @EventHandler
    void on(SeatsChanged event) {
        jdbc.update(
                "INSERT INTO resource_seats (resource_id, seats) VALUES (?, ?) "
                        + "ON CONFLICT (resource_id) DO UPDATE SET seats = excluded.seats",
                event.resourceId().value(),
                event.seats());
    }

    private boolean isPool(ResourceId resource) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM resource_seats WHERE resource_id = ? AND seats > 1)",
                Boolean.class,
                resource.value()));
    }

    @EventHandler
    void on(BookingCancelled event) {
        release(event.bookingId().value());
    }

    @EventHandler
    void on(BookingExpired event) {
        release(event.bookingId().value());
    }

    @EventHandler
    void on(BookingCompleted event) {
        release(event.bookingId().value());
    }

    @EventHandler
    void on(ResourceBlocked event) {
        occupy(event.blockId().value(), "BLOCK", event.resourceId(), event.period());
    }

    @EventHandler
    void on(BlockRemoved event) {
        jdbc.update(
                "DELETE FROM resource_occupancy WHERE holder_id = ?",
                event.blockId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE resource_occupancy, member_booking, resource_seats");
    }

    /**
     * The quick answer for the common case ({@code period} with the resource's buffers around it); the exclusion
     * constraint is what decides a race.
     */
    public void requireFree(ResourceId resource, Period period) {
        Boolean taken = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM resource_occupancy WHERE resource_id = ? AND period && tstzrange(?, ?))",
                Boolean.class,
                resource.value(),
                at(period.start()),
                at(period.end()));
        if (Boolean.TRUE.equals(taken)) {
            throw BookingRefusal.slotUnavailable();
        }
    }

    /**
     * The rule of a pool of {@code seats} (docs/front-desk.md#seats): no block over {@code period}, and at its busiest
     * instant fewer live bookings than seats, counting {@code alsoHeld} (a series' own occurrences, not stored yet).
     * Counted under the resource's lock, which a block over the pool takes too, so racing placements take turns.
     */
    public void requireSeat(ResourceId resource, Period period, int seats, List<Period> alsoHeld) {
        lockResource(resource);
        record Holder(String kind, Period period) {}
        List<Holder> holders = jdbc.query(
                "SELECT holder_kind, lower(period) AS starts, upper(period) AS ends FROM resource_occupancy "
                        + "WHERE resource_id = ? AND period && tstzrange(?, ?)",
                (rs, row) -> new Holder(
                        rs.getString("holder_kind"),
                        new Period(
                                rs.getObject("starts", OffsetDateTime.class).toInstant(),
                                rs.getObject("ends", OffsetDateTime.class).toInstant())),
                resource.value(),
                at(period.start()),
                at(period.end()));
        List<Period> booked = new java.util.ArrayList<>(alsoHeld);
        holders.stream()
                .filter(holder -> !holder.kind().equals("BLOCK"))
                .forEach(holder -> booked.add(holder.period()));
        boolean blocked = holders.stream().anyMatch(holder -> holder.kind().equals("BLOCK"));
        if (blocked || MemberQuota.peakOverlapWith(booked, period) > seats) {
            throw BookingRefusal.slotUnavailable();
        }
    }

    /**
     * Holds the resource's lock until the transaction ends: placements on a pool take it before counting its seats,
     * and a block takes it before looking for the bookings in its way.
     */
    public void lockResource(ResourceId resource) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "seats-of-" + resource.value());
    }

    /** Takes the member's lock, counts, and refuses a booking that would make four at once. */
    void requireWithinMemberLimit(MemberId member, Period candidate) {
        lockMember(member);
        if (!MemberQuota.allows(livePeriodsOf(member, candidate), candidate)) {
            throw BookingRefusal.memberLimitReached(MemberQuota.SIMULTANEOUS_BOOKINGS);
        }
    }

    /**
     * Holds the member's lock until the transaction ends. Every placement by the member (a booking or a whole
     * series) takes it before counting, so two racing placements cannot both see room for one more.
     */
    public void lockMember(MemberId member) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", member.value());
    }

    /** The periods of the member's live bookings that overlap {@code within}. */
    public List<Period> livePeriodsOf(MemberId member, Period within) {
        return jdbc.query(
                "SELECT lower(period) AS starts, upper(period) AS ends FROM member_booking "
                        + "WHERE member_id = ? AND period && tstzrange(?, ?)",
                (rs, row) -> new Period(
                        rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()),
                member.value(),
                at(within.start()),
                at(within.end()));
    }

    /**
     * Refuses a booking that would take the member beyond one of the space's quotas. Counted under the member's lock,
     * which the caller holds ({@link #requireWithinMemberLimit}), so two racing placements cannot both fit.
     */
    void requireWithinQuotas(MemberId member, SpaceId space, BookingQuotas quotas, ZoneId zone, Period candidate) {
        if (quotas.isNone()) {
            return;
        }
        BookingQuotaRule.exceededBy(
                        quotas,
                        zone,
                        livePeriodsInSpace(member, space, BookingQuotaRule.span(quotas, zone, candidate)),
                        candidate)
                .ifPresent(exceeded -> {
                    throw BookingRefusal.quotaReached(exceeded);
                });
    }

    /** The periods of the member's live bookings in the space that overlap {@code within}. */
    public List<Period> livePeriodsInSpace(MemberId member, SpaceId space, Period within) {
        return jdbc.query(
                "SELECT lower(period) AS starts, upper(period) AS ends FROM member_booking "
                        + "WHERE member_id = ? AND space_id = ? AND period && tstzrange(?, ?)",
                (rs, row) -> new Period(
                        rs.getObject("starts", OffsetDateTime.class).toInstant(),
                        rs.getObject("ends", OffsetDateTime.class).toInstant()),
                member.value(),
                space.value(),
                at(within.start()),
                at(within.end()));
    }

    public List<BookingId> liveBookingsOverlapping(ResourceId resource, Period period) {
        return jdbc.queryForList("""
                SELECT holder_id FROM resource_occupancy
                WHERE resource_id = ? AND holder_kind IN ('BOOKING', 'SEAT') AND period && tstzrange(?, ?)
                ORDER BY lower(period), holder_id""", String.class, resource.value(), at(period.start()), at(period.end())).stream()
                .map(BookingId::new)
                .toList();
    }

    private void occupy(String holder, String kind, ResourceId resource, Period period) {
        try {
            jdbc.update(
                    "INSERT INTO resource_occupancy (holder_id, holder_kind, resource_id, period) "
                            + "VALUES (?, ?, ?, tstzrange(?, ?)) ON CONFLICT (holder_id) DO NOTHING",
                    holder,
                    kind,
                    resource.value(),
                    at(period.start()),
                    at(period.end()));
        } catch (DataAccessException e) {
            if (e.getMostSpecificCause() instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                throw BookingRefusal.slotUnavailable();
            }
            throw e;
        }
    }

    private void release(String holder) {
        jdbc.update("DELETE FROM resource_occupancy WHERE holder_id = ?", holder);
        jdbc.update("DELETE FROM member_booking WHERE booking_id = ?", holder);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
