package com.coworkly.commandside.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the index entries of deadlines that have fired: Axon removes a deadline once its handler has run, but
 * the index ({@link ScopeIndexedDeadlineManager}) learns of it only here. An entry goes only when its deadline is
 * gone, so a deadline that failed and waits to be retried can still be cancelled.
 */
@Component
class DeadlineScopeHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScopeHousekeeping.class);

    private final JdbcTemplate jdbc;

    DeadlineScopeHousekeeping(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(
            fixedDelayString = "${booking.deadlines.housekeeping-interval:PT10M}",
            initialDelayString = "${booking.deadlines.housekeeping-interval:PT10M}")
    void forgetFiredDeadlines() {
        int forgotten = jdbc.update("""
                DELETE FROM command_side.deadline_scope d
                WHERE d.fires_at < now()
                  AND NOT EXISTS (SELECT 1 FROM command_side.scheduled_tasks t
                                  WHERE t.task_name = ? AND t.task_instance = d.schedule_id)""", ScopeIndexedDeadlineManager.TASK_NAME);
        if (forgotten > 0) {
            log.info("Forgot {} fired deadlines", forgotten);
        }
    }
}
