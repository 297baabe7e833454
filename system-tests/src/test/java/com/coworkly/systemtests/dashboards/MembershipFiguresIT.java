package com.coworkly.systemtests.dashboards;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' membership revenue and credits spent per resource (docs/dashboards.md), after subscribing, paying
 * through Stripe's webhook, booking with credits and cancelling through the API.
 */
@ExtendWith(SharedSystem.class)
class MembershipFiguresIT {

    private Api api;
    private Catalogue.ManagedSpace space;
    private Catalogue.ManagedSpace otherSpace;
    private String desk;
    private String otherDesk;
    private LocalDate from;
    private LocalDate to;

    @BeforeEach
    void twoSpaces(RunningSystem system) {
        api = system.api();
        space = Catalogue.aManagedSpace(api, "Membership figures " + UUID.randomUUID());
        otherSpace = Catalogue.aManagedSpace(api, "Membership figures " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        otherDesk = addResource(api, space, anAlwaysOpenDesk("Other desk"));
        from = LocalDate.now(AMSTERDAM).withDayOfMonth(1);
        to = from.plusMonths(2);
    }

    @Test
    void aPlanNamingTwoSpacesGivesEachHalfItsFeeInTheMonthThePeriodStarts() {
        Map<String, Object> plan = Memberships.aPlan("Two spaces " + UUID.randomUUID(), 600, "DESK");
        plan.put("spaceIds", List.of(space.spaceId(), otherSpace.spaceId()));
        Api.Session member = api.newMember();
        Reply paid =
                Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, Memberships.define(api, plan)));

        JsonNode revenue = dashboard(space, paid.eventPosition()).get("membershipRevenue");

        assertThat(revenue.get("currency").asText()).isEqualTo("EUR");
        assertThat(revenue.get("total").asLong()).as("half of 99.00").isEqualTo(4950);
        assertThat(revenue.get("buckets").get(0).get("start").asText()).isEqualTo(from.toString());
        assertThat(revenue.get("buckets").get(0).get("amount").asLong()).isEqualTo(4950);
        assertThat(revenue.get("buckets").get(1).get("amount").asLong()).isZero();
        assertThat(dashboard(otherSpace, paid.eventPosition())
                        .get("membershipRevenue")
                        .get("total")
                        .asLong())
                .isEqualTo(4950);
    }

    @Test
    void aPlanForTheWholeNetworkIsOnTheNetworkSummaryAndOnNoSpace() {
        Api.Session admin = api.signIn(Api.ADMIN);
        long before = networkPlans(admin, 0);
        Api.Session member = api.newMember();
        Reply paid = Memberships.firstPeriodPaid(
                api,
                Memberships.subscribe(
                        api,
                        member,
                        Memberships.define(api, Memberships.aPlan("Network " + UUID.randomUUID(), 600, "DESK"))));

        assertThat(networkPlans(admin, paid.eventPosition()) - before).isEqualTo(9900);
        assertThat(dashboard(space, paid.eventPosition())
                        .get("membershipRevenue")
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void creditsSpentArePerResourceLessWhatACancellationGaveBack() {
        Map<String, Object> plan = Memberships.aPlan("Desk credits " + UUID.randomUUID(), 600, "DESK");
        plan.put("spaceIds", List.of(space.spaceId()));
        Api.Session member = api.newMember();
        Memberships.firstPeriodPaid(api, Memberships.subscribe(api, member, Memberships.define(api, plan)));
        book(member, desk, 5, 10, 12);
        String cancelled = book(member, otherDesk, 6, 10, 11);
        book(member, otherDesk, 7, 10, 11);
        Reply cancellation = api.commandSide()
                .as(member)
                .post("/api/bookings/" + cancelled + "/cancel", Map.of())
                .expectStatus(200);

        JsonNode dashboard = dashboard(space, cancellation.eventPosition());

        assertThat(creditMinutesOf(dashboard, desk)).isEqualTo(120);
        assertThat(creditMinutesOf(dashboard, otherDesk))
                .as("an hour kept, an hour given back")
                .isEqualTo(60);
        assertThat(dashboard.get("creditMinutes").asLong()).isEqualTo(180);
        assertThat(dashboard.get("membershipRevenue").get("total").asLong()).isEqualTo(9900);
        List<String[]> csv = csv(space, cancellation.eventPosition());
        assertThat(csv.get(0)).endsWith("membership_revenue", "credit_minutes");
        assertThat(totalsRowOf(csv, "")).as("the space's totals").endsWith("9900", "180");
        assertThat(totalsRowOf(csv, desk)).endsWith("", "120");
        assertThat(totalsRowOf(csv, otherDesk)).endsWith("", "60");
    }

    private String book(Api.Session member, String resource, int inDays, int fromHour, int toHour) {
        Reply booked = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(resource, inDays(inDays, fromHour, 0), inDays(inDays, toHour, 0)))
                .expectStatus(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("CONFIRMED");
        return booked.body().get("bookingId").asText();
    }

    private JsonNode dashboard(Catalogue.ManagedSpace of, long after) {
        return api.querySide()
                .as(of.manager())
                .get("/api/dashboards/spaces/" + of.spaceId() + "?from=" + from + "&to=" + to
                        + "&granularity=MONTH&after=" + after)
                .expectStatus(200)
                .body();
    }

    private List<String[]> csv(Catalogue.ManagedSpace of, long after) {
        return api.querySide()
                .as(of.manager())
                .get("/api/dashboards/spaces/" + of.spaceId() + ".csv?from=" + from + "&to=" + to
                        + "&granularity=MONTH&after=" + after)
                .expectStatus(200)
                .raw()
                .lines()
                .map(line -> line.split(",", -1))
                .toList();
    }

    /** The row of totals (no bucket) of the space ({@code resourceId} empty) or of one of its resources. */
    private static String[] totalsRowOf(List<String[]> csv, String resourceId) {
        return csv.stream()
                .filter(row -> row[2].equals(resourceId) && row[4].isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no totals row of '" + resourceId + "' in the CSV"));
    }

    private long networkPlans(Api.Session admin, long after) {
        JsonNode plans = api.querySide()
                .as(admin)
                .get("/api/dashboards/network?from=" + from + "&to=" + to + "&granularity=MONTH&after=" + after)
                .expectStatus(200)
                .body()
                .get("networkPlans");
        long total = 0;
        for (JsonNode revenue : plans) {
            if (revenue.get("currency").asText().equals("EUR")) {
                total += revenue.get("total").asLong();
            }
        }
        return total;
    }

    private static long creditMinutesOf(JsonNode dashboard, String resourceId) {
        for (JsonNode resource : dashboard.get("resources")) {
            if (resource.get("resourceId").asText().equals(resourceId)) {
                return resource.get("creditMinutes").asLong();
            }
        }
        throw new AssertionError("no resource " + resourceId + " on the dashboard");
    }
}
