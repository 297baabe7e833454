package com.coworkly.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/**
 * Keeps {@code idempotent_request} small. Answers are kept for {@code retention} (a day by default): longer than
 * any client retries. A claim whose request never finished (its instance died mid-request) and that no retry
 * took over once its lease ran out is deleted {@code abandonedAfter} after its lease ended.
 */
class IdempotencyHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration abandonedAfter;

    IdempotencyHousekeeping(JdbcTemplate jdbc, Duration retention, Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    @Scheduled(fixedDelayString = "${booking.idempotency.housekeeping-interval:PT10M}", initialDelayString = "PT1M")
    void forgetOldRequests() {
        int expired = jdbc.update(
                "DELETE FROM idempotent_request WHERE completed_at < now() - ?::interval",
                retention.toSeconds() + " seconds");
        int abandoned = jdbc.update(
                "DELETE FROM idempotent_request WHERE status IS NULL AND lease_until < now() - ?::interval",
                abandonedAfter.toSeconds() + " seconds");
        if (expired + abandoned > 0) {
            log.info("Forgot {} remembered answers and released {} abandoned idempotency claims", expired, abandoned);
        }
    }
}
