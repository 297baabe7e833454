package com.coworkly.queryside.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The query-side instances that are alive, as their heartbeats in {@code query_side_instance} say, and how many
 * segments each processor has in {@code token_entry}: what {@link FairShareOfSegments} divides. Every instance
 * writes its heartbeat on a thread of its own (a slow SMTP server on the shared scheduler must not make it look
 * dead), and reads both figures back in the same tick, so the processors' coordinators never wait for the
 * database to ask. An instance that stops gracefully deletes its heartbeat as its shutdown begins, before its
 * processors release their claims, so that the others are ready to claim them at once; one that is killed is
 * counted until its heartbeat is older than the timeout, which is as long as Axon keeps its claims (10 s), so the
 * survivors do not reach for segments that are still claimed.
 */
@Component
class LiveInstances {

    private static final Logger log = LoggerFactory.getLogger(LiveInstances.class);

    /** The token store's default owner name (pid@host), so that a heartbeat and its instance's claims match. */
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final Duration timeout;
    private final ScheduledExecutorService heartbeat =
            Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "query-side-heartbeat"));
    private volatile int alive = 1;
    private volatile Map<String, Integer> segments = Map.of();

    LiveInstances(
            JdbcTemplate jdbc,
            @Value("${booking.processors.heartbeat-interval:PT2S}") Duration interval,
            @Value("${booking.processors.instance-timeout:PT10S}") Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = timeout;
        beat();
        heartbeat.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Instances with a recent heartbeat, this one included. */
    int alive() {
        return alive;
    }

    /** The processor's segment count, or null before its tokens exist. */
    Integer segmentsOf(String processor) {
        return segments.get(processor);
    }

    private void beat() {
        try {
            jdbc.update(
                    "INSERT INTO query_side_instance (node_id, last_seen) VALUES (?, now()) "
                            + "ON CONFLICT (node_id) DO UPDATE SET last_seen = now()",
                    nodeId);
            Integer counted = jdbc.queryForObject(
                    "SELECT count(*) FROM query_side_instance " + "WHERE last_seen > now() - make_interval(secs => ?)",
                    Integer.class,
                    timeout.toMillis() / 1000.0);
            Map<String, Integer> counts = new HashMap<>();
            jdbc.query("SELECT processor_name, count(*) FROM token_entry GROUP BY processor_name", row -> {
                counts.put(row.getString(1), row.getInt(2));
            });
            if (counted != null && counted != alive) {
                log.info(
                        "{} query-side instance(s) alive, was {}: sharing the processors' segments among them",
                        counted,
                        alive);
            }
            alive = Math.max(1, counted == null ? 1 : counted);
            segments = Map.copyOf(counts);
        } catch (RuntimeException e) {
            // The last figures stand: a database hiccup must not make this instance drop or grab segments.
            log.warn("query-side heartbeat failed; keeping the last known instance count ({})", alive, e);
        }
    }

    /** Published when shutdown begins, before the processors (lifecycle beans) stop. */
    @EventListener(ContextClosedEvent.class)
    void leave() {
        heartbeat.shutdownNow();
        try {
            // A beat under way must not write the row again after it is deleted.
            heartbeat.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jdbc.update("DELETE FROM query_side_instance WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.warn("could not delete this instance's heartbeat; it expires after {}", timeout, e);
        }
    }
}
