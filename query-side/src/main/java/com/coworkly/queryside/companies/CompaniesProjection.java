package com.coworkly.queryside.companies;

import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyPlanCancelled;
import com.coworkly.events.company.CompanyPlanEnded;
import com.coworkly.events.company.CompanyPlanPeriodStarted;
import com.coworkly.events.company.CompanyPlanSubscribed;
import com.coworkly.events.company.CompanyRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps company accounts: billing details, administrators, seats, the plan held for them, and which bookings are the
 * team's. A booking is
 * the team's when its member held a seat when it was placed, so this group takes events in the store's order (one
 * segment, application.yml): a replay then decides every booking as it was decided live.
 */
@Component
@ProcessingGroup(CompaniesProjection.GROUP)
class CompaniesProjection {

    static final String GROUP = "companies";

    private final JdbcTemplate jdbc;

    CompaniesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CompanyRegistered event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO company_view (company_id, name, street, postal_code, city, country_code, vat_id, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                event.companyId().value(),
                event.name(),
                event.billingAddress().street(),
                event.billingAddress().postalCode(),
                event.billingAddress().city(),
                event.billingAddress().countryCode(),
                event.vatId(),
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CompanyAdministratorAppointed event) {
        jdbc.update(
                "INSERT INTO company_administrator_view (company_id, member_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.companyId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(CompanyMemberAdded event, @Timestamp Instant at) {
        jdbc.update(
                "INSERT INTO company_seat_view (member_id, company_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                event.memberId().value(),
                event.companyId().value(),
                java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(CompanyMemberRemoved event) {
        jdbc.update(
                "DELETE FROM company_seat_view WHERE member_id = ? AND company_id = ?",
                event.memberId().value(),
                event.companyId().value());
    }

    @EventHandler
    void on(CompanyPlanSubscribed event) {
        jdbc.update(
                """
                INSERT INTO company_plan_view (company_id, plan_id, plan_name, plan_revision, home_space_id, started_at,
                                               currency)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (company_id) DO UPDATE SET plan_id = excluded.plan_id, plan_name = excluded.plan_name,
                    plan_revision = excluded.plan_revision, home_space_id = excluded.home_space_id,
                    started_at = excluded.started_at, currency = excluded.currency, period_number = NULL,
                    period_start = NULL, period_end = NULL, seats = NULL, fee = NULL, pool_minutes = NULL,
                    ends_at = NULL""",
                event.companyId().value(),
                event.planId().value(),
                event.terms().name(),
                event.planRevision(),
                event.homeSpaceId().value(),
                java.sql.Timestamp.from(event.startsAt()),
                event.terms().monthlyPrice().currency().getCurrencyCode());
    }

    @EventHandler
    void on(CompanyPlanPeriodStarted event) {
        jdbc.update(
                """
                UPDATE company_plan_view SET plan_revision = ?, period_number = ?, period_start = ?, period_end = ?,
                    seats = ?, fee = ?, pool_minutes = ?
                WHERE company_id = ?""",
                event.planRevision(),
                event.number(),
                java.sql.Timestamp.from(event.period().start()),
                java.sql.Timestamp.from(event.period().end()),
                event.seats(),
                event.fee().minorUnits(),
                event.poolMinutes(),
                event.companyId().value());
    }

    @EventHandler
    void on(CompanyPlanCancelled event) {
        jdbc.update(
                "UPDATE company_plan_view SET ends_at = ? WHERE company_id = ?",
                java.sql.Timestamp.from(event.endsAt()),
                event.companyId().value());
    }

    @EventHandler
    void on(CompanyPlanEnded event) {
        jdbc.update(
                "DELETE FROM company_plan_view WHERE company_id = ?",
                event.companyId().value());
    }

    @EventHandler
    void on(BookingPlaced event, @Timestamp Instant at) {
        jdbc.update(
                """
                INSERT INTO company_booking_view (booking_id, company_id, member_id, placed_at)
                SELECT ?, company_id, member_id, ? FROM company_seat_view WHERE member_id = ?
                ON CONFLICT DO NOTHING""",
                event.bookingId().value(),
                java.sql.Timestamp.from(at),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE company_view, company_administrator_view, company_seat_view, company_booking_view,"
                + " company_plan_view");
    }
}
