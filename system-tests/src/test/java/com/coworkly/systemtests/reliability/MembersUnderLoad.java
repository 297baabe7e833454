package com.coworkly.systemtests.reliability;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Bookings;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * The load the reliability tests put their faults under: one client a member, booking, paying through Stripe's
 * signed webhook and cancelling without pause, each request through a {@link RetryingClient} that sends it again
 * (with its Idempotency-Key) to the other instance. It keeps what the members saw: the bookings acknowledged with a
 * 201, the refusals the rules gave, and every answer no client should get, which the tests' checks read afterwards.
 */
final class MembersUnderLoad {

    private final RetryingClient commands;
    private final RetryingClient queries;
    private final List<String> desks;
    private final List<Api.Session> members;
    private final String cancellationReason;
    private final Duration patience;

    /** Each booking acknowledged with a 201, to the member it is for. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    private final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong paid = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Future<?>> clients = new ArrayList<>();
    private ExecutorService load;

    private MembersUnderLoad(
            RetryingClient commands,
            RetryingClient queries,
            List<String> desks,
            List<Api.Session> members,
            String cancellationReason,
            Duration patience) {
        this.commands = commands;
        this.queries = queries;
        this.desks = List.copyOf(desks);
        this.members = List.copyOf(members);
        this.cancellationReason = cancellationReason;
        this.patience = patience;
    }

    /**
     * New members and a new hall of always-open desks for them, named after the test ({@code "Crash"} gives
     * "Crash hall …", "Crash desk 1" and cancellations for "Crash test"), with clients of both instances of each side.
     * Nothing is sent until {@link #start()}.
     *
     * @param patience how long {@link #awaitMoreBookings} waits for bookings while the test's faults play
     */
    static MembersUnderLoad inANewHall(RunningSystem system, String test, int desks, int members, Duration patience) {
        Api api = system.api();
        RetryingClient commands = new RetryingClient(
                List.of(api.commandSideUrl(), system.apiOnSecondCommandSide().commandSideUrl()));
        RetryingClient queries = new RetryingClient(
                List.of(api.querySideUrl(), system.apiOnSecondQuerySide().querySideUrl()));
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, test + " hall " + UUID.randomUUID());
        List<String> hall = new ArrayList<>();
        for (int desk = 1; desk <= desks; desk++) {
            hall.add(Bookings.addResource(api, space, Bookings.anAlwaysOpenDesk(test + " desk " + desk)));
        }
        List<Api.Session> sessions = new ArrayList<>();
        for (int member = 0; member < members; member++) {
            sessions.add(api.newMember());
        }
        return new MembersUnderLoad(commands, queries, hall, sessions, test + " test", patience);
    }

    /** Starts one client a member, each on its own thread, until {@link #stop()}. */
    void start() {
        load = Executors.newFixedThreadPool(members.size());
        members.forEach(member -> clients.add(load.submit(() -> useTheSystem(member))));
    }

    /** Lets every client finish its request in flight; a client that failed fails the test here. */
    void stop() throws InterruptedException, ExecutionException {
        running.set(false);
        for (Future<?> client : clients) {
            client.get();
        }
        load.shutdown();
    }

    /** Waits for {@code more} acknowledged bookings, and stops waiting as soon as a client saw what it should not. */
    void awaitMoreBookings(int more) {
        int target = acknowledged.size() + more;
        await(more + " more acknowledged bookings")
                .atMost(patience)
                .pollInterval(Duration.ofMillis(100))
                .failFast("a client saw an answer it should not", () -> !unexpected.isEmpty())
                .until(() -> acknowledged.size() >= target);
    }

    List<Api.Session> members() {
        return members;
    }

    /** The client of both command-side instances: its attempts, failures and successes. */
    RetryingClient commands() {
        return commands;
    }

    /** The client of both query-side instances. */
    RetryingClient queries() {
        return queries;
    }

    Set<String> acknowledged() {
        return Set.copyOf(acknowledged.keySet());
    }

    Set<String> acknowledgedOf(Api.Session member) {
        return acknowledged.entrySet().stream()
                .filter(entry -> entry.getValue().equals(member.memberId()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    /** How often the rules refused, by request and code ({@code "book <code>"}), in order. */
    Map<String, Long> refusals() {
        Map<String, Long> byCode = new TreeMap<>();
        refusals.forEach((code, count) -> byCode.put(code, count.get()));
        return byCode;
    }

    long paid() {
        return paid.get();
    }

    long cancelled() {
        return cancelled.get();
    }

    /** How many read-your-writes reads followed a 201. */
    long reads() {
        return reads.get();
    }

    /** The failed attempts of commands and reads alike. */
    List<RetryingClient.Failure> failures() {
        List<RetryingClient.Failure> all = new ArrayList<>(commands.failures());
        all.addAll(queries.failures());
        return all;
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

    private Optional<String> book(Api.Session member) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int day = 2 + random.nextInt(20);
        int hour = 8 + 2 * random.nextInt(5);
        RetryingClient.Answer answer = commands.post(
                "/api/bookings",
                member.token(),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()),
                json(Bookings.aBooking(
                        desks.get(random.nextInt(desks.size())),
                        Bookings.inDays(day, hour, 0),
                        Bookings.inDays(day, hour + 2, 0))));
        if (answer.status() != 201) {
            refused("book", answer);
            return Optional.empty();
        }
        String booking = answer.body().get("bookingId").asText();
        acknowledged.put(booking, member.memberId());
        if (random.nextInt(3) == 0) {
            // read-your-writes from either query-side instance, whichever of them (and of the databases) is up now
            reads.incrementAndGet();
            RetryingClient.Answer read =
                    queries.get("/api/bookings/" + booking + "?after=" + answer.position(), member.token());
            if (read.status() != 200) {
                unexpected.add("reading booking " + booking + " after its 201: " + read);
            }
        }
        return Optional.of(booking);
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
                json(Map.of("reason", cancellationReason)));
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

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
