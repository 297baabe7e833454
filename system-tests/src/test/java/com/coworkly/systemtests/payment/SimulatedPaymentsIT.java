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

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo run has no Stripe key: the simulated provider takes every payment at once, says so in the log, and a
 * booking (or a whole series) is confirmed and invoiced in the request that places it.
 */
class SimulatedPaymentsIT {

    private static final String RENEWAL_PERIOD = "PT15S";
    private static RunningSystem system;
    private static Api api;
    private static EventStore events;

    @BeforeAll
    static void startWithoutAStripeKey() {
        // Simulated membership periods of 15 seconds, so that renewals happen while the tests watch.
        system = RunningSystem.start(
                Map.of("BOOKING_STRIPE_API_KEY", "", "BOOKING_SIMULATED_MEMBERSHIP_PERIOD", RENEWAL_PERIOD));
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
        assertThat(events.typesOf(membership))
                .startsWith("MembershipRequested", "MembershipSubscriptionOpened", "MembershipPeriodPaid");
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

    @Test
    void aMembershipRenewsAtEachPeriodsEndOnTheNewPlanOnceItChanged() {
        String flex = Memberships.define(api, Memberships.aPlan("Simulated Flex " + UUID.randomUUID(), 300, "DESK"));
        Map<String, Object> residentTerms =
                new LinkedHashMap<>(Memberships.aPlan("Simulated Resident " + UUID.randomUUID(), 900, "DESK"));
        residentTerms.put("monthlyPrice", Map.of("amount", 24900, "currency", "EUR"));
        String resident = Memberships.define(api, residentTerms);
        Api.Session member = api.newMember();
        String membership = Memberships.subscribe(api, member, flex);
        api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/plan", Map.of("planId", resident))
                .expectStatus(200);

        await("the first renewal")
                .atMost(Duration.ofSeconds(60))
                .until(() -> periodsPaid(membership).size() >= 2);

        List<String> periods = periodsPaid(membership);
        assertThat(periods.get(1))
                .as("the renewal starts where the first period ended, at the new plan's price and credits")
                .startsWith(periods.get(0).split(",")[1] + ",")
                .endsWith(",24900,900");
        assertThat(events.countOf("MembershipPlanChanged", membership)).isEqualTo(1);
        assertThat(system.commandSideLog()).contains("SIMULATED membership renewal");
    }

    @Test
    void aCancelledMembershipIsNotRenewedAndEndsWithItsPeriod() {
        String plan = Memberships.define(api, Memberships.aPlan("Simulated " + UUID.randomUUID(), 300, "DESK"));
        Api.Session member = api.newMember();
        String membership = Memberships.subscribe(api, member, plan);

        api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectStatus(200);

        await("the end of the period paid for")
                .atMost(Duration.ofSeconds(60))
                .until(() -> events.countOf("MembershipEnded", membership) == 1);
        assertThat(events.countOf("MembershipPeriodPaid", membership)).isEqualTo(1);
    }

    /** Each paid period of the membership as "start,end,fee,credits", in order. */
    private static List<String> periodsPaid(String membership) {
        return events.strings("""
                SELECT concat_ws(',', p->'period'->>'start', p->'period'->>'end', p->'fee'->>'minorUnits', p->>'creditMinutes')
                FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p, sequence_number
                      FROM event_store.domain_event_entry
                      WHERE aggregate_identifier = ? AND payload_type LIKE '%.MembershipPeriodPaid') paid
                ORDER BY sequence_number""", membership);
    }
}
