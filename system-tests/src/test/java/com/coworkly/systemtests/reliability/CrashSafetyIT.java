package com.coworkly.systemtests.reliability;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.DisposablePostgres;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's crash test. Members book, pay and cancel without pause against two command-side and two query-side
 * instances, retrying each request with its Idempotency-Key on the other instance when one fails, as clients behind
 * a load balancer would. Meanwhile a command-side instance is killed (SIGKILL) and started again, then a query-side
 * instance, then the PostgreSQL server crashes and restarts, with no service restarted after it. Afterwards, from the
 * event store as the truth:
 * <ul>
 *     <li>every booking that got a 2xx is in the event store exactly once;</li>
 *     <li>no slot was ever held by two live bookings, and no member ever held more than three at one instant
 *         (checked at every placement, in the order the events were stored);</li>
 *     <li>every booking left unpaid expired: its payment hold's deadline fired across the crashes;</li>
 *     <li>the read models of both query-side instances converge to the event store;</li>
 *     <li>every email was sent, and none twice except where an instance died between the mail server taking it
 *         and the outbox recording it (the limit docs/notifications.md describes), and then with one Message-ID;</li>
 *     <li>clients saw errors only while a part was down, and shortly after it came back.</li>
 * </ul>
 * The figures of each run are written to {@code target/crash-safety.txt} (docs/reliability.md quotes them).
 */
class CrashSafetyIT {

    private static final int MEMBERS = 8;
    private static final int DESKS = 6;
    private static final Duration PAYMENT_HOLD = Duration.ofSeconds(20);
    /** How long after a part is back clients may still see errors: a claim's lease, a retry's wait, a reconnect. */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    private static DisposablePostgres postgres;
    private static MailCatcher mail;
    private static RunningSystem system;

    private final List<Fault> faults = new ArrayList<>();
    private MembersUnderLoad load;

    record Fault(String what, Instant from, Instant until) {}

    @BeforeAll
    static void start() {
        // A query side killed in the middle of an SMTP conversation makes GreenMail's handler thread fail: expected
        // here, and not a reason for Awaitility (which fails an await on any thread's uncaught exception) to stop.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        postgres = DisposablePostgres.start();
        mail = new MailCatcher();
        // A dispatcher that dies (or loses the database) mid-batch leaves the rest of its batch claimed until the
        // claim's lease runs out: five minutes by default, long enough for a batch at the SMTP timeouts. GreenMail
        // answers in milliseconds, so a lease of 20 s keeps the wait for those emails within the test's patience.
        Map<String, String> querySide = new HashMap<>(mail.querySideEnvironment());
        querySide.put("BOOKING_EMAILS_CLAIM_LEASE", "PT20S");
        system = RunningSystem.startOn(
                postgres.server(),
                Map.of(
                        "BOOKING_PAYMENT_HOLD",
                        PAYMENT_HOLD.toString(),
                        "BOOKING_DEADLINES_HOUSEKEEPING_INTERVAL",
                        "PT5S"),
                querySide);
    }

