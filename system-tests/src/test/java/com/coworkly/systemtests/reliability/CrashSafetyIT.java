package com.coworkly.systemtests.reliability;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Bookings;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.DisposablePostgres;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.MailCatcher;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.StripeStandIn;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
    private final Map<String, Booked> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private RetryingClient commands;
    private RetryingClient queries;
    private List<String> desks;

    record Fault(String what, Instant from, Instant until) {}

    record Booked(String bookingId, String memberId, String key) {}

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
        Api second = system.apiOnSecondCommandSide();
        Api secondQuery = system.apiOnSecondQuerySide();
        commands = new RetryingClient(List.of(api.commandSideUrl(), second.commandSideUrl()));
        queries = new RetryingClient(List.of(api.querySideUrl(), secondQuery.querySideUrl()));
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Crash hall " + UUID.randomUUID());
        desks = new ArrayList<>();
        for (int desk = 1; desk <= DESKS; desk++) {
            desks.add(Bookings.addResource(api, space, Bookings.anAlwaysOpenDesk("Crash desk " + desk)));
        }
        List<Api.Session> members = new ArrayList<>();
        for (int member = 0; member < MEMBERS; member++) {
            members.add(api.newMember());
        }

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

        ExecutorService load = Executors.newFixedThreadPool(MEMBERS);
        List<Future<?>> clients = new ArrayList<>();
        members.forEach(member -> clients.add(load.submit(() -> useTheSystem(member))));
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
            running.set(false);
            for (Future<?> client : clients) {
                client.get();
            }
            load.shutdown();
        }
        Instant loadEnded = Instant.now();

        EventStore events = system.eventStore();
        History history = History.of(events);
        assertThat(unexpected).as("answers no client should get").isEmpty();
        assertThat(acknowledged.keySet())
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

        for (RetryingClient.Failure failure : allFailures()) {
            assertThat(faults)
                    .as("a part was down, or just back, when %s", failure)
                    .anySatisfy(fault -> assertThat(failure.at())
                            .isBetween(fault.from(), fault.until().plus(SETTLING)));
        }

        report(settled, written.size(), duplicates, Duration.between(loadEnded, Instant.now()));
    }

    /** One member's client: books, pays and cancels until the test is over. */
    private void useTheSystem(Api.Session member) {
        List<String> pending = new ArrayList<>();
        List<String> booked = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            double roll = random.nextDouble();
            if (!pending.isEmpty() && roll < 0.4) {
                pay(pending.remove(random.nextInt(pending.size())));
            } else if (!booked.isEmpty() && roll < 0.55) {
                cancel(member, booked.remove(random.nextInt(booked.size())));
            } else {
                book(member).ifPresent(booking -> {
                    pending.add(booking);
                    booked.add(booking);
                });
            }
        }
    }

    private java.util.Optional<String> book(Api.Session member) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int day = 2 + random.nextInt(20);
        int hour = 8 + 2 * random.nextInt(5);
        String key = UUID.randomUUID().toString();
        RetryingClient.Answer answer = commands.post(
                "/api/bookings",
                member.token(),
                Map.of("Idempotency-Key", key),
                json(Bookings.aBooking(
                        desks.get(random.nextInt(desks.size())),
                        Bookings.inDays(day, hour, 0),
                        Bookings.inDays(day, hour + 2, 0))));
        if (answer.status() != 201) {
            refused("book", answer);
            return java.util.Optional.empty();
        }
        String booking = answer.body().get("bookingId").asText();
        acknowledged.put(booking, new Booked(booking, member.memberId(), key));
        if (random.nextInt(3) == 0) {
            // read-your-writes from either query-side instance
            reads.incrementAndGet();
            RetryingClient.Answer read =
                    queries.get("/api/bookings/" + booking + "?after=" + answer.position(), member.token());
            if (read.status() != 200) {
                unexpected.add("reading booking " + booking + " after its 201: " + read);
            }
        }
        return java.util.Optional.of(booking);
    }

    private void pay(String booking) {
        String event = StripeStandIn.paymentIntentEvent(
                "evt_" + UUID.randomUUID(), "payment_intent.succeeded", "pi_booking-" + booking + "-payment", booking);
        RetryingClient.Answer answer = commands.post(
                "/api/payments/stripe/webhook",
                null,
                Map.of("Stripe-Signature", StripeStandIn.signatureOf(event, StripeStandIn.WEBHOOK_SECRET)),
                event);
        if (answer.status() == 200) {
            paid.incrementAndGet();
        } else {
            unexpected.add("Stripe's webhook for " + booking + ": " + answer);
        }
    }

    private void cancel(Api.Session member, String booking) {
        RetryingClient.Answer answer = commands.post(
                "/api/bookings/" + booking + "/cancel",
                member.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                json(Map.of("reason", "Crash test")));
        if (answer.status() == 200) {
            cancelled.incrementAndGet();
        } else {
            refused("cancel", answer);
        }
    }

    /** Refusals the rules give (a taken slot, a fourth booking, an expired booking); anything else is unexpected. */
    private void refused(String what, RetryingClient.Answer answer) {
        if (answer.status() == 409 || answer.status() == 422) {
            refusals.computeIfAbsent(what + " " + answer.code(), code -> new AtomicLong())
                    .incrementAndGet();
        } else {
            unexpected.add(what + ": " + answer);
        }
    }

    private void awaitMoreBookings(int more) {
        int target = acknowledged.size() + more;
        System.out.printf(
                "%s crash test: %d bookings acknowledged, %d failed attempts; awaiting %d more%n",
                Instant.now(),
                acknowledged.size(),
                commands.failures().size() + queries.failures().size(),
                more);
        await(more + " more acknowledged bookings")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(100))
                .failFast("a client saw an answer it should not", () -> !unexpected.isEmpty())
                .until(() -> acknowledged.size() >= target);
    }

    private List<RetryingClient.Failure> allFailures() {
        List<RetryingClient.Failure> all = new ArrayList<>(commands.failures());
        all.addAll(queries.failures());
        return all;
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
        List<RetryingClient.Failure> failures = allFailures();
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
                .append(acknowledged.size())
                .append(", each in the event store once")
                .append("; placed in all: ")
                .append(history.placed())
                .append(" (")
                .append(history.placed() - acknowledged.size())
                .append(" whose 201 was lost with its instance or its retry refused)")
                .append('\n');
        text.append("payments: ")
                .append(paid)
                .append("; cancellations: ")
                .append(cancelled)
                .append("; refusals: ")
                .append(new TreeMap<>(refusals))
                .append("; read-your-writes reads: ")
                .append(reads)
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

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
