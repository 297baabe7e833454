package com.coworkly.queryside.dashboards;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/**
 * Unique members, kept as counts because distinct counts do not add up: each member's bookings per calendar day,
 * week and month of a resource and of the whole space ({@code dashboard_member_bucket}), the members above zero
 * in each of those buckets ({@code dashboard_unique_members}), and the days each member booked in the space
 * ({@code dashboard_space_member}). See docs/dashboards.md, "How it stays fast".
 */
final class MemberCounts {

    private final JdbcTemplate jdbc;

    MemberCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The member's bookings in the day, week and month the booking starts, of its resource and of the whole
     * space; a bucket's unique members go up when a member's count there becomes 1 and down when it becomes 0, and
     * so do the member's booking days in the space. One statement, so that all change together.
     */
    void count(CountedBooking booking, int sign) {
        List<Object> args = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Granularity granularity : Granularity.values()) {
            for (String scope : List.of(booking.resourceId(), DashboardReadModel.SPACE_SCOPE)) {
                rows.append(rows.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
                args.addAll(List.of(
                        booking.spaceId(),
                        granularity.name(),
                        Date.valueOf(granularity.bucketOf(booking.startDate())),
                        scope,
                        booking.memberId(),
                        sign));
            }
        }
        args.addAll(List.of(booking.spaceId(), booking.memberId(), booking.spaceId(), sign, sign > 0 ? 1 : 0));
        String bookingDays = sign > 0 ? """
                INSERT INTO dashboard_space_member AS s (space_id, member_id, booking_days)
                SELECT ?, ?, datemultirange(daterange(bucket, bucket + 1)) FROM changed
                WHERE granularity = 'DAY' AND resource_id = '' AND bookings = 1
                ON CONFLICT (space_id, member_id) DO UPDATE SET booking_days = s.booking_days + excluded.booking_days""" : """
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
}
