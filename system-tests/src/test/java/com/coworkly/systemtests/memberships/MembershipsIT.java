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

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

    @Test
    void aPlanChangeTakesEffectWithTheNextPaidPeriodAndStripeBillsTheNewPriceFromThen() {
        String flex = aPlan();
        String resident = Memberships.define(api, Memberships.aPlan("Resident " + UUID.randomUUID(), 4800, "DESK"));
        Api.Session member = api.newMember();
        String membership = subscribe(member, flex);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(30, ChronoUnit.DAYS);
        api.stripeSaysOfInvoice("invoice.paid", "in_first", membership, start, end)
                .expectStatus(200);

        Reply changed = api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/plan", Map.of("planId", resident))
                .expectStatus(200);
        api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/plan", Map.of("planId", resident))
                .expectStatus(200);

        assertThat(events.countOf("MembershipPlanChangeScheduled", membership)).isEqualTo(1);
        JsonNode scheduled = membership(member, changed.eventPosition());
        assertThat(scheduled.get("planId").asText()).isEqualTo(flex);
        assertThat(scheduled.get("nextPlan").get("planId").asText()).isEqualTo(resident);
        assertThat(Instant.parse(scheduled.get("nextPlan").get("from").asText()))
                .isEqualTo(end);
        String subscription = "sub_subscription-" + membership;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(system.stripe().subscriptionUpdates(subscription))
                        .hasSize(1));
        LoggedRequest update = system.stripe().subscriptionUpdates(subscription).get(0);
        assertThat(update.getHeader("Idempotency-Key")).isEqualTo("subscription-plan-" + membership + "-3");
        assertThat(StripeStandIn.form(update))
                .contains("items[0][id]=si_subscription-" + membership)
                .contains("items[0][price]=price_price-" + resident + "-1")
                .contains("proration_behavior=none");
        assertThat(StripeStandIn.form(system.stripe().requestsTo("/v1/prices", "price-" + resident + "-1")))
                .contains("unit_amount=9900")
                .contains("recurring[interval]=month")
                .contains("metadata[plan_id]=" + resident);

        Reply renewed = api.stripeSaysOfInvoice(
                        "invoice.paid", "in_second", membership, end, end.plus(30, ChronoUnit.DAYS))
                .expectStatus(200);

        JsonNode moved = membership(member, renewed.eventPosition());
        assertThat(moved.get("planId").asText()).isEqualTo(resident);
        assertThat(moved.get("nextPlan").isNull()).isTrue();
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.live_membership WHERE membership_id = ? AND plan_id = ?",
                        membership,
                        resident))
                .isEqualTo(1);
        JsonNode credits = api.querySide()
                .as(member)
                .get("/api/members/me/credits?after=" + renewed.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(credits.get("grants"))
                .extracting(grant -> grant.get("granted").asLong())
                .contains(4800L);
    }

    @Test
    void badPlanChangesAreRefusedAndStoreNothing() {
        String flex = aPlan();
        String retired = aPlan();
        api.commandSide()
                .as(admin)
                .post("/api/plans/" + retired + "/retire", Map.of())
                .expectStatus(200);
        Map<String, Object> inFrancs =
                new java.util.LinkedHashMap<>(Memberships.aPlan("Zurich " + UUID.randomUUID(), 600, "DESK"));
        inFrancs.put("monthlyPrice", Map.of("amount", 9900, "currency", "CHF"));
        String francs = Memberships.define(api, inFrancs);
        Api.Session member = api.newMember();
        String pending = subscribe(member, flex);
        String path = "/api/memberships/" + pending + "/plan";

        api.commandSide().as(member).post(path, Map.of("planId", aPlan())).expectProblem(409, "MEMBERSHIP_NOT_LIVE");
        Memberships.firstPeriodPaid(api, pending);
        long before = events.countOfType("MembershipPlanChangeScheduled");
        api.commandSide().as(member).post(path, Map.of("planId", flex)).expectProblem(409, "ALREADY_ON_PLAN");
        api.commandSide().as(member).post(path, Map.of("planId", retired)).expectProblem(409, "PLAN_RETIRED");
        api.commandSide().as(member).post(path, Map.of("planId", francs)).expectProblem(422, "CURRENCY_MISMATCH");
        api.commandSide()
                .as(member)
                .post(path, Map.of("planId", UUID.randomUUID().toString()))
                .expectProblem(404, "PLAN_NOT_FOUND");
        api.commandSide().as(member).post(path, Map.of()).expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(api.newMember())
                .post(path, Map.of("planId", aPlan()))
                .expectProblem(403, "NOT_YOUR_MEMBERSHIP");
        api.commandSide()
                .as(member)
                .post("/api/memberships/" + UUID.randomUUID() + "/plan", Map.of("planId", aPlan()))
                .expectProblem(404, "MEMBERSHIP_NOT_FOUND");

        assertThat(events.countOfType("MembershipPlanChangeScheduled")).isEqualTo(before);
    }

    @Test
    void aCancellationIsToldToStripeOnceItTakesItAlsoAfterFailures() {
        Api.Session member = api.newMember();
        String membership = subscribe(member, aPlan());
        Memberships.firstPeriodPaid(api, membership);
        String subscription = "sub_subscription-" + membership;
        // More failures than the Stripe client retries by itself (two), so the update is parked and retried.
        system.stripe().subscriptionUpdatesFail(subscription, 4);

        Reply cancelled = api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectStatus(200);

        assertThat(membership(member, cancelled.eventPosition()).get("status").asText())
                .isEqualTo("ENDING");
        await("the failed update parked where operators see it")
                .atMost(Duration.ofSeconds(30))
                .until(() -> parkedUpdatesOf(membership) == 1);
        await("the update, after the failures")
                .atMost(Duration.ofSeconds(60))
                .until(() -> parkedUpdatesOf(membership) == 0);
        assertThat(system.stripe().subscriptionUpdates(subscription))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(request -> {
                    assertThat(request.getHeader("Idempotency-Key")).isEqualTo("subscription-cancel-" + membership);
                    assertThat(StripeStandIn.form(request)).isEqualTo("cancel_at_period_end=true");
                });
    }

    private long parkedUpdatesOf(String membership) {
        return events.longValue(
                "SELECT count(*) FROM command_side.dead_letter_entry WHERE processing_group = 'subscription-updates' "
                        + "AND sequence_identifier = ?",
                membership);
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
