package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 4 over HTTP: who may cancel, what it costs, and that the slot and the quota are free at once. */
@ExtendWith(SharedSystem.class)
class CancellationIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private Api.Session member;
    private String desk;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Cancellation " + UUID.randomUUID());
        member = api.newMember();
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
    }

    @Test
    void aMemberCancelsEarlyForFree() {
        String booking = paid(book(member, inDays(5, 10, 0), 2));

        JsonNode cancelled = cancel(member, booking).expectStatus(200).body();

        assertThat(cancelled.get("fee").asLong()).isZero();
        assertThat(cancelled.get("refund").asLong()).isEqualTo(1200);
        // The refund itself follows from the refunds process, after the cancellation's transaction.
        assertThat(events.typesOf(booking))
                .startsWith(
                        "BookingPlaced",
                        "PaymentRequested",
                        "BookingConfirmed",
                        "InvoiceIssued",
                        "BookingCancelled",
                        "InvoiceIssued");
        assertThat(events.countOf("InvoiceIssued", booking))
                .as("an invoice and its credit note, no fee")
                .isEqualTo(2);
    }

    @Test
    void anUnpaidBookingIsCancelledWithoutFeeOrRefund() {
        String booking = book(member, soon(), 2);

        JsonNode cancelled = cancel(member, booking).expectStatus(200).body();

        assertThat(cancelled.get("fee").asLong()).isZero();
        assertThat(cancelled.get("refund").asLong()).isZero();
    }

    @Test
    void aMemberCancellingInsideTheLateWindowPaysTheLateFee() {
        String booking = paid(book(member, soon(), 2));

        JsonNode cancelled = cancel(member, booking).expectStatus(200).body();

        assertThat(cancelled.get("fee").asLong()).isEqualTo(600);
        assertThat(cancelled.get("refund").asLong()).isEqualTo(600);
        String event = events.strings(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%BookingCancelled'",
                        booking)
                .get(0);
        assertThat(event)
                .contains("\"fee\":{\"minorUnits\":600")
                .contains("\"refund\":{\"minorUnits\":600")
                .contains("BY_MEMBER");
    }

    @Test
    void theSpacesManagerAndAdministratorsCancelLateForFree() {
        String forManager = paid(book(member, soon(), 2));
        assertThat(cancel(space.manager(), forManager)
                        .expectStatus(200)
                        .body()
                        .get("fee")
                        .asLong())
                .isZero();
        String forAdmin = paid(book(member, soon(), 2));
        assertThat(cancel(api.signIn(Api.ADMIN), forAdmin)
                        .expectStatus(200)
                        .body()
                        .get("refund")
                        .asLong())
                .isEqualTo(1200);
    }

    @Test
    void othersCannotCancelAMembersBooking() {
        String booking = book(member, inDays(5, 10, 0), 2);
        Catalogue.ManagedSpace elsewhere = Catalogue.aManagedSpace(api, "Elsewhere " + UUID.randomUUID());
        Api.Session stranger = api.newMember();
        long before = events.count();

        cancel(stranger, booking).expectProblem(403, "NOT_YOUR_BOOKING");
        cancel(elsewhere.manager(), booking).expectProblem(403, "NOT_YOUR_BOOKING");
        cancel(api.signIn(Api.OPERATOR), booking).expectProblem(403, "NOT_YOUR_BOOKING");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aBookingIsCancelledOnce() {
        String booking = book(member, inDays(5, 10, 0), 2);
        cancel(member, booking).expectStatus(200);

        cancel(member, booking).expectProblem(409, "BOOKING_NOT_LIVE");
        cancel(member, UUID.randomUUID().toString()).expectProblem(404, "BOOKING_NOT_FOUND");
    }

    @Test
    void cancellingFreesTheSlotAndTheQuotaAtOnce() {
        ZonedDateTime start = inDays(6, 10, 0);
        String first = book(member, start, 2);
        String[] others = {
            addResource(api, space, anAlwaysOpenDesk("B")),
            addResource(api, space, anAlwaysOpenDesk("C")),
            addResource(api, space, anAlwaysOpenDesk("D"))
        };
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(others[0], start, start.plusHours(2)))
                .expectStatus(201);
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(others[1], start, start.plusHours(2)))
                .expectStatus(201);
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(others[2], start, start.plusHours(2)))
                .expectProblem(409, "MEMBER_LIMIT_REACHED");
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectProblem(409, "SLOT_UNAVAILABLE");

        cancel(member, first).expectStatus(200);

        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(others[2], start, start.plusHours(2)))
                .expectStatus(201);
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, start, start.plusHours(2)))
                .expectStatus(201);
    }

    /** Two hours from the next whole hour: well inside the 24-hour late window. */
    private static ZonedDateTime soon() {
        return ZonedDateTime.now(AMSTERDAM)
                .plusHours(2)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
    }

    private String book(Api.Session who, ZonedDateTime start, int hours) {
        return api.commandSide()
                .as(who)
                .post("/api/bookings", aBooking(desk, start, start.plusHours(hours)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
    }

    private String paid(String bookingId) {
        api.pay(bookingId);
        return bookingId;
    }

    private Reply cancel(Api.Session who, String bookingId) {
        return api.commandSide()
                .as(who)
                .post("/api/bookings/" + bookingId + "/cancel", Map.of("reason", "Plans changed"));
    }
}