    @AfterAll
    static void stop() {
        Awaitility.reset();
        if (system != null) {
            system.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void acknowledgedBookingsSurviveCrashesOfEveryPartExactlyOnceAndEverythingConverges() throws Exception {
        Api api = system.api();
        load = MembersUnderLoad.inANewHall(system, "Crash", DESKS, MEMBERS, Duration.ofMinutes(3));
        Api secondQuery = system.apiOnSecondQuerySide();
        List<Api.Session> members = load.members();

        // Each query side checks tokens with the keys it fetches from the first command side (BOOKING_JWKS_URI), and
        // keeps them; behind a load balancer it would fetch them from any live instance. Fetched here, before that
        // instance is killed, not left to whether a client happened to read from both query sides in time.
        for (Api querySide : List.of(api, secondQuery)) {
            assertThat(querySide
                            .querySide()
                            .as(members.get(0))
                            .get("/api/spaces")
                            .status())
                    .as("a token checked by " + querySide.querySideUrl())
                    .isEqualTo(200);
        }

        load.start();
        try {
            awaitMoreBookings(20);

            Instant killed = Instant.now();
            system.killCommandSide();
            awaitMoreBookings(10);
            system.startCommandSide();
            faults.add(new Fault("command-side instance killed (SIGKILL) and started again", killed, Instant.now()));

            awaitMoreBookings(10);
            killed = Instant.now();
            system.killQuerySide();
            awaitMoreBookings(10);
            system.startQuerySide();
            faults.add(new Fault("query-side instance killed (SIGKILL) and started again", killed, Instant.now()));

            awaitMoreBookings(10);
            Instant crashed = Instant.now();
            postgres.crashAndRestart();
            faults.add(new Fault("PostgreSQL crashed (immediate stop) and started again", crashed, Instant.now()));

            // No service is restarted: they find the database again on their own, and clients get answers again.
            awaitMoreBookings(30);
        } finally {
            load.stop();
        }
        Instant loadEnded = Instant.now();

        EventStore events = system.eventStore();
        History history = History.of(events);
        assertThat(load.unexpected()).as("answers no client should get").isEmpty();
        assertThat(load.acknowledged())
                .allSatisfy(booking -> assertThat(history.placements(booking))
                        .as("BookingPlaced events of acknowledged booking %s", booking)
                        .isEqualTo(1));
        assertThat(history.violations())
                .as("slots held twice, or members over three bookings")
                .isEmpty();

        // Every booking never paid nor cancelled expires when its hold runs out: the deadlines survived the crashes.
        await("every unpaid booking expired")
                .atMost(PAYMENT_HOLD.plus(Duration.ofMinutes(2)))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> History.of(events).pending().isEmpty());
        History settled = History.of(events);

        // Both query-side instances read the same tables: they converge on what the events say.
        await("the read models converge to the event store")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> settled.statuses().equals(readModelStatuses(events))
                        && settled.live().equals(occupied(events)));

        await("every email sent")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() ->
                        events.longValue("SELECT count(*) FROM query_side.outbound_email WHERE sent_at IS NULL") == 0);
        List<String> written = events.strings("SELECT kind || ' ' || booking_id FROM query_side.outbound_email");
        Map<String, Long> received = mail.messageIds().stream()
                .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
        assertThat(received).as("one Message-ID per email written").hasSameSizeAs(written);
        long duplicates =
                received.values().stream().mapToLong(copies -> copies - 1).sum();
        assertThat(duplicates)
                .as("second copies: at most one per fault that can cut a send from its record")
                .isLessThanOrEqualTo(2);

        for (RetryingClient.Failure failure : load.failures()) {
            assertThat(faults)
                    .as("a part was down, or just back, when %s", failure)
                    .anySatisfy(fault -> assertThat(failure.at())
                            .isBetween(fault.from(), fault.until().plus(SETTLING)));
        }

