package com.coworkly.queryside.memberships;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Reads of members' memberships. */
@Component
class MembershipQueries {

    private final JdbcTemplate jdbc;

    MembershipQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's live membership, or their latest one when none is live. */
    Optional<MembershipViews.MembershipView> current(String memberId) {
        return jdbc.query("""
                        SELECT m.*, p.name AS next_plan_name
                        FROM membership_view m LEFT JOIN plan_view p ON p.plan_id = m.next_plan_id
                        WHERE m.member_id = ?
                        ORDER BY (status = 'ENDED'), requested_at DESC, membership_id LIMIT 1""", (rs, row) -> membership(rs), memberId).stream().findFirst();
    }

    private static MembershipViews.MembershipView membership(ResultSet rs) throws SQLException {
        return new MembershipViews.MembershipView(
                rs.getString("membership_id"),
                rs.getString("plan_id"),
                rs.getString("plan_name"),
                rs.getInt("plan_revision"),
                new PlanViews.Price(rs.getLong("monthly_price"), rs.getString("currency")),
                rs.getString("status"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("paid_until")),
                instant(rs.getTimestamp("ends_at")),
                rs.getString("next_plan_id") == null
                        ? null
                        : new MembershipViews.NextPlan(
                                rs.getString("next_plan_id"),
                                rs.getString("next_plan_name"),
                                instant(rs.getTimestamp("next_plan_from"))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
