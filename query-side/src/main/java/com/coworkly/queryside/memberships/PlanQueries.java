package com.coworkly.queryside.memberships;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads of the plans, in a stable order (name, then id) so pages never shuffle. */
@Component
class PlanQueries {

    private final JdbcTemplate jdbc;

    PlanQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Paged<PlanViews.PlanView> plans(boolean includeRetired, PageRequest page) {
        String filter = includeRetired ? "" : " WHERE NOT retired";
        List<PlanViews.PlanView> items = jdbc.query(
                "SELECT * FROM plan_view" + filter + " ORDER BY name, plan_id LIMIT ? OFFSET ?",
                (rs, row) -> plan(rs),
                page.size(),
                page.offset());
        return Paged.of(items, page, jdbc.queryForObject("SELECT count(*) FROM plan_view" + filter, Long.class));
    }

    Optional<PlanViews.PlanView> plan(String planId) {
        return jdbc.query("SELECT * FROM plan_view WHERE plan_id = ?", (rs, row) -> plan(rs), planId).stream()
                .findFirst();
    }

    private static PlanViews.PlanView plan(ResultSet rs) throws SQLException {
        boolean rollsOver = rs.getBoolean("rolls_over");
        return new PlanViews.PlanView(
                rs.getString("plan_id"),
                rs.getInt("revision"),
                rs.getString("name"),
                new PlanViews.Price(rs.getLong("monthly_price"), rs.getString("currency")),
                new PlanViews.Credits(rs.getLong("credit_minutes"), texts(rs, "credit_resource_kinds")),
                new PlanViews.Rollover(rollsOver, rollsOver ? rs.getLong("rollover_cap_minutes") : null),
                rs.getBoolean("whole_network"),
                texts(rs, "space_ids"),
                rs.getBoolean("credits_only"),
                rs.getBoolean("retired"));
    }

    private static List<String> texts(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
