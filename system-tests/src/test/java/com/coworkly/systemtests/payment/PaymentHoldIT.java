package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An unpaid booking holds its slot for the payment hold only. The hold is a durable deadline: it fires after a
 * restart, and once, though two command-side instances poll for it. The hold is shortened to seconds here.
 */
class PaymentHoldIT {

    private static RunningSystem system;
    private static Api api;
    private static EventStore events;

    @BeforeAll
    static void startWithAShortHold() {
        system = RunningSystem.start(
                Map.of("BOOKING_PAYMENT_HOLD", "PT4S", "BOOKING_DEADLINES_HOUSEKEEPING_INTERVAL", "PT1S"));
        api = system.api();
        events = system.eventStore();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aBookingPartlyPaidWithCreditsThatExpiresGivesThemAllBack() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Credit holds " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        Api.Session member = api.newMember();
        String plan = Memberships.define(api, Memberships.aPlan("Hold credits " + UUID.randomUUID(), 60, "DESK"));
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, plan));
        String bookingId = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(4, 10, 0), inDays(4, 12, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        String ledger = "credits-of-" + member.memberId();
        assertThat(events.countOf("CreditsSpent", ledger)).isEqualTo(1);

        await("the hold to run out and the credits to come back")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.countOf("CreditsReturned", ledger) == 1);
        assertThat(events.typesOf(bookingId)).contains("BookingExpired");
        assertThat(events.strings(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry"
                                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%.CreditsReturned'",
                        ledger))
                .singleElement()
                .asString()
                .contains("\"minutes\":60");
    }

    @Test
    void anUnpaidBookingExpiresOnceAndFreesItsSlot() {
        system.apiOnSecondCommandSide();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Holds " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        String bookingId = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 10, 0), inDays(3, 12, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 10, 0), inDays(3, 12, 0)))
                .expectProblem(409, "SLOT_UNAVAILABLE");
        assertThat(indexedDeadlinesOf(bookingId)).isEqualTo(1);

        await("the hold to run out")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(bookingId).contains("BookingExpired"));
        await("the fired hold to leave the deadlines' index")
                .atMost(Duration.ofSeconds(30))
                .until(() -> indexedDeadlinesOf(bookingId) == 0);

        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 10, 0), inDays(3, 12, 0)))
                .expectStatus(201);
        assertThat(events.countOf("BookingExpired", bookingId)).isEqualTo(1);
        assertThat(api.querySide()
                        .as(space.manager())
                        .get("/api/bookings/" + bookingId)
                        .body()
                        .get("status")
                        .asText())
                .isIn("PENDING_PAYMENT", "EXPIRED");
        JsonNode expiry = StreamSupport.stream(
                        api.querySide()
                                .as(api.signIn(Api.OPERATOR))
                                .get("/api/audit/aggregates/" + bookingId + "/events")
                                .expectStatus(200)
                                .body()
                                .get("events")
                                .spliterator(),
                        false)
                .filter(event -> event.get("type").asText().equals("BookingExpired"))
                .findFirst()
                .orElseThrow();
        assertThat(expiry.get("cause").get("actorId").asText())
                .as("the deadline, not the member who booked, expired it")
                .isEqualTo("system:payment-hold");
        assertThat(expiry.get("cause").get("deadlineName").asText()).isEqualTo("payment-hold");
        assertThat(expiry.get("cause").get("causationId").asText()).isNotBlank();
    }

    @Test
    void aHoldThatRunsOutWhileTheCommandSideIsDownFiresWhenItIsBack() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Restart " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        String bookingId = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 14, 0), inDays(3, 16, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();

        system.restartCommandSide();

        await("the hold to fire after the restart")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(bookingId).contains("BookingExpired"));
        assertThat(events.countOf("BookingExpired", bookingId)).isEqualTo(1);
    }

    @Test
    void aPaidBookingDoesNotExpire() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Paid " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        String bookingId = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 18, 0), inDays(3, 20, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(bookingId);

        await("the cancelled hold to have left the schedule")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.longValue(
                                "SELECT count(*) FROM command_side.scheduled_tasks WHERE task_name = "
                                        + "'AxonDeadline' AND position(convert_to(?, 'UTF8') in task_data) > 0 "
                                        + "AND position(convert_to('payment-hold', 'UTF8') in task_data) > 0",
                                bookingId)
                        == 0);
        assertThat(events.typesOf(bookingId))
                .containsExactly("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
    }

    /** Entries of the command side's index of which deadlines belong to which booking (decision 24). */
    private static long indexedDeadlinesOf(String bookingId) {
        return events.longValue(
                "SELECT count(*) FROM command_side.deadline_scope WHERE scope = 'Booking:' || ?", bookingId);
    }
}
