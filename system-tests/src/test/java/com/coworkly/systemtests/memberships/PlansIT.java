package com.coworkly.systemtests.memberships;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static com.coworkly.systemtests.support.Catalogue.with;
import static org.assertj.core.api.Assertions.assertThat;

/** Membership plans from command to read model, across both services (docs/memberships.md). */
@ExtendWith(SharedSystem.class)
class PlansIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void anAdministratorDefinesAPlanThatMembersSeeAtOnce() {
        String space = aSpaceIn("EUR");
        Reply defined = api.commandSide()
                .as(admin)
                .post("/api/plans", with(aPlan("Flex " + UUID.randomUUID()), "spaceIds", List.of(space)))
                .expectStatus(201);
        String planId = defined.body().get("planId").asText();
        assertThat(defined.header("Location")).isEqualTo("/api/plans/" + planId);

        JsonNode plan = api.querySide()
                .as(api.newMember())
                .get("/api/plans/" + planId + "?after=" + defined.eventPosition())
                .expectStatus(200)
                .body();

        assertThat(plan.get("revision").asInt()).isEqualTo(1);
        assertThat(plan.get("monthlyPrice").get("amount").asLong()).isEqualTo(9900);
        assertThat(plan.get("credits").get("minutes").asLong()).isEqualTo(600);
        assertThat(plan.get("credits").get("resourceKinds").get(0).asText()).isEqualTo("MEETING_ROOM");
        assertThat(plan.get("rollover").get("capMinutes").asLong()).isEqualTo(300);
        assertThat(plan.get("wholeNetwork").asBoolean()).isFalse();
        assertThat(plan.get("spaceIds").get(0).asText()).isEqualTo(space);
    }

    @Test
    void aRevisionIsReadAtItsNumberAndARetiredPlanLeavesTheList() {
        String name = "Resident " + UUID.randomUUID();
        String planId = define(aPlan(name));

        Reply revised = api.commandSide()
                .as(admin)
                .put(
                        "/api/plans/" + planId,
                        with(aPlan(name), "monthlyPrice", Map.of("amount", 10900, "currency", "EUR")))
                .expectStatus(200);
        assertThat(api.querySide()
                        .as(admin)
                        .get("/api/plans/" + planId + "?after=" + revised.eventPosition())
                        .expectStatus(200)
                        .body()
                        .get("revision")
                        .asInt())
                .isEqualTo(2);

        Reply retired = api.commandSide()
                .as(admin)
                .post("/api/plans/" + planId + "/retire", Map.of())
                .expectStatus(200);
        assertThat(listed(false, retired.eventPosition())).doesNotContain(planId);
        assertThat(listed(true, retired.eventPosition())).contains(planId);
        api.commandSide().as(admin).put("/api/plans/" + planId, aPlan(name)).expectProblem(409, "PLAN_RETIRED");
        assertThat(events.typesOf(planId)).containsExactly("PlanDefined", "PlanRevised", "PlanRetired");
    }

    @Test
    void badPlansAreRefusedAndStoreNothing() {
        String poundsSpace = aSpaceIn("GBP");
        long before = events.countOfType("PlanDefined");

        expectRefused(
                with(aPlan("Negative"), "credits", Map.of("minutes", -60, "resourceKinds", List.of("DESK"))),
                400,
                "VALIDATION_FAILED");
        expectRefused(
                with(aPlan("Nowhere to spend"), "credits", Map.of("minutes", 60, "resourceKinds", List.of())),
                400,
                "VALIDATION_FAILED");
        expectRefused(with(aPlan("Pounds"), "spaceIds", List.of(poundsSpace)), 422, "CURRENCY_MISMATCH");
        expectRefused(with(aPlan("Ghost"), "spaceIds", List.of(UUID.randomUUID().toString())), 404, "SPACE_NOT_FOUND");
        expectRefused(
                with(aPlan("Crowns"), "monthlyPrice", Map.of("amount", 9900, "currency", "XXY")),
                400,
                "VALIDATION_FAILED");
        api.commandSide()
                .as(api.newMember())
                .post("/api/plans", aPlan("Self-made"))
                .expectProblem(403, "FORBIDDEN");
        api.commandSide()
                .as(admin)
                .put("/api/plans/" + UUID.randomUUID(), aPlan("Unknown"))
                .expectProblem(404, "PLAN_NOT_FOUND");
        api.querySide().as(admin).get("/api/plans/" + UUID.randomUUID()).expectProblem(404, "PLAN_NOT_FOUND");

        assertThat(events.countOfType("PlanDefined")).isEqualTo(before);
    }

    @Test
    void theDemoMemberHasAMonthOfFlexCredits() {
        Api.Session member = api.signIn(Api.MEMBER);
        JsonNode membership = api.querySide()
                .as(member)
                .get("/api/members/me/membership")
                .expectStatus(200)
                .body();
        assertThat(membership.get("planName").asText()).isEqualTo("Flex");
        assertThat(membership.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.querySide()
                        .as(member)
                        .get("/api/members/me/credits")
                        .expectStatus(200)
                        .body()
                        .get("minutes")
                        .asLong())
                .isEqualTo(600);
    }

    @Test
    void theDemoNetworkSellsTwoPlans() {
        JsonNode plans = api.querySide()
                .as(api.signIn(Api.MEMBER))
                .get("/api/plans?includeRetired=true&size=100")
                .expectStatus(200)
                .body()
                .get("items");
        List<String> names = new ArrayList<>();
        plans.forEach(plan -> names.add(plan.get("name").asText()));
        assertThat(names).contains("Flex", "Resident");
    }

    private void expectRefused(Map<String, Object> plan, int status, String code) {
        api.commandSide().as(admin).post("/api/plans", plan).expectProblem(status, code);
    }

    private String define(Map<String, Object> plan) {
        return api.commandSide()
                .as(admin)
                .post("/api/plans", plan)
                .expectStatus(201)
                .body()
                .get("planId")
                .asText();
    }

    private List<String> listed(boolean includeRetired, long after) {
        JsonNode page = api.querySide()
                .as(admin)
                .get("/api/plans?size=100&includeRetired=" + includeRetired + "&after=" + after)
                .expectStatus(200)
                .body();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(plan -> ids.add(plan.get("planId").asText()));
        return ids;
    }

    private String aSpaceIn(String currency) {
        return api.commandSide()
                .as(admin)
                .post("/api/spaces", with(aSpace("Space " + UUID.randomUUID()), "currency", currency))
                .expectStatus(201)
                .body()
                .get("spaceId")
                .asText();
    }

    private static Map<String, Object> aPlan(String name) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", name);
        plan.put("monthlyPrice", Map.of("amount", 9900, "currency", "EUR"));
        plan.put("credits", Map.of("minutes", 600, "resourceKinds", List.of("MEETING_ROOM")));
        plan.put("rollover", Map.of("capMinutes", 300));
        return plan;
    }
}
