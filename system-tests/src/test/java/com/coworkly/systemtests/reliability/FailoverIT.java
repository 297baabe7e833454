package com.coworkly.systemtests.reliability;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.AutoFailoverCluster;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17's failover test. PostgreSQL runs as production runs it, a primary with a synchronous standby under
 * pg_auto_failover ({@link AutoFailoverCluster}); both services run twice, on the driver's multi-host URL with
 * {@code targetServerType=primary}. Members book, pay and cancel without pause ({@link MembersUnderLoad}) through clients that retry on the
 * other instance ({@link RetryingClient}); meanwhile the primary's node dies (its keeper, postmaster and backends
 * are killed at once, {@link AutoFailoverCluster#killPrimaryNode()}). The monitor promotes the standby, not the test, and no service is restarted. Afterwards, from the new primary's
 * event store as the truth: every booking acknowledged with a 2xx is there, once; no slot was held twice and no
 * member held more than three bookings at an instant; unpaid bookings expired (db-scheduler's deadlines fired on the
 * new primary); every read model caught up with the store and agrees with it, on both query-side instances; every
 * email was sent, none twice; and clients saw nothing but 503s while the database was away, and none later than a settling time after
 * it was back. The figures go to the test's output and {@code target/failover.txt} (docs/reliability.md quotes
 * them).
 */
class FailoverIT {

    private static final int MEMBERS = 6;
    private static final int DESKS = 6;
    private static final int QUERY_SIDE_INSTANCES = 2;
    private static final Duration PAYMENT_HOLD = Duration.ofSeconds(20);
    /** From the kill to the first write acknowledged again: the monitor's ~3 s, promotion, the pools' reconnect. */
    private static final Duration OUTAGE_BUDGET = Duration.ofSeconds(30);
    /** After the first write is acknowledged again, clients may still see 503s for this long (a slower pool). */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    private static AutoFailoverCluster cluster;
    private static MailCatcher mail;
    private static RunningSystem system;

    private MembersUnderLoad load;

    @BeforeAll
    static void start() {
        cluster = AutoFailoverCluster.start();
        mail = new MailCatcher();
        // A dispatcher that loses the database mid-batch leaves the rest of its batch claimed until the lease runs
        // out (five minutes by default); GreenMail answers in milliseconds, so 20 s is plenty.
        Map<String, String> querySide = new HashMap<>(mail.querySideEnvironment());
        querySide.put("BOOKING_EMAILS_CLAIM_LEASE", "PT20S");
        system = RunningSystem.startOnDatabase(
                cluster.server(),
                cluster.jdbcUrl("primary"),
                Map.of(
                        "BOOKING_PAYMENT_HOLD",
                        PAYMENT_HOLD.toString(),
                        "BOOKING_DEADLINES_HOUSEKEEPING_INTERVAL",
                        "PT5S"),
                querySide);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theStandbyTakesOverByItselfAndNothingAcknowledgedIsLost() throws Exception {
        Api api = system.api();
        load = MembersUnderLoad.inANewHall(system, "Failover", DESKS, MEMBERS, Duration.ofMinutes(2));
        Api secondQuery = system.apiOnSecondQuerySide();
        List<Api.Session> members = load.members();

        load.start();
        Instant killed;
        Instant promoted;
        int formerPrimary;
        try {
            load.awaitMoreBookings(20);
            formerPrimary = cluster.primaryPort();
            killed = cluster.killPrimaryNode();
            promoted = cluster.awaitFailover(formerPrimary, Duration.ofMinutes(1));
            System.out.printf(
                    "%s failover: standby writable %d ms after the kill; %s%n",
                    promoted, Duration.between(killed, promoted).toMillis(), cluster.states());
            Duration left = OUTAGE_BUDGET.minus(Duration.between(killed, Instant.now()));
            assertThat(left)
                    .as("what is left of the outage budget once the standby takes writes")
                    .isPositive();
            await("a write acknowledged again after the failover")
                    .atMost(left)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> firstSuccessAfter(load.commands(), killed).isPresent());
            // the load goes on well past the recovery
            load.awaitMoreBookings(20);
        } finally {
            load.stop();
        }
        Instant loadEnded = Instant.now();
        assertThat(cluster.primaryPort()).as("the primary after the failover").isNotEqualTo(formerPrimary);

        EventStore events = system.eventStore();
        CrashSafetyIT.History history = CrashSafetyIT.History.of(events);
        assertThat(load.unexpected()).as("answers no client should get").isEmpty();
        assertThat(load.acknowledged())
                .as("acknowledged bookings")
                .allSatisfy(booking -> assertThat(history.placements(booking))
                        .as("BookingPlaced events of acknowledged booking %s", booking)
                        .isEqualTo(1));
        assertThat(history.violations())
                .as("slots held twice, or members over three bookings")
                .isEmpty();

        // The payment holds' deadlines, scheduled on the old primary, fire from the new one.
        await("every unpaid booking expired")
                .atMost(PAYMENT_HOLD.plus(Duration.ofMinutes(2)))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> CrashSafetyIT.History.of(events).pending().isEmpty());
        CrashSafetyIT.History settled = CrashSafetyIT.History.of(events);
        long lastPosition = events.longValue("SELECT max(global_index) FROM event_store.domain_event_entry");

