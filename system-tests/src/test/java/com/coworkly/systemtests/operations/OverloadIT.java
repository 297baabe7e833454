package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9, part 5 (decision 30): a service asked for more than it can serve answers 503 problem+json with
 * Retry-After, {@code OVERLOADED} when no request slot comes free in time and {@code DATABASE_UNAVAILABLE} when
 * its connection pool gives none in time, instead of queueing until the client gives up or failing with a 500.
 * Its liveness and readiness probes keep answering, it serves again as soon as the load is gone, and every
 * booking it acknowledged is kept. Both services run with {@value #SLOTS} request slots; the command side's pool
 * has {@value #POOL} connections and waits one second for one, so that it runs dry too.
 */
class OverloadIT {

    private static final int SLOTS = 4;
    private static final int POOL = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RunningSystem system;
    private static Api api;
    private static EventStore database;
    private static Catalogue.ManagedSpace space;
    private static List<String> desks;
    private static List<Api.Session> members;
    /** Each booking request gets an hour of its own, so that only the deliberate repeats conflict. */
    private static final AtomicInteger hours = new AtomicInteger();

    @BeforeAll
    static void startWithFewSlots() {
        Map<String, String> fewSlots = Map.of(
                "BOOKING_ADMISSION_MAX_CONCURRENT", Integer.toString(SLOTS), "BOOKING_ADMISSION_MAX_WAIT", "PT0.2S");
        Map<String, String> commandSide = new java.util.HashMap<>(fewSlots);
        commandSide.put("BOOKING_DB_POOL", Integer.toString(POOL));
        commandSide.put("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT", "1000");
        system = RunningSystem.start(commandSide, fewSlots);
        api = system.api();
        database = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Overload " + UUID.randomUUID());
        desks = IntStream.range(0, 4)
                .mapToObj(i -> addResource(api, space, anAlwaysOpenDesk("Desk " + i)))
                .toList();
        members = IntStream.range(0, 4).mapToObj(i -> api.newMember()).toList();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aSaturatedServiceAnswers503WithRetryAfterKeepsItsProbesAndServesAgainOnceTheLoadIsGone() throws Exception {
        int commands = 24;
        int queries = 16;
        List<Future<Answer>> sentCommands;
        List<Future<Answer>> sentQueries;
        ExecutorService clients = Executors.newFixedThreadPool(commands + queries);
        try {
            // Every booking waits for the event store and every availability query for its table: requests that
            // got a slot hold it, and the command side's that got a connection hold that too, until the locks go.
            try (EventStore.Held store = database.hold("LOCK TABLE event_store.domain_event_entry IN EXCLUSIVE MODE");
                    EventStore.Held readModel =
                            database.hold("LOCK TABLE query_side.occupied_period IN ACCESS EXCLUSIVE MODE")) {
                sentCommands = fire(clients, commands, i -> aFreshBooking(i));
                sentQueries = fire(clients, queries, i -> anAvailabilityQuery(i));

                await("every request but those holding a connection or a slot to be answered, while still stuck")
                        .atMost(PATIENCE)
                        .until(() -> answered(sentCommands).size() >= commands - POOL
                                && answered(sentQueries).size() >= queries - SLOTS);
                List<Answer> refusedCommands = answered(sentCommands);
                List<Answer> refusedQueries = answered(sentQueries);
                assertThat(refusedCommands).allSatisfy(answer -> answer.expectComeBackLater());
                assertThat(refusedCommands).extracting(Answer::code).contains("OVERLOADED", "DATABASE_UNAVAILABLE");
                assertThat(refusedQueries).allSatisfy(answer -> answer.expectComeBackLater());
                assertThat(refusedQueries).extracting(Answer::code).containsOnly("OVERLOADED");
                for (Api.Request side : List.of(api.commandSide(), api.querySide())) {
                    side.get("/actuator/health/liveness").expectStatus(200);
                    side.get("/actuator/health/readiness").expectStatus(200);
                }
                figures("saturated", refusedCommands, refusedQueries);
            }
            List<Answer> commandAnswers = collect(sentCommands);
            List<Answer> queryAnswers = collect(sentQueries);

            assertThat(commandAnswers).allSatisfy(answer -> answer.expectAcceptable(201));
            assertThat(queryAnswers).allSatisfy(answer -> answer.expectAcceptable(200));
            assertThat(commandAnswers)
                    .filteredOn(answer -> answer.status() == 201)
                    .hasSizeBetween(1, POOL);
            assertThat(queryAnswers)
                    .filteredOn(answer -> answer.status() == 200)
                    .hasSizeBetween(1, SLOTS);
            figures("after the locks", commandAnswers, queryAnswers);
            theLoadGoneEveryRequestSucceedsAtOnce();
            everyAcknowledgedBookingIsKept(commandAnswers);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRaceOfManyClientsIsAnsweredWithoutAnyOtherErrorOrDroppedConnection() throws Exception {
        int racers = 48;
        ExecutorService clients = Executors.newFixedThreadPool(racers);
        try {
            // Each racer books an hour, reads the day's availability, books the same hour again (a conflict with
            // itself once the first went through) and reads again: four requests, all at once with the others.
            List<Future<List<Answer>>> sent = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < racers; i++) {
                int racer = i;
                sent.add(clients.submit(() -> {
                    go.await();
                    int hour = hours.getAndIncrement();
                    return List.of(
                            booking(racer, hour),
                            anAvailabilityQuery(racer),
                            booking(racer, hour),
                            anAvailabilityQuery(racer + 1));
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<List<Answer>> racer : sent) {
                answers.addAll(racer.get());
            }

            assertThat(answers).hasSize(racers * 4).allSatisfy(Answer::expectAcceptableInARace);
            figures(
                    "race",
                    answers.stream().filter(Answer::isCommand).toList(),
                    answers.stream().filter(answer -> !answer.isCommand()).toList());
            theLoadGoneEveryRequestSucceedsAtOnce();
            everyAcknowledgedBookingIsKept(answers);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The audit's export streams after its handler returned; its slot must come back when the stream ends. */
    @Test
    void aStreamedExportGivesItsSlotBackWhenItEnds() {
        Api.Session operator = api.signIn(Api.OPERATOR);

        for (int i = 0; i <= SLOTS; i++) {
            Reply export =
                    api.querySide().as(operator).get("/api/audit/events.ndjson").expectStatus(200);
            assertThat(export.raw()).as("export " + i).contains("\n");
        }

        assertThat(gauge(api.querySide(), "booking_admission_in_flight")).isZero();
        assertThat(gauge(api.querySide(), "booking_admission_limit")).isEqualTo(SLOTS);
    }

    private static double gauge(Api.Request side, String name) {
        return java.util.Arrays.stream(
                        side.get("/actuator/prometheus").expectStatus(200).raw().split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not published"));
    }

    private void theLoadGoneEveryRequestSucceedsAtOnce() {
        Answer booking = aFreshBooking(0);
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        Answer query = anAvailabilityQuery(0);
        assertThat(query.status()).as(query.toString()).isEqualTo(200);
    }

    /** Each 201's booking is in the event store once, and in the bookings read model. */
    private void everyAcknowledgedBookingIsKept(List<Answer> answers) {
        List<Answer> acknowledged =
                answers.stream().filter(answer -> answer.status() == 201).toList();
        assertThat(acknowledged).isNotEmpty();
        for (Answer answer : acknowledged) {
            String bookingId = answer.reply().body().get("bookingId").asText();
            assertThat(database.countOf("BookingPlaced", bookingId))
                    .as(bookingId)
                    .isEqualTo(1);
            String read =
                    "/api/bookings/" + bookingId + "?after=" + answer.reply().eventPosition();
            await("booking " + bookingId + " in the read model")
                    .atMost(PATIENCE)
                    .until(() -> api.querySide().as(answer.member()).get(read).status() == 200);
        }
    }

    private static Answer aFreshBooking(int i) {
        return booking(i, hours.getAndIncrement());
    }

    /** The hour's booking on one of the desks, as one of the members: 1 hour, 08:00 to 20:00, day after day. */
    private static Answer booking(int i, int hour) {
        Api.Session member = members.get(i % members.size());
        ZonedDateTime start = inDays(2 + hour / 12, 8 + hour % 12, 0);
        String request = "POST /api/bookings at " + start;
        return Answer.of(
                request,
                member,
                true,
                () -> api.commandSide()
                        .as(member)
                        .post("/api/bookings", aBooking(desks.get(i % desks.size()), start, start.plusHours(1))));
    }

    private static Answer anAvailabilityQuery(int i) {
        Api.Session member = members.get(i % members.size());
        String path = "/api/availability?spaceId=" + space.spaceId() + "&date="
                + LocalDate.now(AMSTERDAM).plusDays(2 + i % 5);
        return Answer.of(
                "GET " + path, member, false, () -> api.querySide().as(member).get(path));
    }

    private static List<Future<Answer>> fire(
            ExecutorService clients, int count, java.util.function.IntFunction<Answer> request) {
        return IntStream.range(0, count)
                .mapToObj(i -> clients.submit(() -> request.apply(i)))
                .toList();
    }

    private static List<Answer> answered(List<Future<Answer>> sent) {
        return sent.stream().filter(Future::isDone).map(OverloadIT::get).toList();
    }

    private static List<Answer> collect(List<Future<Answer>> sent) {
        await("every request to be answered")
                .atMost(PATIENCE)
                .until(() -> sent.stream().allMatch(Future::isDone));
        return answered(sent);
    }

    private static Answer get(Future<Answer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the figures in docs/reliability.md come from. */
    private static void figures(String phase, List<Answer> commands, List<Answer> queries) {
        System.out.printf(
                "OVERLOAD FIGURES %s: commands %d %s; queries %d %s%n",
                phase, commands.size(), tally(commands), queries.size(), tally(queries));
    }

    private static Map<String, Integer> tally(List<Answer> answers) {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach(answer ->
                counts.merge(answer.status() + (answer.code() == null ? "" : " " + answer.code()), 1, Integer::sum));
        return counts;
    }

    /** One request's outcome: the reply, or why none came (a dropped or timed-out connection). */
    private record Answer(String request, Api.Session member, boolean isCommand, Reply reply, String dropped) {

        static Answer of(String request, Api.Session member, boolean isCommand, Supplier<Reply> send) {
            try {
                return new Answer(request, member, isCommand, send.get(), null);
            } catch (IllegalStateException e) {
                return new Answer(request, member, isCommand, null, String.valueOf(e.getCause()));
            }
        }

        int status() {
            return reply == null ? -1 : reply.status();
        }

        String code() {
            return reply == null || reply.status() < 400 ? null : reply.code();
        }

        /** The answer of a request the service could not take on: come back later, and when. */
        void expectComeBackLater() {
            assertThat(dropped).as(request + " got no answer").isNull();
            reply.expectStatus(503);
            assertThat(reply.contentType()).as(request).startsWith("application/problem+json");
            assertThat(reply.code()).as(request).isIn("OVERLOADED", "DATABASE_UNAVAILABLE");
            assertThat(reply.header("Retry-After"))
                    .as(request + " Retry-After")
                    .isNotNull()
                    .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        }

        void expectAcceptable(int success) {
            if (status() != success) {
                expectComeBackLater();
            }
        }

        /** Served, refused by a business rule, or told to come back later: never another error, never nothing. */
        void expectAcceptableInARace() {
            assertThat(dropped).as(request + " got no answer").isNull();
            if (status() == 409) {
                reply.expectProblem(409, "SLOT_UNAVAILABLE");
            } else {
                expectAcceptable(isCommand ? 201 : 200);
            }
        }

        @Override
        public String toString() {
            return request + " -> " + (reply == null ? dropped : reply.status() + " " + reply.raw());
        }
    }
}
