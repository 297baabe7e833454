package com.coworkly.queryside.dashboards;

import com.coworkly.events.booking.BookingCancelled;
import com.coworkly.events.booking.BookingConfirmed;
import com.coworkly.events.booking.BookingExpired;
import com.coworkly.events.booking.BookingPaidWithCredits;
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
import com.coworkly.events.common.Money;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.credits.CreditsReturned;
import com.coworkly.events.invoicing.InvoiceIssued;
import com.coworkly.events.invoicing.InvoiceKind;
import com.coworkly.events.invoicing.InvoiceLine;
import com.coworkly.events.membership.MembershipPeriodPaid;
import com.coworkly.events.membership.MembershipRequested;
import com.coworkly.events.membership.PlanDefined;
import com.coworkly.events.membership.PlanRevised;
import com.coworkly.queryside.dashboards.DashboardBookings.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
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
 *
 * <p>The catalogue's facts are copied here; a booking's status is kept by {@link DashboardBookings}, its sums by
 * {@link RunningSums} and its member by {@link MemberCounts}; membership fees and credits spent by
 * {@link MembershipFigures}. They are one event handler, built from one
 * template, because a rebuild makes a second instance writing elsewhere ({@link DashboardsRebuild}).
 */
@Component
@ProcessingGroup(DashboardReadModel.GROUP)
class DashboardProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DashboardBookings bookings;
    private final RunningSums sums;
    private final MemberCounts members;
    private final MembershipFigures memberships;

    DashboardProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.bookings = new DashboardBookings(jdbc);
        this.sums = new RunningSums(jdbc);
        this.members = new MemberCounts(jdbc);
        this.memberships = new MembershipFigures(jdbc);
    }

    @EventHandler
    void on(SpaceRegistered event) {
        jdbc.update(
                "INSERT INTO dashboard_space (space_id, name, time_zone, currency) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.name(),
                event.timeZone().getId(),
                event.currency().getCurrencyCode());
    }

    @EventHandler
    void on(ManagerGranted event) {
        jdbc.update(
                "INSERT INTO dashboard_manager (space_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.spaceId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(ResourceAdded event, @Timestamp Instant addedAt) {
        jdbc.update(
                "INSERT INTO dashboard_resource (resource_id, space_id, name, kind, added_at) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING",
                event.resourceId().value(),
                event.spaceId().value(),
                event.description().name(),
                event.description().kind().name(),
                utc(addedAt));
        openingHoursFrom(event.resourceId().value(), addedAt, event.openingHours());
    }

    @EventHandler
    void on(ResourceDescriptionRevised event) {
        jdbc.update(
                "UPDATE dashboard_resource SET name = ?, kind = ? WHERE resource_id = ?",
                event.description().name(),
                event.description().kind().name(),
                event.resourceId().value());
    }

    @EventHandler
    void on(OpeningHoursChanged event, @Timestamp Instant changedAt) {
        openingHoursFrom(event.resourceId().value(), changedAt, event.openingHours());
    }

    @EventHandler
    void on(ResourceRetired event, @Timestamp Instant retiredAt) {
        jdbc.update(
                "UPDATE dashboard_resource SET retired_at = ? WHERE resource_id = ? AND retired_at IS NULL",
                utc(retiredAt),
                event.resourceId().value());
    }

    @EventHandler
    void on(ResourceBlocked event) {
        jdbc.update(
                "INSERT INTO dashboard_block (block_id, resource_id, space_id, period, reason) "
                        + "VALUES (?, ?, ?, tstzrange(?, ?), ?) ON CONFLICT DO NOTHING",
                event.blockId().value(),
                event.resourceId().value(),
                event.spaceId().value(),
                utc(event.period().start()),
                utc(event.period().end()),
                event.reason());
    }

    @EventHandler
    void on(BlockRemoved event) {
        jdbc.update(
                "DELETE FROM dashboard_block WHERE block_id = ?",
                event.blockId().value());
    }

    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant placedAt) {
        bookings.place(event, placedAt);
    }

    @EventHandler
    void on(BookingConfirmed event) {
        bookings.changeStatus(event.bookingId().value(), Status.PENDING_PAYMENT, Status.TAKING_PLACE)
                .ifPresent(booking -> count(booking, 1));
    }

    @EventHandler
    void on(BookingExpired event) {
        bookings.changeStatus(event.bookingId().value(), Status.PENDING_PAYMENT, Status.EXPIRED);
    }

    /** A paid booking takes back what it counted; a paid or unpaid one counts as a cancellation, early or late. */
    @EventHandler
    void on(BookingCancelled event, @Timestamp Instant cancelledAt) {
        String bookingId = event.bookingId().value();
        Optional<CountedBooking> paid = bookings.changeStatus(bookingId, Status.TAKING_PLACE, Status.CANCELLED);
        paid.ifPresent(booking -> count(booking, -1));
        Optional<CountedBooking> cancelled =
                paid.isPresent() ? paid : bookings.changeStatus(bookingId, Status.PENDING_PAYMENT, Status.CANCELLED);
        cancelled.ifPresent(booking -> sums.addToDay(
                booking,
                booking.startDate(),
                new Contribution()
                        .add("cancellations_" + (booking.isLateCancellation(cancelledAt) ? "late" : "early"), 1)
                        .add("late_fees", event.fee().minorUnits())
                        .add("refunds", event.refund().minorUnits())));
    }

    /**
     * Invoices add to the revenue of their booking's day, credit notes take it away. A company's monthly invoice
     * names no booking of its own: each of its lines adds to the day of the booking it charges.
     */
    @EventHandler
    void on(InvoiceIssued event) {
        int sign = event.kind() == InvoiceKind.CREDIT_NOTE ? -1 : 1;
        if (event.bookingId() != null) {
            addRevenue(event.bookingId().value(), sign, event.net(), event.vat(), event.gross());
            return;
        }
        for (InvoiceLine line : event.lines()) {
            if (line.bookingId() != null) {
                addRevenue(line.bookingId().value(), sign, line.net(), line.vat(), line.gross());
            }
        }
    }

    private void addRevenue(String bookingId, int sign, Money net, Money vat, Money gross) {
        bookings.find(bookingId)
                .ifPresent(booking -> sums.addToDay(
                        booking,
                        booking.startDate(),
                        new Contribution()
                                .add("revenue_gross", sign * gross.minorUnits())
                                .add("revenue_net", sign * net.minorUnits())
                                .add("revenue_vat", sign * vat.minorUnits())));
    }

    @EventHandler
    void on(PlanDefined event) {
        memberships.planRevision(event.planId(), 1, event.terms());
    }

    @EventHandler
    void on(PlanRevised event) {
        memberships.planRevision(event.planId(), event.revision(), event.terms());
    }

    @EventHandler
    void on(MembershipRequested event) {
        memberships.requested(event);
    }

    @EventHandler
    void on(MembershipPeriodPaid event) {
        memberships.periodPaid(event);
    }

    /** A company plan's period is membership revenue too, shared among the spaces its plan covers like a member's. */
    @EventHandler
    void on(CompanyPlanPeriodStarted event) {
        memberships.companyPeriodStarted(event);
    }

    @EventHandler
    void on(BookingPaidWithCredits event) {
        memberships.paidWithCredits(event);
    }

    @EventHandler
    void on(CreditsReturned event, @MessageIdentifier String eventId) {
        memberships.returned(event, eventId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE " + String.join(", ", DashboardReadModel.TABLES));
    }

    /** What a booking taking place adds ({@code sign} 1) or, cancelled, takes back ({@code sign} -1). */
    private void count(CountedBooking booking, int sign) {
        Map<LocalDate, Long> secondsPerDay = LocalTimeSplit.secondsPerDay(booking.period(), booking.zone());
        secondsPerDay.forEach((date, seconds) -> {
            Contribution contribution = new Contribution().add("booked_seconds", sign * seconds);
            if (date.equals(booking.startDate())) {
                contribution
                        .add("bookings", sign)
                        .add("lead_seconds", sign * booking.leadTime().toSeconds());
            }
            sums.addToDay(booking, date, contribution);
        });
        sums.addToHours(booking, sign);
        members.count(booking, sign);
    }

    private void openingHoursFrom(String resourceId, Instant from, WeeklyOpeningHours hours) {
        try {
            jdbc.update(
                    "INSERT INTO dashboard_opening_hours (resource_id, effective_from, opening_hours) "
                            + "VALUES (?, ?, ?::jsonb) ON CONFLICT DO NOTHING",
                    resourceId,
                    utc(from),
                    json.writeValueAsString(hours.windows()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours are always serializable", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
