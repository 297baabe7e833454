package com.coworkly.queryside.companies;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** Reads of company accounts and of their teams' bookings. */
@Component
class CompanyQueries {

    /** The team's bookings with their state from the bookings read model. */
    private static final String TEAM_BOOKINGS = """
            FROM company_booking_view c JOIN booking_view b USING (booking_id)
            WHERE c.company_id = ?""";

    private final JdbcTemplate jdbc;

    CompanyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CompanyViews.CompanyView> company(String companyId) {
        return jdbc
                .query("SELECT * FROM company_view WHERE company_id = ?", (rs, row) -> company(rs), companyId)
                .stream()
                .findFirst();
    }

    boolean isAdministeredBy(String companyId, String memberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM company_administrator_view WHERE company_id = ? AND member_id = ?)",
                Boolean.class,
                companyId,
                memberId));
    }

    /** Newest first: what an administrator checks is mostly this month's. */
    Paged<CompanyViews.TeamBooking> bookings(String companyId, PageRequest page) {
        List<CompanyViews.TeamBooking> items = jdbc.query(
                "SELECT b.*, lower(b.period) AS starts, upper(b.period) AS ends " + TEAM_BOOKINGS
                        + " ORDER BY c.placed_at DESC, c.booking_id LIMIT ? OFFSET ?",
                (rs, row) -> booking(rs),
                companyId,
                page.size(),
                page.offset());
        Long total = jdbc.queryForObject("SELECT count(*) " + TEAM_BOOKINGS, Long.class, companyId);
        return Paged.of(items, page, total == null ? 0 : total);
    }

    /** Every one of the team's bookings, for the CSV export. */
    List<CompanyViews.TeamBooking> allBookings(String companyId) {
        return jdbc.query(
                "SELECT b.*, lower(b.period) AS starts, upper(b.period) AS ends " + TEAM_BOOKINGS
                        + " ORDER BY c.placed_at, c.booking_id",
                (rs, row) -> booking(rs),
                companyId);
    }

    /** What was paid stays spent unless refunded: a cancelled booking counts its fee, an expired one nothing. */
    CompanyViews.TeamUse use(String companyId) {
        Long bookings = jdbc.queryForObject("SELECT count(*) " + TEAM_BOOKINGS, Long.class, companyId);
        Long minutes = jdbc.queryForObject(
                "SELECT coalesce(sum(b.credit_minutes), 0) " + TEAM_BOOKINGS + " AND b.status <> 'EXPIRED'",
                Long.class,
                companyId);
        List<CompanyViews.Spend> spend = jdbc.query(
                """
                SELECT b.currency, sum(CASE WHEN b.status IN ('CONFIRMED', 'COMPLETED') THEN b.price
                                            WHEN b.status = 'CANCELLED' THEN coalesce(b.fee, 0)
                                            ELSE 0 END) AS amount
                """ + TEAM_BOOKINGS + " GROUP BY b.currency ORDER BY b.currency",
                (rs, row) -> new CompanyViews.Spend(rs.getLong("amount"), rs.getString("currency")),
                companyId);
        return new CompanyViews.TeamUse(bookings == null ? 0 : bookings, minutes == null ? 0 : minutes, spend);
    }

    private CompanyViews.CompanyView company(ResultSet rs) throws SQLException {
        String companyId = rs.getString("company_id");
        return new CompanyViews.CompanyView(
                companyId,
                rs.getString("name"),
                new CompanyViews.BillingAddress(
                        rs.getString("street"),
                        rs.getString("postal_code"),
                        rs.getString("city"),
                        rs.getString("country_code")),
                rs.getString("vat_id"),
                jdbc.queryForList(
                        "SELECT member_id FROM company_administrator_view WHERE company_id = ? ORDER BY member_id",
                        String.class,
                        companyId),
                jdbc.query(
                        "SELECT member_id, added_at FROM company_seat_view WHERE company_id = ? ORDER BY member_id",
                        (seat, row) -> new CompanyViews.Seat(
                                seat.getString("member_id"),
                                seat.getTimestamp("added_at").toInstant()),
                        companyId),
                use(companyId),
                plan(companyId));
    }

    private CompanyViews.PlanHeld plan(String companyId) {
        return jdbc
                .query(
                        "SELECT * FROM company_plan_view WHERE company_id = ? AND period_number IS NOT NULL",
                        (rs, row) -> new CompanyViews.PlanHeld(
                                rs.getString("plan_id"),
                                rs.getString("plan_name"),
                                rs.getInt("plan_revision"),
                                rs.getString("home_space_id"),
                                rs.getTimestamp("started_at").toInstant(),
                                rs.getInt("period_number"),
                                rs.getTimestamp("period_start").toInstant(),
                                rs.getTimestamp("period_end").toInstant(),
                                rs.getInt("seats"),
                                rs.getLong("fee"),
                                rs.getString("currency"),
                                rs.getLong("pool_minutes"),
                                rs.getTimestamp("ends_at") == null
                                        ? null
                                        : rs.getTimestamp("ends_at").toInstant()),
                        companyId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private static CompanyViews.TeamBooking booking(ResultSet rs) throws SQLException {
        Long fee = rs.getObject("fee") == null ? null : rs.getLong("fee");
        return new CompanyViews.TeamBooking(
                rs.getString("booking_id"),
                rs.getString("member_id"),
                rs.getString("resource_id"),
                rs.getString("space_id"),
                instant(rs.getTimestamp("starts")),
                instant(rs.getTimestamp("ends")),
                rs.getString("status"),
                rs.getLong("price"),
                rs.getString("currency"),
                rs.getLong("credit_minutes"),
                fee);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
