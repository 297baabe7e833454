package com.coworkly.systemtests.payment;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo run has no Stripe key: the simulated provider takes every payment at once, says so in the log, and a
 * booking (or a whole series) is confirmed and invoiced in the request that places it.
 */
class SimulatedPaymentsIT {

    private static RunningSystem system;
    private static Api api;
    private static EventStore events;

    @BeforeAll
    static void startWithoutAStripeKey() {
        system = RunningSystem.start(Map.of("BOOKING_STRIPE_API_KEY", ""));
        api = system.api();
        events = system.eventStore();
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aBookingIsConfirmedAndInvoicedWhenItIsPlaced() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Simulated " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));

        JsonNode placed = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings", aBooking(desk, inDays(3, 10, 0), inDays(3, 12, 0)))
                .expectStatus(201)
                .body();

        assertThat(placed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(placed.get("payment").get("provider").asText()).isEqualTo("simulated");
        assertThat(events.typesOf(placed.get("bookingId").asText()))
                .containsExactly("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
        assertThat(system.commandSideLog()).contains("payments are SIMULATED");
    }

    @Test
    void aSeriesIsConfirmedAndInvoicedOccurrenceByOccurrenceWhenItIsPlaced() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Simulated series " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        ZonedDateTime first = inDays(3, 10, 0);
        Map<String, Object> request = new LinkedHashMap<>(aBooking(desk, first, first.plusHours(2)));
        request.put("recurrence", "FREQ=WEEKLY;COUNT=3");

        JsonNode series = api.commandSide()
                .as(api.newMember())
                .post("/api/bookings/series", request)
                .expectStatus(201)
                .body();

        assertThat(series.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(series.get("bookingIds")).hasSize(3);
        for (JsonNode booking : series.get("bookingIds")) {
            assertThat(events.typesOf(booking.asText()))
                    .containsExactly("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
        }
    }

    @Test
    void aMembershipsFirstFeeIsCollectedAtOnceAndItsCreditsGranted() {
        String plan = Memberships.define(api, Memberships.aPlan("Simulated plan", 300, "DESK"));
        Api.Session member = api.newMember();

        Reply subscribed = api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", plan))
                .expectStatus(201);

        assertThat(subscribed.body().get("payment").isNull())
                .as("nothing left to pay")
                .isTrue();
        String membership = subscribed.body().get("membershipId").asText();
        assertThat(events.typesOf(membership)).containsExactly("MembershipRequested", "MembershipPeriodPaid");
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/members/me/credits?after=" + subscribed.eventPosition())
                        .expectStatus(200)
                        .body()
                        .get("minutes")
                        .asLong())
                .isEqualTo(300);
        assertThat(system.commandSideLog()).contains("SIMULATED membership fee");
    }
}
