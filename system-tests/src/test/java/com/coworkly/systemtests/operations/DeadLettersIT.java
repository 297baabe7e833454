package com.coworkly.systemtests.operations;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, part 4 over HTTP: a read model's handler that fails on an event, here on an SQL error, parks the event
 * in the dead-letter queue and carries on with other sequences; an operator lists it, and after the fix retries it
 * into the read model, or evicts it. The catalogue projection is poisoned for real with a CHECK constraint that
 * refuses one resource name unique to the test, and the constraint is dropped however the test ends.
 */
@ExtendWith(SharedSystem.class)
class DeadLettersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Api api;
    private EventStore database;
    private Api.Session operator;
    private Catalogue.ManagedSpace space;
    private String poison;
    private String constraint;

    @BeforeEach
    void poisonTheCatalogue(RunningSystem system) {
        api = system.api();
        database = system.eventStore();
        operator = api.signIn(Api.OPERATOR);
        space = Catalogue.aManagedSpace(api, "Dead letters " + UUID.randomUUID());
        String unique = UUID.randomUUID().toString().substring(0, 8);
        poison = "Poisoned desk " + unique;
        constraint = "dead_letters_it_" + unique;
        // NOT VALID: existing rows are not checked, and the table is locked only for the moment of the change.
        database.execute("ALTER TABLE query_side.resource_view ADD CONSTRAINT " + constraint + " CHECK (name <> '"
                + poison + "') NOT VALID");
    }

    @AfterEach
    void mendTheReadModels() {
        database.execute("ALTER TABLE query_side.resource_view DROP CONSTRAINT IF EXISTS " + constraint);
        database.execute("ALTER TABLE query_side.booking_view DROP CONSTRAINT IF EXISTS " + constraint);
    }

    @Test
    void aPoisonedEventIsParkedOthersFlowAndARetryAfterTheFixClearsIt() {
        String poisoned = addResource(api, space, Catalogue.aDesk(poison));

        JsonNode letter = awaitParked(poisoned);
        assertThat(letter.get("processingGroup").asText()).isEqualTo("catalogue");
        assertThat(letter.get("sequenceIdentifier").asText()).isEqualTo(poisoned);
        assertThat(letter.get("numberInSequence").asInt()).isEqualTo(1);
        assertThat(letter.get("eventType").asText()).isEqualTo("ResourceAdded");
        assertThat(letter.get("eventIdentifier").asText()).isNotBlank();
        assertThat(letter.get("globalPosition").asLong()).isPositive();
        assertThat(letter.get("causeType").asText()).contains("DataIntegrityViolation");
        assertThat(letter.get("causeMessage").asText()).contains(constraint);
        assertThat(letter.get("enqueuedAt").asText()).isNotBlank();
        assertThat(letter.get("lastTouched").asText()).isNotBlank();
        assertThat(parkedInTheCatalogue()).isPositive();

        // Another resource's events are another sequence: the catalogue carries on past the parked one.
        Reply next = api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", Catalogue.aDesk("Healthy desk"))
                .expectStatus(201);
        assertThat(resourceNames(next.eventPosition())).containsExactly("Healthy desk");

        database.execute("ALTER TABLE query_side.resource_view DROP CONSTRAINT " + constraint);
        JsonNode retried = api.querySide()
                .as(operator)
                .post("/api/operations/dead-letters/catalogue/retry", Map.of())
                .expectStatus(200)
                .body();

        assertThat(retried.get("processingGroup").asText()).isEqualTo("catalogue");
        assertThat(retried.get("succeeded").asInt())
                .isEqualTo(retried.get("sequences").asInt())
                .isPositive();
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(parked(poisoned)).isEmpty();
        assertThat(parkedInTheCatalogue()).isZero();
        assertThat(resourceNames(next.eventPosition())).containsExactlyInAnyOrder("Healthy desk", poison);
    }

    @Test
    void aRetryBeforeTheFixLeavesTheSequenceParkedAndEvictingItDropsItsEvents() {
        String poisoned = addResource(api, space, Catalogue.aDesk(poison));
        awaitParked(poisoned);
        String sequence = "/api/operations/dead-letters/catalogue/sequences/" + poisoned;

        JsonNode retried = api.querySide()
                .as(operator)
                .post(sequence + "/retry", Map.of())
                .expectStatus(200)
                .body();
        assertThat(retried.get("sequences").asInt()).isEqualTo(1);
        assertThat(retried.get("succeeded").asInt()).isZero();
        assertThat(parked(poisoned)).isPresent();

        api.querySide().as(operator).delete(sequence).expectStatus(204);

        assertThat(parked(poisoned)).isEmpty();
        long position = api.commandSide()
                .as(space.manager())
                .post("/api/spaces/" + space.spaceId() + "/resources", Catalogue.aDesk("Healthy desk"))
                .expectStatus(201)
                .eventPosition();
        assertThat(resourceNames(position)).containsExactly("Healthy desk");
        assertThat(api.querySide()
                        .as(operator)
                        .post(sequence + "/retry", Map.of())
                        .expectStatus(200)
                        .body()
                        .get("sequences")
                        .asInt())
                .isZero();
    }

    /**
     * Issue 9, part 5: the bookings read model is poisoned for one desk's bookings. While the paid booking on it
     * is parked (its placement, with the payment's events queued behind it), the other read models handle that
     * very booking and later ones, the bookings read model handles the later bookings of another desk, and after
     * the fix one retry brings the parked booking in, complete, with nothing left out of any read model.
     */
    @Test
    void whileOneReadModelHasAParkedEventTheOthersAndItsOtherSequencesGoOnAndARetryLosesNothing() {
        String poisonedDesk = addResource(api, space, anAlwaysOpenDesk("Poisoned bookings desk"));
        String healthyDesk = addResource(api, space, anAlwaysOpenDesk("Healthy bookings desk"));
        database.execute("ALTER TABLE query_side.booking_view ADD CONSTRAINT " + constraint + " CHECK (resource_id <> '"
                + poisonedDesk + "') NOT VALID");
        Api.Session member = api.newMember();
        String poisoned = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(poisonedDesk, inDays(4, 9, 0), inDays(4, 11, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        long paid = api.pay(poisoned).eventPosition();

        JsonNode letter = awaitParked("bookings", poisoned);
        assertThat(letter.get("eventType").asText()).isEqualTo("BookingPlaced");
        assertThat(letter.get("numberInSequence").asInt()).isEqualTo(1);
        assertThat(letter.get("causeMessage").asText()).contains(constraint);
        Map<String, Api.Session> later = new java.util.LinkedHashMap<>();
        long last = 0;
        for (int i = 0; i < 3; i++) {
            Api.Session other = api.newMember();
            Reply placed = api.commandSide()
                    .as(other)
                    .post("/api/bookings", aBooking(healthyDesk, inDays(4, 9 + 2 * i, 0), inDays(4, 11 + 2 * i, 0)))
                    .expectStatus(201);
            later.put(placed.body().get("bookingId").asText(), other);
            last = placed.eventPosition();
        }
        String after = "?after=" + last;

        // The parked processor goes on with other sequences: the later bookings are in its read model, the parked
        // one is not.
        later.forEach((bookingId, other) -> api.querySide()
                .as(other)
                .get("/api/bookings/" + bookingId + after)
                .expectStatus(200));
        api.querySide().as(member).get("/api/bookings/" + poisoned + after).expectStatus(404);
        // The other processors handled the parked booking itself and the later ones.
        api.querySide()
                .as(member)
                .get("/api/availability?spaceId=" + space.spaceId() + "&date="
                        + inDays(4, 9, 0).toLocalDate() + "&after=" + last)
                .expectStatus(200);
        List<String> all = new ArrayList<>(later.keySet());
        all.add(poisoned);
        assertThat(all)
                .allSatisfy(bookingId -> assertThat(database.longValue(
                                "SELECT count(*) FROM "
                                        + "query_side.occupied_period WHERE kind = 'BOOKING' AND owner_id = ?",
                                bookingId))
                        .isOne());
        JsonNode invoices = api.querySide()
                .as(member)
                .get("/api/members/me/invoices?after=" + paid)
                .expectStatus(200)
                .body();
        assertThat(invoices.get("items"))
                .singleElement()
                .satisfies(
                        invoice -> assertThat(invoice.get("bookingId").asText()).isEqualTo(poisoned));

        database.execute("ALTER TABLE query_side.booking_view DROP CONSTRAINT " + constraint);
        JsonNode retried = api.querySide()
                .as(operator)
                .post("/api/operations/dead-letters/bookings/retry", Map.of())
                .expectStatus(200)
                .body();

        assertThat(retried.get("succeeded").asInt())
                .isEqualTo(retried.get("sequences").asInt())
                .isPositive();
        assertThat(retried.get("stillParked").asLong()).isZero();
        assertThat(parked("bookings", poisoned)).isEmpty();
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/bookings/" + poisoned + after)
                        .expectStatus(200)
                        .body()
                        .get("status")
                        .asText())
                .as("every event of the parked booking, in order")
                .isEqualTo("CONFIRMED");
        String onTheseDesks = "resource_id IN ('" + poisonedDesk + "', '" + healthyDesk + "')";
        long placedOnThem = database.longValue(
                "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type"
                        + " LIKE '%.BookingPlaced' AND (convert_from(payload, 'UTF8') LIKE ? OR convert_from(payload, 'UTF8')"
                        + " LIKE ?)",
                "%" + poisonedDesk + "%", "%" + healthyDesk + "%");
        assertThat(placedOnThem).isEqualTo(4);
        assertThat(database.longValue("SELECT count(*) FROM query_side.booking_view WHERE " + onTheseDesks))
                .as("bookings in the bookings read model")
                .isEqualTo(placedOnThem);
        assertThat(database.longValue(
                        "SELECT count(*) FROM query_side.occupied_period WHERE kind = 'BOOKING' AND " + onTheseDesks))
                .as("bookings in the availability read model")
                .isEqualTo(placedOnThem);
    }

    @Test
    void anUnknownProcessingGroupIsNotFound() {
        api.querySide()
                .as(operator)
                .get("/api/operations/dead-letters?processingGroup=nonsense")
                .expectProblem(404, "PROCESSING_GROUP_NOT_FOUND");
        api.querySide()
                .as(operator)
                .post("/api/operations/dead-letters/nonsense/retry", Map.of())
                .expectProblem(404, "PROCESSING_GROUP_NOT_FOUND");
        api.querySide()
                .as(operator)
                .delete("/api/operations/dead-letters/nonsense/sequences/anything")
                .expectProblem(404, "PROCESSING_GROUP_NOT_FOUND");
    }

    private JsonNode awaitParked(String resourceId) {
        return awaitParked("catalogue", resourceId);
    }

    private JsonNode awaitParked(String processingGroup, String aggregateId) {
        return await().atMost(PATIENCE)
                .until(() -> parked(processingGroup, aggregateId), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<JsonNode> parked(String resourceId) {
        return parked("catalogue", resourceId);
    }

    /** The first letter parked for the aggregate in the group (the list is in the order of retries), if any. */
    private Optional<JsonNode> parked(String processingGroup, String aggregateId) {
        JsonNode page = api.querySide()
                .as(operator)
                .get("/api/operations/dead-letters?processingGroup=" + processingGroup + "&size=100")
                .expectStatus(200)
                .body();
        for (JsonNode letter : page.get("items")) {
            if (aggregateId.equals(letter.get("aggregateId").asText())) {
                return Optional.of(letter);
            }
        }
        return Optional.empty();
    }

    /** What an alert would watch: the gauge on the query side's Prometheus endpoint. */
    private double parkedInTheCatalogue() {
        String prefix = "booking_dead_letters{";
        return Arrays.stream(api.querySide()
                        .get("/actuator/prometheus")
                        .expectStatus(200)
                        .raw()
                        .split("\n"))
                .filter(line -> line.startsWith(prefix) && line.contains("processingGroup=\"catalogue\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    private List<String> resourceNames(long after) {
        JsonNode page = api.querySide()
                .as(space.manager())
                .get("/api/spaces/" + space.spaceId() + "/resources?after=" + after)
                .expectStatus(200)
                .body();
        List<String> names = new ArrayList<>();
        page.get("items").forEach(resource -> names.add(resource.get("name").asText()));
        return names;
    }
}
