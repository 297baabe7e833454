package com.coworkly.systemtests.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans and memberships as the tests make them: through the API, the first period paid by Stripe's webhook. */
public final class Memberships {

    private Memberships() {}

    /** A plan of 99.00 a month for the whole network, granting {@code minutes} a period on the given kinds. */
    public static Map<String, Object> aPlan(String name, long minutes, String... resourceKinds) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("monthlyPrice", Map.of("amount", 9900, "currency", "EUR"));
        plan.put("credits", Map.of("minutes", minutes, "resourceKinds", List.of(resourceKinds)));
        return plan;
    }

    /** Defined by the demo administrator; answers its id. */
    public static String define(Api api, Map<String, Object> plan) {
        return api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/plans", plan)
                .expectStatus(201)
                .body()
                .get("planId")
                .asText();
    }

    /** The member subscribes; answers the membership's id. */
    public static String subscribe(Api api, Api.Session member, String planId) {
        return api.commandSide()
                .as(member)
                .post("/api/memberships", Map.of("planId", planId))
                .expectStatus(201)
                .body()
                .get("membershipId")
                .asText();
    }

    /** Stripe says the membership's first invoice is paid, for 30 days from now: the period's credits are granted. */
    public static Reply firstPeriodPaid(Api api, String membershipId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return api.stripeSaysOfInvoice(
                        "invoice.paid", "in_" + membershipId, membershipId, now, now.plus(30, ChronoUnit.DAYS))
                .expectStatus(200);
    }
}