        await("every processor of both sides caught up with the event store")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> processorsBehind(events, lastPosition).isEmpty());
        assertThat(settled.statuses()).as("booking_view against the events").isEqualTo(readModelStatuses(events));
        assertThat(occupied(events))
                .as("availability against the live bookings")
                .isEqualTo(settled.live());
        for (Api querySide : List.of(api, secondQuery)) {
            for (Api.Session member : members) {
                assertThat(listedBookings(querySide, member, lastPosition))
                        .as("%s's bookings on %s", member.memberId(), querySide.querySideUrl())
                        .containsAll(load.acknowledgedOf(member));
            }
        }

        await("every email sent")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        events.longValue("SELECT count(*) FROM query_side.outbound_email WHERE sent_at IS NULL") == 0);
        int written = events.strings("SELECT kind || ' ' || booking_id FROM query_side.outbound_email")
                .size();
        Map<String, Long> received = mail.messageIds().stream()
                .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
        assertThat(received).as("one Message-ID per email written").hasSize(written);
        long duplicates =
                received.values().stream().mapToLong(copies -> copies - 1).sum();
        // A dispatcher that sent an email it could not mark sent marks it once the database is back (EmailDispatcher).
        assertThat(duplicates).as("emails sent twice").isZero();

        Instant writesBack = firstSuccessAfter(load.commands(), killed).orElseThrow();
        List<RetryingClient.Failure> failures = load.failures();
        assertThat(failures)
                .as("failed attempts: 503s (or an idempotent original still running), never a 500")
                .allSatisfy(failure -> assertThat(failure.what()).matches("503 .*|409 IDEMPOTENT_REQUEST_IN_PROGRESS"));
        assertThat(failures)
                .as("failed attempts only while the database was away, and shortly after")
                .allSatisfy(failure -> assertThat(failure.at()).isBetween(killed, writesBack.plus(SETTLING)));

        report(settled, killed, promoted, writesBack, written, duplicates, Duration.between(loadEnded, Instant.now()));
    }

    /** When the first 2xx came to an attempt sent after {@code instant}: one the new primary must have served. */
    private static Optional<Instant> firstSuccessAfter(RetryingClient client, Instant instant) {
        return client.successes().stream()
                .filter(success -> success.sent().isAfter(instant))
                .map(RetryingClient.Success::answered)
                .min(Instant::compareTo);
    }

    /**
     * Every tracking processor's segments, on both sides, whose token is short of {@code position}: the read models,
     * the notifications' outbox writer, the sagas. A segment none claims or that never moved counts as behind.
     */
    private static List<String> processorsBehind(EventStore events, long position) {
        List<String> behind = new ArrayList<>();
        for (String schema : List.of("command_side", "query_side")) {
            behind.addAll(events.strings("""
                    SELECT processor_name || '/' || segment || ' at ' || coalesce(index::text, 'no token')
                    FROM (SELECT processor_name, segment,
                                 coalesce(t -> 'currentToken' ->> 'index', t ->> 'index')::bigint AS index
                          FROM (SELECT processor_name, segment, convert_from(token, 'UTF8')::jsonb AS t
                                FROM %s.token_entry WHERE processor_name NOT LIKE '\\_\\_%%') tokens) indexes
                    WHERE index IS NULL OR index < ?""".formatted(schema), position));
        }
        return behind;
    }

    /** The member's bookings as one query-side instance lists them, once it has read up to {@code position}. */
    private static Set<String> listedBookings(Api querySide, Api.Session member, long position) {
        Set<String> listed = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = querySide
                    .querySide()
                    .as(member)
                    .get("/api/members/me/bookings?size=100&page=" + page + "&after=" + position)
                    .expectStatus(200)
                    .body();
            answer.get("items").forEach(item -> listed.add(item.get("bookingId").asText()));
            if (page + 1 >= answer.get("totalPages").asInt()) {
                return listed;
            }
        }
    }

    private static Map<String, String> readModelStatuses(EventStore events) {
        Map<String, String> statuses = new HashMap<>();
        events.strings("SELECT booking_id || ' ' || status FROM query_side.booking_view")
                .forEach(row -> {
                    String[] parts = row.split(" ");
                    statuses.put(parts[0], parts[1]);
                });
        return statuses;
    }

    private static Set<String> occupied(EventStore events) {
        return Set.copyOf(events.strings("SELECT owner_id FROM query_side.occupied_period WHERE kind = 'BOOKING'"));
    }

    private void report(
            CrashSafetyIT.History history,
            Instant killed,
            Instant promoted,
            Instant writesBack,
            int emails,
            long duplicates,
            Duration converging)
            throws Exception {
        RetryingClient commands = load.commands();
        RetryingClient queries = load.queries();
        List<RetryingClient.Failure> failures = load.failures();
        Map<String, Long> byWhat = new TreeMap<>();
        failures.forEach(failure -> byWhat.merge(failure.what(), 1L, Long::sum));
        Optional<Instant> readsBack = firstSuccessAfter(queries, killed);
        Instant lastFailure = failures.stream()
                .map(RetryingClient.Failure::at)
                .max(Instant::compareTo)
                .orElse(killed);
        String text = """
                Failover test run %s
                primary node killed (keeper, postmaster and backends); standby promoted and writable after %d ms
                first write acknowledged (2xx) again %d ms after the kill; first read %s ms after it
                failed attempts: %d %s, of which 503: %d, 500: %d; the last %d ms after the kill
                requests settled: %d (commands %d, reads %d); attempts: %d
                bookings acknowledged (201): %d, each in the event store once; placed in all: %d
                payments: %d; cancellations: %d; refusals: %s
                at the end: %s
                emails written and sent: %d, second copies: %d; every processor caught up %d s after the load ended
                """.formatted(
                Instant.now(),
                Duration.between(killed, promoted).toMillis(),
                Duration.between(killed, writesBack).toMillis(),
                readsBack
                        .map(back ->
                                Long.toString(Duration.between(killed, back).toMillis()))
                        .orElse("(none)"),
                failures.size(),
                byWhat,
                failures.stream().filter(f -> f.what().startsWith("503")).count(),
                failures.stream().filter(f -> f.what().startsWith("500")).count(),
                Duration.between(killed, lastFailure).toMillis(),
                commands.settled() + queries.settled(),
                commands.settled(),
                queries.settled(),
                commands.attempts() + queries.attempts(),
                load.acknowledged().size(),
                history.placed(),
                load.paid(),
                load.cancelled(),
                load.refusals(),
                countBy(history.statuses().values()),
                emails,
                duplicates,
                converging.toSeconds());
        System.out.print(text);
        Path report = Path.of("target", "failover.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
    }

    private static String countBy(java.util.Collection<String> items) {
        Map<String, Long> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(item, 1L, Long::sum));
        return counts.toString();
    }
}
