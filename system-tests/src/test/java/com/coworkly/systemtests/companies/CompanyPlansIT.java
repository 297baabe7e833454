package com.coworkly.systemtests.companies;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Memberships;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static com.coworkly.systemtests.support.Catalogue.with;
import static com.coworkly.systemtests.support.Racing.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A company's plan (docs/memberships.md#company-plans): a fee per seat on the company's monthly invoice, and a pool of
 * credits its seat holders share. The shared system's company bills close every 10 seconds, so the month's invoice
 * is issued while the test waits. The plan grants 2 desk hours a seat; a desk costs 6.00 an hour.
 */
@ExtendWith(SharedSystem.class)
class CompanyPlansIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;
    private Catalogue.ManagedSpace space;
    private String desk;
    private String company;
    private Api.Session office;
    private Api.Session ben;

    @BeforeEach
    void aCompanyOfTwoSeats(RunningSystem running) {
        api = running.api();
        events = running.eventStore();
        admin = api.signIn(Api.ADMIN);
        space = Catalogue.aManagedSpace(api, "Team space " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk 1"));
        company = Companies.register(api, Companies.aCompany("Acme " + UUID.randomUUID()));
        office = api.newMember();
        ben = api.newMember();
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/administrators", Map.of("memberId", office.memberId()))
                .expectStatus(200);
        for (Api.Session member : List.of(office, ben)) {
            api.commandSide()
                    .as(office)
                    .post("/api/companies/" + company + "/members", Map.of("memberId", member.memberId()))
                    .expectStatus(200);
        }
    }

    @Test
    void thePlanChargesItsSeatsOnTheMonthlyInvoiceAndTheTeamBooksFromItsPool() {
        String plan = Memberships.define(api, Memberships.aPlan("Team " + UUID.randomUUID(), 120, "DESK"));

        Reply taken = subscribe(office, plan).expectStatus(200);
        assertThat(taken.body().get("seats").asInt()).isEqualTo(2);
        assertThat(taken.body().get("fee").asLong()).as("99.00 a seat").isEqualTo(19800);
        assertThat(taken.body().get("poolMinutes").asLong()).isEqualTo(240);
        assertThat(pool(taken.eventPosition())).isEqualTo(240);

        Reply fromThePool = book(ben, 14, 9, 3);
        assertThat(fromThePool.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(fromThePool.body().get("creditMinutes").asLong()).isEqualTo(180);
        assertThat(fromThePool.body().get("price").asLong()).isZero();
        assertThat(events.typesOf(idOf(fromThePool)))
                .containsExactly(
                        "BookingPlaced", "BookingPaidWithCredits", "BookingPaidFromCompanyPool", "BookingConfirmed");
        Reply partly = book(ben, 15, 9, 2);
        assertThat(partly.body().get("creditMinutes").asLong()).isEqualTo(60);
        assertThat(partly.body().get("price").asLong())
                .as("the hour the pool left")
                .isEqualTo(600);
        assertThat(partly.body().get("billedToCompanyId").asText()).isEqualTo(company);
        assertThat(pool(partly.eventPosition())).isZero();

        Reply cancelled = api.commandSide()
                .as(ben)
                .post("/api/bookings/" + idOf(fromThePool) + "/cancel", Map.of())
                .expectStatus(200);
        assertThat(pool(cancelled.eventPosition()))
                .as("a free cancellation gives the pool back all")
                .isEqualTo(180);
        assertThat(statementKinds(cancelled.eventPosition())).containsExactly("GRANTED", "SPENT", "SPENT", "RETURNED");

        JsonNode view = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "?after=" + cancelled.eventPosition())
                .expectStatus(200)
                .body()
                .get("plan");
        assertThat(view.get("planId").asText()).isEqualTo(plan);
        assertThat(view.get("seats").asInt()).isEqualTo(2);
        assertThat(view.get("fee").asLong()).isEqualTo(19800);
        assertThat(view.get("homeSpaceId").asText()).isEqualTo(space.spaceId());
        assertThat(view.get("endsAt").isNull()).isTrue();

        JsonNode invoice =
                await().atMost(Duration.ofSeconds(60)).until(this::theInvoiceOfTheMonth, found -> found != null);
        List<JsonNode> lines = new ArrayList<>();
        invoice.get("lines").forEach(lines::add);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("description").asText())
                .startsWith("Plan Team")
                .contains("2 seats");
        assertThat(lines.get(0).get("gross").asLong()).isEqualTo(19800);
        assertThat(lines.get(0).path("bookingId").isMissingNode())
                .as("a fee is no booking")
                .isTrue();
        assertThat(lines.get(1).get("bookingId").asText()).isEqualTo(idOf(partly));
        assertThat(lines.get(1).get("gross").asLong()).isEqualTo(600);
        assertThat(invoice.get("gross").asLong()).isEqualTo(20400);
    }

    @Test
    void seatHoldersRacingOnTwoInstancesNeverSpendThePoolTwice(RunningSystem running) throws Exception {
        String plan = Memberships.define(api, Memberships.aPlan("Team " + UUID.randomUUID(), 60, "DESK"));
        subscribe(office, plan).expectStatus(200);
        String otherDesk = addResource(api, space, anAlwaysOpenDesk("Desk 2"));
        List<Api> instances = List.of(api, running.apiOnSecondCommandSide());
        List<Api.Session> racers = List.of(office, ben, office, ben);
        String[] desks = {desk, otherDesk, desk, otherDesk};
        int[] days = {20, 20, 21, 21};
        List<Callable<Reply>> requests = new ArrayList<>();
        for (int racer = 0; racer < racers.size(); racer++) {
            Api instance = instances.get(racer % 2);
            Api.Session member = racers.get(racer);
            Map<String, Object> request = aBooking(desks[racer], inDays(days[racer], 9, 0), inDays(days[racer], 10, 0));
            requests.add(() -> instance.commandSide().as(member).post("/api/bookings", request));
        }

        long creditMinutes = 0;
        long position = 0;
        for (Reply reply : race(requests)) {
            reply.expectStatus(201);
            creditMinutes += reply.body().get("creditMinutes").asLong();
            position = Math.max(position, reply.eventPosition());
        }
        assertThat(creditMinutes).as("the pool's two hours, no more").isEqualTo(120);
        assertThat(pool(position)).isZero();
        assertThat(events.countOf("CreditsSpent", "credits-of-company-" + company))
                .as("an hour for each of two bookings; the other two are billed in full")
                .isEqualTo(2);
    }

    @Test
    void aCancelledPlanRunsToTheEndOfItsPeriodAndCancellingTwiceChangesNothing() {
        String plan = Memberships.define(api, Memberships.aPlan("Team " + UUID.randomUUID(), 60, "DESK"));
        JsonNode taken = subscribe(office, plan).expectStatus(200).body();

        api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/plan/cancel", Map.of())
                .expectStatus(200);
        Reply again = api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/plan/cancel", Map.of())
                .expectStatus(200);

        JsonNode view = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "?after=" + again.eventPosition())
                .expectStatus(200)
                .body()
                .get("plan");
        assertThat(view.get("endsAt").asText()).isEqualTo(taken.get("periodEnd").asText());
        assertThat(events.countOf("CompanyPlanCancelled", company)).isEqualTo(1);
        assertThat(pool(again.eventPosition()))
                .as("the period's credits stay until it ends")
                .isEqualTo(120);
        subscribe(office, plan).expectProblem(409, "ALREADY_SUBSCRIBED");
    }

    @Test
    void badPlansAreRefusedAndStoreNothing() {
        String plan = Memberships.define(api, Memberships.aPlan("Team " + UUID.randomUUID(), 60, "DESK"));
        String elsewhere =
                Catalogue.aManagedSpace(api, "Elsewhere " + UUID.randomUUID()).spaceId();
        String onlyElsewhere = Memberships.define(
                api,
                with(Memberships.aPlan("Elsewhere " + UUID.randomUUID(), 60, "DESK"), "spaceIds", List.of(elsewhere)));
        long before = events.count();

        subscribe(office, UUID.randomUUID().toString()).expectProblem(404, "PLAN_NOT_FOUND");
        subscribe(office, onlyElsewhere).expectProblem(422, "HOME_SPACE_NOT_COVERED");
        subscribe(ben, plan).expectProblem(403, "NOT_YOUR_COMPANY");
        api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/plan", Map.of("planId", plan))
                .expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/plan", Map.of("planId", plan, "homeSpaceId", UUID.randomUUID()))
                .expectProblem(404, "SPACE_NOT_FOUND");
        api.commandSide()
                .as(office)
                .post("/api/companies/" + company + "/plan/cancel", Map.of())
                .expectProblem(409, "NO_COMPANY_PLAN");
        api.querySide().as(ben).get("/api/companies/" + company + "/credits").expectProblem(403, "NOT_YOUR_COMPANY");

        assertThat(events.count()).isEqualTo(before);
    }

    private Reply subscribe(Api.Session who, String plan) {
        return api.commandSide()
                .as(who)
                .post("/api/companies/" + company + "/plan", Map.of("planId", plan, "homeSpaceId", space.spaceId()));
    }

    private Reply book(Api.Session member, int inDays, int hour, int hours) {
        return api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(inDays, hour, 0), inDays(inDays, hour + hours, 0)))
                .expectStatus(201);
    }

    private long pool(long after) {
        return api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/credits?after=" + after)
                .expectStatus(200)
                .body()
                .get("minutes")
                .asLong();
    }

    private List<String> statementKinds(long after) {
        List<String> kinds = new ArrayList<>();
        api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/credits/statement?after=" + after)
                .expectStatus(200)
                .body()
                .get("items")
                .forEach(entry -> kinds.add(entry.get("kind").asText()));
        return kinds;
    }

    private JsonNode theInvoiceOfTheMonth() {
        for (JsonNode document : api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/invoices?size=100")
                .expectStatus(200)
                .body()
                .get("items")) {
            if (document.get("kind").asText().equals("INVOICE")) {
                return document;
            }
        }
        return null;
    }

    private static String idOf(Reply booked) {
        return booked.body().get("bookingId").asText();
    }
}
