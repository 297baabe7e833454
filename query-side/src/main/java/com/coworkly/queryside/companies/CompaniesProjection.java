package com.coworkly.queryside.companies;

import com.coworkly.events.booking.BookingPlaced;
import com.coworkly.events.company.CompanyAdministratorAppointed;
import com.coworkly.events.company.CompanyMemberAdded;
import com.coworkly.events.company.CompanyMemberRemoved;
import com.coworkly.events.company.CompanyRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps company accounts: billing details, administrators, seats, and which bookings are the team's. A booking is
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
        jdbc.update("TRUNCATE company_view, company_administrator_view, company_seat_view, company_booking_view");
    }
}
