package com.coworkly.queryside.dashboards.figures;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads the membership revenue and the credits spent from the facts the dashboards keep of them
 * ({@code dashboards.MembershipFigures}), joining them here because they come from aggregates sequenced apart.
 * They read a row per paid period and per booking paid with credits in the range, not running sums: far fewer rows
 * than a space's bookings, and no running sum of them could be kept in the space's sequence (docs/dashboards.md).
 */
@Component
class MembershipSums {

    /** A fee paid for a period starting on {@code day}; the plan names {@code spaces} spaces, this one at {@code position} (0-based, by id). */
    record ShareOfFee(LocalDate day, long fee, int spaces, int position) {

        /**
         * The fee split equally among the plan's spaces; the minor units that do not divide go one each to the
         * first spaces by id, so that the shares add up to the fee exactly.
         */
        long share() {
            return fee / spaces + (position < fee % spaces ? 1 : 0);
        }
    }

    record NetworkFee(LocalDate day, String currency, long fee) {}

    record CreditMinutes(String resourceId, LocalDate day, long minutes) {}

    private final JdbcTemplate jdbc;

    MembershipSums(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The fees of plans naming the space, for periods starting in [from, to) of its zone, on their local day. */
    List<ShareOfFee> feesOfPlansNaming(String spaceId, ZoneId zone, LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT (f.period_start AT TIME ZONE ?)::date AS day, f.fee, cardinality(r.space_ids) AS spaces,
                       array_position(r.space_ids, ?::varchar) - 1 AS position
                FROM dashboard_membership_fee f
                JOIN dashboard_plan_revision r ON r.plan_id = f.plan_id AND r.revision = f.plan_revision
                WHERE NOT r.whole_network AND ?::varchar = ANY (r.space_ids)
                  AND f.period_start >= ? AND f.period_start < ?""",
                (rs, row) -> new ShareOfFee(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("fee"),
                        rs.getInt("spaces"),
                        rs.getInt("position")),
                zone.getId(),
                spaceId,
                spaceId,
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.atStartOfDay(zone).toOffsetDateTime());
    }

    /** The fees of plans for the whole network, for periods starting in [from, to) in UTC, on their UTC day. */
    List<NetworkFee> feesOfNetworkPlans(LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT (f.period_start AT TIME ZONE 'UTC')::date AS day, f.currency, f.fee
                FROM dashboard_membership_fee f
                JOIN dashboard_plan_revision r ON r.plan_id = f.plan_id AND r.revision = f.plan_revision
                WHERE r.whole_network AND f.period_start >= ? AND f.period_start < ?""",
                (rs, row) -> new NetworkFee(
                        rs.getObject("day", LocalDate.class), rs.getString("currency"), rs.getLong("fee")),
                from.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
                to.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
    }

    /**
     * The minutes credits paid of the space's bookings starting in [from, to), less what they got back, per
     * resource and the local day each booking starts.
     */
    List<CreditMinutes> creditMinutes(String spaceId, ZoneId zone, LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                SELECT b.resource_id, (lower(b.period) AT TIME ZONE ?)::date AS day,
                       sum(c.minutes - coalesce((SELECT sum(r.minutes) FROM dashboard_credit_return r
                                                 WHERE r.booking_id = c.booking_id), 0)) AS minutes
                FROM dashboard_credit_spending c JOIN dashboard_booking b ON b.booking_id = c.booking_id
                WHERE b.space_id = ? AND lower(b.period) >= ? AND lower(b.period) < ?
                GROUP BY 1, 2""",
                (rs, row) -> new CreditMinutes(
                        rs.getString("resource_id"), rs.getObject("day", LocalDate.class), rs.getLong("minutes")),
                zone.getId(),
                spaceId,
                from.atStartOfDay(zone).toOffsetDateTime(),
                to.atStartOfDay(zone).toOffsetDateTime());
    }
}
