package com.coworkly.queryside.credits;

import com.coworkly.queryside.paging.PageRequest;
import com.coworkly.queryside.paging.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/** Reads of the credit ledgers, a member's or a company's pool; a statement in the ledger's order, so pages never shuffle. */
@Component
public class CreditQueries {

    private final JdbcTemplate jdbc;

    CreditQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CreditViews.Balance balance(String accountId) {
        List<CreditViews.Grant> grants = jdbc.query(
                """
                SELECT grant_id, granted, remaining, resource_kinds, expires_at FROM credit_grant_view
                WHERE account_id = ? AND expires_at > now() ORDER BY expires_at, grant_id""",
                (rs, row) -> new CreditViews.Grant(
                        rs.getString("grant_id"),
                        rs.getLong("granted"),
                        rs.getLong("remaining"),
                        Arrays.asList((String[]) rs.getArray("resource_kinds").getArray()),
                        rs.getTimestamp("expires_at").toInstant()),
                accountId);
        return new CreditViews.Balance(
                grants.stream().mapToLong(CreditViews.Grant::remaining).sum(), grants);
    }

    public Paged<CreditViews.Entry> statement(String accountId, PageRequest page) {
        List<CreditViews.Entry> items = jdbc.query(
                """
                SELECT position, kind, minutes, grant_id, booking_id, at FROM credit_entry_view
                WHERE account_id = ? ORDER BY position, grant_id, kind LIMIT ? OFFSET ?""",
                (rs, row) -> new CreditViews.Entry(
                        rs.getLong("position"),
                        rs.getString("kind"),
                        rs.getLong("minutes"),
                        rs.getString("grant_id"),
                        rs.getString("booking_id"),
                        rs.getTimestamp("at").toInstant()),
                accountId,
                page.size(),
                page.offset());
        return Paged.of(
                items,
                page,
                jdbc.queryForObject(
                        "SELECT count(*) FROM credit_entry_view WHERE account_id = ?", Long.class, accountId));
    }
}
