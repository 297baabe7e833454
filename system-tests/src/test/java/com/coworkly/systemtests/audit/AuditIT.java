package com.coworkly.systemtests.audit;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7, parts 1 and 2 over HTTP: every event says who caused it, through which command and request; an
 * operator reads an aggregate's history and its state at any past time, and searches and exports events.
 */
@ExtendWith(SharedSystem.class)
class AuditIT {

    private Api api;
    private Api.Session operator;
    private Catalogue.ManagedSpace space;
    private String desk;
    private final ZonedDateTime start = inDays(9, 9, 0);

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        operator = api.signIn(Api.OPERATOR);
        space = Catalogue.aManagedSpace(api, "Audit " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
    }

    @Test
    void aBookingsHistorySaysWhoDidWhatInWhichRequestAndItsStateAtAnyTime() {
        Api.Session member = api.newMember();
        String requestId = "audit-" + UUID.randomUUID();
        Reply placed = api.commandSide()
                .as(member)
                .header("X-Request-Id", requestId)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectStatus(201);
        assertThat(placed.header("X-Request-Id")).isEqualTo(requestId);
        String booking = placed.body().get("bookingId").asText();
        api.pay(booking);
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of("reason", "plans changed"))
                .expectStatus(200);

        JsonNode history = history(booking, operator).expectStatus(200).body();

