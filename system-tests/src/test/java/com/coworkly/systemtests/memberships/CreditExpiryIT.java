package com.coworkly.systemtests.memberships;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A period's credits end with it, on the ledger's durable deadline: what is left expires once, but for what a plan
 * lets roll over, which waits for the next period's grant and moves into it.
 */
@ExtendWith(SharedSystem.class)
class CreditExpiryIT {

    private Api api;
    private EventStore events;
    private Api.Session member;

    @BeforeEach
    void connect(RunningSystem running) {
        api = running.api();
        events = running.eventStore();
        member = api.newMember();
    }

    @Test
    void whatIsLeftOfAPeriodsCreditsExpiresOnceAtItsEnd() {
        String membership = subscribedTo(Memberships.aPlan("Expiring " + UUID.randomUUID(), 600, "MEETING_ROOM"));
        Instant end = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

        paid(membership, "in_ending", end.minus(30, ChronoUnit.DAYS), end);

        await("the period's end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.countOf("CreditsExpired", ledger()) > 0);
        assertThat(events.countOf("CreditsExpired", ledger())).isEqualTo(1);
        assertThat(kindsOnTheStatement()).containsExactly("GRANTED", "EXPIRED");
        assertThat(balance().get("minutes").asLong()).isZero();
    }

    @Test
    void aPlanThatRollsOverCarriesUpToItsCapIntoTheNextPeriod() {
        Map<String, Object> plan = Memberships.aPlan("Rolling " + UUID.randomUUID(), 600, "MEETING_ROOM");
        plan.put("rollover", Map.of("capMinutes", 240));
        String membership = subscribedTo(plan);
        Instant end = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        paid(membership, "in_january", end.minus(30, ChronoUnit.DAYS), end);

        await("the period's end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(ledger()).contains("CreditsCarriedOver"));
        JsonNode waiting = balance();
        assertThat(waiting.get("minutes").asLong())
                .as("the carried minutes are spendable while they wait")
                .isEqualTo(240);

        paid(membership, "in_february", end, end.plus(30, ChronoUnit.DAYS));

        await("the rollover")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(ledger()).contains("CreditsRolledOver"));
        assertThat(events.typesOf(ledger()))
                .containsExactly(
                        "CreditsGranted",
                        "CreditsExpired",
                        "CreditsCarriedOver",
                        "CreditsGranted",
                        "CreditsRolledOver");
        JsonNode next = balance();
        assertThat(next.get("minutes").asLong()).isEqualTo(840);
        assertThat(next.get("grants"))
                .singleElement()
                .satisfies(
                        grant -> assertThat(Instant.parse(grant.get("expiresAt").asText()))
                                .isEqualTo(end.plus(30, ChronoUnit.DAYS)));
        assertThat(kindsOnTheStatement())
                .containsExactly("GRANTED", "EXPIRED", "CARRIED_OVER", "GRANTED", "ROLLED_OVER", "ROLLED_OVER");
    }

    @Test
    void aCancelledMembershipCarriesNothingPastThePeriodPaidFor() {
        Map<String, Object> plan =
                Memberships.aPlan("Rolling then cancelled " + UUID.randomUUID(), 600, "MEETING_ROOM");
        plan.put("rollover", Map.of("capMinutes", 240));
        String membership = subscribedTo(plan);
        Instant end = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        paid(membership, "in_last", end.minus(30, ChronoUnit.DAYS), end);

        api.commandSide()
                .as(member)
                .post("/api/memberships/" + membership + "/cancel", Map.of())
                .expectStatus(200);

        await("the period's end")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.countOf("CreditsExpired", ledger()) > 0);
        assertThat(events.typesOf(ledger())).containsExactly("CreditsGranted", "CreditRolloverEnded", "CreditsExpired");
        assertThat(events.longValue(
                        "SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'minutes')::bigint FROM event_store.domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%.CreditsExpired'",
                        ledger()))
                .isEqualTo(600);
    }

    private String subscribedTo(Map<String, Object> plan) {
        return Memberships.subscribe(api, member, Memberships.define(api, plan));
    }

    private void paid(String membership, String invoice, Instant start, Instant end) {
        api.stripeSaysOfInvoice("invoice.paid", invoice + "-" + membership, membership, start, end)
                .expectStatus(200);
    }

    private String ledger() {
        return "credits-of-" + member.memberId();
    }

    private long ledgerPosition() {
        return events.longValue(
                "SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                ledger());
    }

    private JsonNode balance() {
        return api.querySide()
                .as(member)
                .get("/api/members/me/credits?after=" + ledgerPosition())
                .expectStatus(200)
                .body();
    }

    private List<String> kindsOnTheStatement() {
        JsonNode statement = api.querySide()
                .as(member)
                .get("/api/members/me/credits/statement?after=" + ledgerPosition())
                .expectStatus(200)
                .body();
        List<String> kinds = new ArrayList<>();
        statement.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
        return kinds;
    }
}
