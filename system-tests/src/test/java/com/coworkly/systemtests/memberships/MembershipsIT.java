package com.coworkly.systemtests.memberships;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribing to a plan through Stripe Billing, and a paid period's credits, across both services. */
@ExtendWith(SharedSystem.class)
class MembershipsIT {

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem running) {
        system = running;
        api = running.api();
        events = running.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void aPaidPeriodGrantsItsCreditsOnceWhateverStripesNoticesOrderAndNumber() {
        String plan = aPlan();
        Api.Session member = api.newMember();

        Reply subscribed = api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", plan))
                .expectStatus(201);
        String membership = subscribed.body().get("membershipId").asText();
        assertThat(subscribed.body().get("payment").get("provider").asText()).isEqualTo("stripe");
        assertThat(subscribed.body().get("payment").get("clientSecret").asText())
                .isEqualTo("pi_subscription-" + membership + "_secret_standin");

        List<LoggedRequest> billing = system.stripe().billingRequestsFor(member.memberId());
        assertThat(billing).extracting(LoggedRequest::getUrl).containsExactly("/v1/customers", "/v1/subscriptions");
        assertThat(StripeStandIn.form(billing.get(0))).contains("metadata[member_id]=" + member.memberId());
        assertThat(StripeStandIn.form(billing.get(1)))
                .contains("customer=cus_customer-" + member.memberId())
                .contains("items[0][price]=price_price-" + plan + "-1")
                .contains("payment_behavior=default_incomplete")
                .contains("metadata[membership_id]=" + membership)
                .contains("expand[0]=latest_invoice.confirmation_secret");
        assertThat(StripeStandIn.form(system.stripe().requestsTo("/v1/prices", "price-" + plan + "-1")))
                .contains("currency=eur")
                .contains("unit_amount=9900")
                .contains("recurring[interval]=month")
                .contains("metadata[plan_id]=" + plan);
        assertThat(membership(member, subscribed.eventPosition()).get("status").asText())
                .isEqualTo("PENDING_PAYMENT");

        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(30, ChronoUnit.DAYS);
        Reply paid = api.stripeSaysOfInvoice("invoice.paid", "in_first", membership, start, end)
                .expectStatus(200);
        api.stripeSaysOfInvoice("invoice.paid", "in_first", membership, start, end)
                .expectStatus(200);
        Reply late = api.stripeSaysOfInvoice("invoice.payment_failed", "in_first", membership, start, end)
                .expectStatus(200);

        assertThat(events.countOf("MembershipPeriodPaid", membership)).isEqualTo(1);
        assertThat(events.countOf("MembershipPaymentFailed", membership)).isZero();
        JsonNode active = membership(member, Math.max(paid.eventPosition(), late.eventPosition()));
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(Instant.parse(active.get("paidUntil").asText())).isEqualTo(end);
        JsonNode credits = api.querySide()
                .as(member)
                .get("/api/members/me/credits?after=" + paid.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(credits.get("minutes").asLong()).isEqualTo(600);
        assertThat(Instant.parse(credits.get("grants").get(0).get("expiresAt").asText()))
                .isEqualTo(end);
        JsonNode statement = api.querySide()
                .as(member)
                .get("/api/members/me/credits/statement?after=" + paid.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(statement.get("totalItems").asLong()).isEqualTo(1);
        assertThat(statement.get("items").get(0).get("kind").asText()).isEqualTo("GRANTED");
    }

    @Test
    void aMembershipThatStripeEndsIsEndedAndTheMemberMaySubscribeAgain() {
        String plan = aPlan();
        Api.Session member = api.newMember();
        String membership = subscribe(member, plan);

        Reply ended = api.stripeSaysOfCancelledSubscription(membership).expectStatus(200);

        assertThat(membership(member, ended.eventPosition()).get("status").asText())
                .isEqualTo("ENDED");
        api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", plan))
                .expectStatus(201);
    }

    @Test
    void aPendingMembershipCancelledByItsMemberEndsAtOnce() {
        Api.Session member = api.newMember();
        String membership = subscribe(member, aPlan());

        api.commandSide()
                .as(api.newMember())
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectProblem(403, "NOT_YOUR_MEMBERSHIP");
        Reply cancelled = api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectStatus(200);

        assertThat(membership(member, cancelled.eventPosition()).get("status").asText())
                .isEqualTo("ENDED");
        api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectProblem(409, "MEMBERSHIP_ENDED");
    }

    @Test
    void badSubscriptionsAreRefusedAndStoreNothing() {
        String plan = aPlan();
        String retired = aPlan();
        api.commandSide()
                .as(admin)
                .post("/api/plans/" + retired + "/retire", Map.of())
                .expectStatus(200);
        Api.Session member = api.newMember();
        subscribe(member, plan);
        long before = events.countOfType("MembershipRequested");

        api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", plan))
                .expectProblem(409, "ALREADY_SUBSCRIBED");
        Api.Session other = api.newMember();
        api.commandSide()
                .as(other)
                .post("/api/memberships", Map.of("planId", UUID.randomUUID().toString()))
                .expectProblem(404, "PLAN_NOT_FOUND");
        api.commandSide()
                .as(other)
                .post("/api/memberships", Map.of("planId", retired))
                .expectProblem(409, "PLAN_RETIRED");
        api.commandSide().as(other).post("/api/memberships", Map.of()).expectProblem(400, "VALIDATION_FAILED");
        api.querySide().as(other).get("/api/members/me/membership").expectProblem(404, "MEMBERSHIP_NOT_FOUND");

        assertThat(events.countOfType("MembershipRequested")).isEqualTo(before);
    }

    @Test
    void subscriptionsRacingForOneMemberGiveOneMembership() throws Exception {
        String plan = aPlan();
        Api.Session member = api.newMember();
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int racer = 0; racer < racers; racer++) {
            replies.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return api.commandSide().as(member).post("/api/memberships", Map.of("planId", plan));
            }));
        }
        start.countDown();

        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Reply> reply : replies) {
            statuses.add(reply.get().status());
        }
        assertThat(statuses)
                .containsOnly(201, 409)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.live_membership WHERE member_id = ?", member.memberId()))
                .isEqualTo(1);
    }

    private String subscribe(Api.Session member, String plan) {
        return Memberships.subscribe(api, member, plan);
    }

    private JsonNode membership(Api.Session member, long after) {
        return api.querySide()
                .as(member)
                .get("/api/members/me/membership?after=" + after)
                .expectStatus(200)
                .body();
    }

    private String aPlan() {
        return Memberships.define(api, Memberships.aPlan("Flex " + UUID.randomUUID(), 600, "MEETING_ROOM"));
    }
}