        assertThat(history.get("aggregateType").asText()).isEqualTo("Booking");
        List<JsonNode> events = list(history.get("events"));
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("sequenceNumber").asLong()).isEqualTo(i);
            if (i > 0) {
                assertThat(events.get(i).get("globalPosition").asLong())
                        .isGreaterThan(events.get(i - 1).get("globalPosition").asLong());
            }
        }
        JsonNode placement = only(events, "BookingPlaced");
        assertThat(placement.get("payload").get("bookingId").asText()).isEqualTo(booking);
        JsonNode placedBy = placement.get("cause");
        assertThat(placedBy.get("actorId").asText()).isEqualTo(member.memberId());
        assertThat(list(placedBy.get("actorRoles")))
                .extracting(JsonNode::asText)
                .contains("MEMBER");
        assertThat(placedBy.get("commandName").asText()).isEqualTo("PlaceBooking");
        assertThat(placedBy.get("requestId").asText()).isEqualTo(requestId);
        assertThat(placedBy.get("correlationId").asText())
                .isNotBlank()
                .as("a command sent by a request is the first message of its chain")
                .isEqualTo(placedBy.get("causationId").asText());

        JsonNode confirmation = only(events, "BookingConfirmed");
        assertThat(confirmation.get("cause").get("actorId").asText()).isEqualTo("system:stripe-webhook");
        assertThat(confirmation.get("cause").get("commandName").asText()).isEqualTo("ConfirmPayment");
        assertThat(confirmation.get("cause").get("requestId").asText()).isNotEqualTo(requestId);
        JsonNode cancellation = only(events, "BookingCancelled");
        assertThat(cancellation.get("cause").get("actorId").asText()).isEqualTo(member.memberId());
        assertThat(cancellation.get("cause").get("commandName").asText()).isEqualTo("CancelBooking");
        assertThat(history.toString()).as("payment secrets are never events").doesNotContainIgnoringCase("secret");

        Instant placedAt = Instant.parse(placement.get("timestamp").asText());
        Instant paidAt = Instant.parse(confirmation.get("timestamp").asText());
        Instant cancelledAt = Instant.parse(cancellation.get("timestamp").asText());
        assertThat(stateAsOf(booking, placedAt.minusMillis(1)).get("state").isNull())
                .isTrue();
        JsonNode beforePayment = stateAsOf(booking, paidAt.minusMillis(1));
        assertThat(beforePayment.get("state").get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(beforePayment.get("state").get("memberId").asText()).isEqualTo(member.memberId());
        assertThat(stateAsOf(booking, paidAt).get("state").get("status").asText())
                .isEqualTo("CONFIRMED");
        JsonNode afterCancel = stateAsOf(booking, cancelledAt);
        assertThat(afterCancel.get("state").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(afterCancel.get("state").get("cancellation").get("reason").asText())
                .isEqualTo("BY_MEMBER");
        assertThat(afterCancel.get("lastEventAt").asText())
                .isEqualTo(cancellation.get("timestamp").asText());
    }

    @Test
    void aSearchByCorrelationIdFindsOneRequestsEventsAcrossAggregates() {
        String booking = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(booking);
        String requestId = "displace-" + UUID.randomUUID();
        api.commandSide()
                .as(space.manager())
                .header("X-Request-Id", requestId)
                .post("/api/resources/" + desk + "/blocks", aBlock(start, start.plusHours(4), true))
                .expectStatus(201);
        String correlationId = only(list(history(booking, operator).body().get("events")), "BookingCancelled")
                .get("cause")
                .get("correlationId")
                .asText();

        // The refund process reacts to the cancellation later, in the same chain: wait until it has.
        JsonNode found = await("the refund of the displaced booking")
                .atMost(Duration.ofSeconds(30))
                .until(
                        () -> api.querySide()
                                .as(operator)
                                .get("/api/audit/events?correlationId=" + correlationId)
                                .expectStatus(200)
                                .body(),
                        page -> page.get("items").findValuesAsText("type").contains("RefundIssued"));

        List<JsonNode> events = list(found.get("items"));
        assertThat(events)
                .extracting(event -> event.get("aggregateId").asText())
                .contains(booking, desk);
        assertThat(events)
                .extracting(event -> event.get("globalPosition").asLong())
                .isSorted();
        assertThat(found.get("totalItems").asLong()).isEqualTo(events.size());
        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("cause").get("correlationId").asText()).isEqualTo(correlationId);
            assertThat(event.get("cause").get("requestId").asText()).isEqualTo(requestId);
        });
        List<JsonNode> ofTheRequest = events.stream()
                .filter(event -> event.get("cause").get("causationId").asText().equals(correlationId))
                .toList();
        assertThat(ofTheRequest)
                .extracting(event -> event.get("type").asText())
                .contains("BookingCancelled", "ResourceBlocked");
        assertThat(ofTheRequest).allSatisfy(event -> {
            assertThat(event.get("cause").get("actorId").asText())
                    .isEqualTo(space.manager().memberId());
            assertThat(event.get("cause").get("commandName").asText()).isEqualTo("BlockResource");
        });
        JsonNode refund = only(events, "RefundIssued");
        assertThat(refund.get("cause").get("actorId").asText()).isEqualTo("system:refunds");
        assertThat(refund.get("cause").get("commandName").asText()).isEqualTo("RecordRefund");
        assertThat(refund.get("cause").get("causationId").asText())
                .as("caused by a later message of the chain")
                .isNotEqualTo(correlationId);
        assertThat(api.querySide()
                        .as(operator)
                        .get("/api/audit/events?requestId=" + requestId)
                        .body()
                        .get("totalItems")
                        .asLong())
                .isEqualTo(events.size());
    }

    @Test
    void anActorsEventsArePagedInGlobalOrderAndExportedAsNdjson() throws Exception {
        Api.Session member = api.newMember();
        for (int day = 0; day < 3; day++) {
            api.commandSide()
                    .as(member)
                    .post(
                            "/api/bookings",
                            aBooking(
                                    desk,
                                    start.plusDays(day),
                                    start.plusDays(day).plusHours(1)))
                    .expectStatus(201);
        }
        String search = "/api/audit/events?actorId=" + member.memberId() + "&aggregateType=Booking";

        JsonNode firstPage = api.querySide()
                .as(operator)
                .get(search + "&size=2")
                .expectStatus(200)
                .body();
        JsonNode secondPage = api.querySide()
                .as(operator)
                .get(search + "&size=2&page=1")
                .expectStatus(200)
                .body();

        long total = firstPage.get("totalItems").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<JsonNode> paged = new ArrayList<>(list(firstPage.get("items")));
        paged.addAll(list(secondPage.get("items")));
        assertThat(paged)
                .extracting(event -> event.get("globalPosition").asLong())
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(paged).allSatisfy(event -> {
            assertThat(event.get("cause").get("actorId").asText()).isEqualTo(member.memberId());
            assertThat(event.get("aggregateType").asText()).isEqualTo("Booking");
        });

        Reply byAccept = api.querySide()
                .as(operator)
                .header("Accept", "application/x-ndjson")
                .get(search)
                .expectStatus(200);
        Reply byPath = api.querySide()
                .as(operator)
                .get(search.replace("/events?", "/events.ndjson?"))
                .expectStatus(200);
        assertThat(byAccept.contentType()).startsWith("application/x-ndjson");
        List<String> lines = byAccept.raw().lines().toList();
        assertThat(lines).hasSize((int) total).isEqualTo(byPath.raw().lines().toList());
        assertThat(Api.JSON.readTree(lines.get(0))).isEqualTo(paged.get(0));
    }

    @Test
    void onlyOperatorsAndTheManagersOfItsSpaceAuditABooking() {
        Api.Session member = api.newMember();
        String booking = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(1)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        Catalogue.ManagedSpace elsewhere = Catalogue.aManagedSpace(api, "Elsewhere " + UUID.randomUUID());

        history(booking, operator).expectStatus(200);
        history(booking, space.manager()).expectStatus(200);
        history(booking, member).expectProblem(403, "NOT_AN_AUDITOR");
        history(booking, elsewhere.manager()).expectProblem(403, "NOT_AN_AUDITOR");
        history(desk, space.manager()).expectProblem(403, "NOT_AN_AUDITOR");
        api.querySide()
                .as(space.manager())
                .get("/api/audit/events?actorId=" + member.memberId())
                .expectProblem(403, "NOT_AN_AUDITOR");
        api.querySide().as(member).get("/api/audit/events.ndjson").expectProblem(403, "NOT_AN_AUDITOR");
        history("no-such-" + UUID.randomUUID(), operator).expectProblem(404, "AGGREGATE_NOT_FOUND");
        history(UUID.randomUUID().toString(), member).expectProblem(403, "NOT_AN_AUDITOR");
    }

    @Test
    void everyAnswerCarriesARequestIdAndAStrangeOneIsReplaced() {
        String generated = api.querySide().get("/api/spaces").header("X-Request-Id");
        assertThat(generated).hasSize(36);
        String replaced = api.commandSide()
                .header("X-Request-Id", "not ok; <script>")
                .post("/api/auth/token", Map.of("username", "nobody@example.test", "password", "wrong"))
                .header("X-Request-Id");
        assertThat(replaced).isNotEqualTo("not ok; <script>").hasSize(36);
    }

    private Reply history(String aggregateId, Api.Session caller) {
        return api.querySide().as(caller).get("/api/audit/aggregates/" + aggregateId + "/events");
    }

    private JsonNode stateAsOf(String aggregateId, Instant asOf) {
        return api.querySide()
                .as(operator)
                .get("/api/audit/aggregates/" + aggregateId + "/state?asOf=" + asOf)
                .expectStatus(200)
                .body();
    }

    private static JsonNode only(List<JsonNode> events, String type) {
        List<JsonNode> matching = events.stream()
                .filter(event -> event.get("type").asText().equals(type))
                .toList();
        assertThat(matching).as("events of type %s", type).hasSize(1);
        return matching.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