        report(settled, written.size(), duplicates, Duration.between(loadEnded, Instant.now()));
    }

    /** The load's wait, with a line of progress between faults: where a run stalls shows in its output. */
    private void awaitMoreBookings(int more) {
        System.out.printf(
                "%s crash test: %d bookings acknowledged, %d failed attempts; awaiting %d more%n",
                Instant.now(), load.acknowledged().size(), load.failures().size(), more);
        load.awaitMoreBookings(more);
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

    private void report(History history, int emails, long duplicates, Duration settling) throws Exception {
        RetryingClient commands = load.commands();
        RetryingClient queries = load.queries();
        List<RetryingClient.Failure> failures = load.failures();
        StringBuilder text = new StringBuilder();
        text.append("Crash test run ").append(Instant.now()).append('\n');
        text.append("requests settled: ")
                .append(commands.settled() + queries.settled())
                .append(" (commands ")
                .append(commands.settled())
                .append(", reads ")
                .append(queries.settled())
                .append("); attempts: ")
                .append(commands.attempts() + queries.attempts())
                .append("; failed attempts: ")
                .append(failures.size())
                .append('\n');
        for (int i = 0; i < faults.size(); i++) {
            Fault fault = faults.get(i);
            // each failed attempt counts against the last fault that began before it
            Instant nextFault = i + 1 < faults.size() ? faults.get(i + 1).from() : Instant.MAX;
            List<RetryingClient.Failure> during = failures.stream()
                    .filter(failure ->
                            !failure.at().isBefore(fault.from()) && failure.at().isBefore(nextFault))
                    .toList();
            Instant last = during.stream()
                    .map(RetryingClient.Failure::at)
                    .max(Instant::compareTo)
                    .orElse(null);
            text.append("fault: ")
                    .append(fault.what())
                    .append(", down for ")
                    .append(Duration.between(fault.from(), fault.until()).toMillis())
                    .append(" ms; failed attempts ")
                    .append(during.size())
                    .append(" ")
                    .append(countBy(during, RetryingClient.Failure::what))
                    .append(
                            last == null
                                    ? ""
                                    : "; the last "
                                            + Duration.between(fault.until(), last)
                                                    .toMillis() + " ms after it was back")
                    .append('\n');
        }
        text.append("bookings acknowledged (201): ")
                .append(load.acknowledged().size())
                .append(", each in the event store once")
                .append("; placed in all: ")
                .append(history.placed())
                .append(" (")
                .append(history.placed() - load.acknowledged().size())
                .append(" whose 201 was lost with its instance or its retry refused)")
                .append('\n');
        text.append("payments: ")
                .append(load.paid())
                .append("; cancellations: ")
                .append(load.cancelled())
                .append("; refusals: ")
                .append(load.refusals())
                .append("; read-your-writes reads: ")
                .append(load.reads())
                .append('\n');
        text.append("at the end: ")
                .append(countBy(history.statuses().values(), status -> status))
                .append("; placements checked for double " + "booking and the member limit: ")
                .append(history.placed())
                .append('\n');
        text.append("emails written and sent: ")
                .append(emails)
                .append(", second copies: ")
                .append(duplicates)
                .append("; converged ")
                .append(settling.toSeconds())
                .append(" s after the load ended\n");
        System.out.print(text);
        Path report = Path.of("target", "crash-safety.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
    }

    private static <T> String countBy(java.util.Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, Long> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(key.apply(item), 1L, Long::sum));
        return counts.toString();
    }

    /**
     * The bookings as the event store tells them, folded in the order the events were stored, with the two
     * set-based rules checked at every placement against the bookings live at that moment.
     */
    static final class History {

        private final Map<String, Integer> placements = new HashMap<>();
        private final Map<String, String> statuses = new HashMap<>();
        private final Map<String, JsonNode> placed = new HashMap<>();
        private final List<String> violations = new ArrayList<>();

        static History of(EventStore events) {
            History history = new History();
            events.strings("""
                    SELECT payload_type || ' ' || aggregate_identifier || ' ' || convert_from(payload, 'UTF8')
                    FROM event_store.domain_event_entry WHERE payload_type LIKE 'com.coworkly.events.booking.Booking%'
                    ORDER BY global_index""").forEach(history::apply);
            return history;
        }

        private void apply(String row) {
            String[] parts = row.split(" ", 3);
            String type = parts[0].substring(parts[0].lastIndexOf('.') + 1);
            String booking = parts[1];
            switch (type) {
                case "BookingPlaced" -> {
                    placements.merge(booking, 1, Integer::sum);
                    JsonNode placement = read(parts[2]);
                    check(booking, placement);
                    placed.put(booking, placement);
                    statuses.put(booking, "PENDING_PAYMENT");
                }
                case "BookingConfirmed" -> statuses.put(booking, "CONFIRMED");
                case "BookingCancelled" -> statuses.put(booking, "CANCELLED");
                case "BookingExpired" -> statuses.put(booking, "EXPIRED");
                case "BookingCompleted" -> statuses.put(booking, "COMPLETED");
                default -> {}
            }
        }

        private void check(String booking, JsonNode placement) {
            Instant start = Instant.parse(placement.at("/period/start").asText());
            Instant end = Instant.parse(placement.at("/period/end").asText());
            List<String> overlapping = live().stream()
                    .filter(other -> {
                        JsonNode held = placed.get(other);
                        return Instant.parse(held.at("/period/start").asText()).isBefore(end)
                                && start.isBefore(
                                        Instant.parse(held.at("/period/end").asText()));
                    })
                    .toList();
            overlapping.stream()
                    .filter(other -> placed.get(other).get("resourceId").equals(placement.get("resourceId")))
                    .forEach(other -> violations.add(booking + " placed on the slot of " + other));
            List<Instant[]> sameMember = overlapping.stream()
                    .map(placed::get)
                    .filter(held -> held.get("memberId").equals(placement.get("memberId")))
                    .map(held -> new Instant[] {
                        Instant.parse(held.at("/period/start").asText()),
                        Instant.parse(held.at("/period/end").asText())
                    })
                    .toList();
            if (peak(sameMember, start, end) > 3) {
                violations.add(booking + " gave its member a fourth booking at one instant");
            }
        }

        /** The most of the member's other bookings that overlap at one instant of the new one, plus the new one. */
        private static int peak(List<Instant[]> others, Instant start, Instant end) {
            int peak = 0;
            for (Instant[] other : others) {
                Instant instant = other[0].isAfter(start) ? other[0] : start;
                int at = (int) others.stream()
                        .filter(o -> !o[0].isAfter(instant) && o[1].isAfter(instant))
                        .count();
                peak = Math.max(peak, at);
            }
            return peak + 1;
        }

        int placements(String booking) {
            return placements.getOrDefault(booking, 0);
        }

        long placed() {
            return placed.size();
        }

        List<String> violations() {
            return violations;
        }

        Map<String, String> statuses() {
            return statuses;
        }

        Set<String> pending() {
            return statuses.entrySet().stream()
                    .filter(entry -> entry.getValue().equals("PENDING_PAYMENT"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        Set<String> live() {
            return statuses.entrySet().stream()
                    .filter(entry -> entry.getValue().equals("PENDING_PAYMENT")
                            || entry.getValue().equals("CONFIRMED"))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }

        private static JsonNode read(String json) {
            try {
                return Api.JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(json, e);
            }
        }
    }
}
