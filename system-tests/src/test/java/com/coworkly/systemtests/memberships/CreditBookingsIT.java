package com.coworkly.systemtests.memberships;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bookings paid with a membership's credits (docs/memberships.md): a desk of 6.00 an hour, booked by a member whose
 * paid period granted desk credits.
 */
@ExtendWith(SharedSystem.class)
class CreditBookingsIT {

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private String desk;
    private String otherDesk;

    @BeforeEach
    void prepare(RunningSystem running) {
        system = running;
        api = running.api();
        events = running.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Credits " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        otherDesk = addResource(api, space, anAlwaysOpenDesk("Other desk"));
    }

    @Test
    void aBookingTheCreditsCoverIsConfirmedAtOnceWithNothingToPay() {
        Api.Session member = aMemberWithDeskCredits(600);

        Reply booked = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(5, 10, 0), inDays(5, 12, 0)))
                .expectStatus(201);

        assertThat(booked.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booked.body().get("creditMinutes").asLong()).isEqualTo(120);
        assertThat(booked.body().get("price").asLong()).isZero();
        assertThat(booked.body().get("payment").isNull()).isTrue();
        String booking = booked.body().get("bookingId").asText();
        assertThat(events.typesOf(booking))
                .containsExactly("BookingPlaced", "BookingPaidWithCredits", "BookingConfirmed");
        JsonNode view = read(member, "/api/bookings/" + booking, booked.eventPosition());
        assertThat(view.get("creditMinutes").asLong()).isEqualTo(120);
        assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(balance(member, booked.eventPosition())).isEqualTo(480);
    }

    @Test
    void whatTheCreditsDoNotCoverIsPaidByCard() {
        Api.Session member = aMemberWithDeskCredits(60);

        Reply booked = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(5, 13, 0), inDays(5, 15, 0)))
                .expectStatus(201);

        assertThat(booked.body().get("status").asText()).isEqualTo("PENDING_PAYMENT");
        assertThat(booked.body().get("creditMinutes").asLong()).isEqualTo(60);
        assertThat(booked.body().get("price").asLong())
                .as("half of two hours at 6.00")
                .isEqualTo(600);
        String booking = booked.body().get("bookingId").asText();
        assertThat(system.stripe().paymentIntentRequestsFor(member.memberId()))
                .singleElement()
                .satisfies(request -> assertThat(com.coworkly.systemtests.support.StripeStandIn.form(request))
                        .contains("amount=600"));
        Reply paid = api.pay(booking);
        assertThat(read(member, "/api/bookings/" + booking, paid.eventPosition())
                        .get("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        assertThat(balance(member, paid.eventPosition())).isZero();
    }

    @Test
    void aFreeCancellationGivesBackEveryCredit() {
        Api.Session member = aMemberWithDeskCredits(600);
        String booking = book(member, desk, 10);

        Reply cancelled = api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);

        assertThat(cancelled.eventPosition())
                .as("the answer's position covers the ledger's event, appended after the booking's")
                .isEqualTo(events.longValue(
                        "SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                        "credits-of-" + member.memberId()));
        assertThat(balance(member, cancelled.eventPosition())).isEqualTo(600);
        assertThat(events.countOf("CreditsReturned", "credits-of-" + member.memberId()))
                .isEqualTo(1);
    }

    @Test
    void aLateCancellationKeepsTheLateFeesShareOfTheCredits() {
        Api.Session member = aMemberWithDeskCredits(600);
        // Within the space's late window of 24 hours: half of the 120 minutes are kept.
        Instant soon = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS);
        String booking = api.commandSide()
                .as(member)
                .post(
                        "/api/bookings",
                        aBooking(
                                desk,
                                soon.atZone(com.coworkly.systemtests.support.Bookings.AMSTERDAM),
                                soon.plus(2, ChronoUnit.HOURS)
                                        .atZone(com.coworkly.systemtests.support.Bookings.AMSTERDAM)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();

        Reply cancelled = api.commandSide()
                .as(member)
                .post("/api/bookings/" + booking + "/cancel", Map.of())
                .expectStatus(200);

        assertThat(balance(member, cancelled.eventPosition())).isEqualTo(600 - 120 + 60);
    }

    @Test
    void aMemberRacingBookingsOnTwoInstancesNeverSpendsACreditTwice() throws Exception {
        Api.Session member = aMemberWithDeskCredits(120);
        List<Api> instances = List.of(api, system.apiOnSecondCommandSide());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        String[] desks = {desk, otherDesk, desk};
        int[] days = {6, 6, 7};
        for (int racer = 0; racer < 3; racer++) {
            Api instance = instances.get(racer % 2);
            Map<String, Object> request = aBooking(desks[racer], inDays(days[racer], 9, 0), inDays(days[racer], 10, 0));
            replies.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return instance.commandSide().as(member).post("/api/bookings", request);
            }));
        }
        start.countDown();

        long creditMinutes = 0;
        long position = 0;
        for (CompletableFuture<Reply> future : replies) {
            Reply reply = future.get().expectStatus(201);
            creditMinutes += reply.body().get("creditMinutes").asLong();
            position = Math.max(position, reply.eventPosition());
        }
        assertThat(creditMinutes)
                .as("minutes the three bookings were paid with")
                .isEqualTo(120);
        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%.CreditsSpent'",
                        "credits-of-" + member.memberId()))
                .isEqualTo(2);
        assertThat(balance(member, position)).isZero();
    }

    @Test
    void aPlanThatTakesOnlyCreditsRefusesWhatTheyDoNotCoverAndSpendsNothing() {
        Api.Session member = aMemberWithDeskCredits(60, true);

        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(8, 10, 0), inDays(8, 12, 0)))
                .expectProblem(409, "NOT_ENOUGH_CREDITS");
        Reply covered = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(8, 10, 0), inDays(8, 11, 0)))
                .expectStatus(201);

        assertThat(covered.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(balance(member, covered.eventPosition()))
                .as("only the covered booking spent")
                .isZero();
        assertThat(events.countOf("CreditsSpent", "credits-of-" + member.memberId()))
                .isEqualTo(1);
    }

    /** A member whose membership's first period Stripe says is paid: {@code minutes} of desk credits. */
    private Api.Session aMemberWithDeskCredits(long minutes) {
        return aMemberWithDeskCredits(minutes, false);
    }

    private Api.Session aMemberWithDeskCredits(long minutes, boolean creditsOnly) {
        Map<String, Object> plan = Memberships.aPlan("Desk credits " + UUID.randomUUID(), minutes, "DESK");
        plan.put("creditsOnly", creditsOnly);
        Api.Session member = api.newMember();
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, Memberships.define(api, plan)));
        return member;
    }

    private String book(Api.Session member, String resource, int inDays) {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(resource, inDays(inDays, 10, 0), inDays(inDays, 12, 0)))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
    }

    private long balance(Api.Session member, long after) {
        return read(member, "/api/members/me/credits", after).get("minutes").asLong();
    }

    private JsonNode read(Api.Session member, String path, long after) {
        return api.querySide()
                .as(member)
                .get(path + "?after=" + after)
                .expectStatus(200)
                .body();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
