package com.coworkly.queryside.calendar;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

/** Members' secret feed addresses: at most one each, stored as the hash of its token. */
@Component
class CalendarFeeds {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CalendarFeeds(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the member; the address of any earlier one stops working in the same statement. */
    FeedToken issue(String memberId) {
        FeedToken token = FeedToken.random(random);
        jdbc.update("""
                INSERT INTO calendar_feed (member_id, token_sha256, issued_at) VALUES (?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256, issued_at = EXCLUDED.issued_at""", memberId, token.sha256(), clock.instant().atOffset(ZoneOffset.UTC));
        return token;
    }

    void revoke(String memberId) {
        jdbc.update("DELETE FROM calendar_feed WHERE member_id = ?", memberId);
    }

    Optional<String> memberOf(FeedToken token) {
        return jdbc
                .queryForList(
                        "SELECT member_id FROM calendar_feed WHERE token_sha256 = ?", String.class, token.sha256())
                .stream()
                .findFirst();
    }
}
