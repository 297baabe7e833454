package com.coworkly.systemtests.companies;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.Companies;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.aBookingFor;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/** Company accounts: their administrators, seats, bookings placed for the team, and what the team used. */
@ExtendWith(SharedSystem.class)
class CompaniesIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem running) {
        api = running.api();
        events = running.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void aCompanysAdministratorManagesItsSeatsAndOnlyTheyAndTheNetworksAdministratorsReadIt() {
        String company = Companies.register(api, Companies.aCompany("Acme " + UUID.randomUUID()));
        Api.Session office = administratorOf(company);
        Api.Session ben = api.newMember();
        Api.Session cleo = api.newMember();

        seat(office, company, ben).expectStatus(200);
        long position = seat(office, company, cleo).expectStatus(200).eventPosition();
        api.commandSide()
                .as(ben)
                .post(
                        "/api/companies/" + company + "/members",
                        Map.of("memberId", api.newMember().memberId()))
                .expectProblem(403, "NOT_YOUR_COMPANY");

        JsonNode read = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "?after=" + position)
                .expectStatus(200)
                .body();
        assertThat(read.get("vatId").asText()).isEqualTo("NL123456789B01");
        assertThat(read.get("billingAddress").get("city").asText()).isEqualTo("Amsterdam");
        assertThat(read.get("administrators")).extracting(JsonNode::asText).containsExactly(office.memberId());
        assertThat(read.get("seats"))
                .extracting(seat -> seat.get("memberId").asText())
                .containsExactlyInAnyOrder(ben.memberId(), cleo.memberId());
        api.querySide().as(ben).get("/api/companies/" + company).expectProblem(403, "NOT_YOUR_COMPANY");
        api.querySide().as(admin).get("/api/companies/" + company).expectStatus(200);

        long removed = api.commandSide()
                .as(office)
                .delete("/api/companies/" + company + "/members/" + cleo.memberId())
                .expectStatus(200)
                .eventPosition();
        assertThat(api.querySide()
                        .as(office)
                        .get("/api/companies/" + company + "?after=" + removed)
                        .expectStatus(200)
                        .body()
                        .get("seats"))
                .extracting(seat -> seat.get("memberId").asText())
                .containsExactly(ben.memberId());
    }

    @Test
    void aCompanysAdministratorBooksForTheTeamAndSeesItsBookingsCreditsAndSpend() {
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Team space " + UUID.randomUUID());
        String desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        String company = Companies.register(api, Companies.aCompany("Team " + UUID.randomUUID()));
        Api.Session office = administratorOf(company);
        Api.Session ben = api.newMember();
        seat(office, company, ben).expectStatus(200);
        ZonedDateTime start = inDays(14, 9, 0);

        Reply forBen = api.commandSide()
                .as(office)
                .post("/api/bookings", aBookingFor(ben.memberId(), desk, start))
                .expectStatus(201);
        String placedForBen = forBen.body().get("bookingId").asText();
        Reply own = api.commandSide()
                .as(ben)
                .post("/api/bookings", aBooking(desk, start.plusHours(3), start.plusHours(5)))
                .expectStatus(201);
        api.commandSide()
                .as(office)
                .post("/api/bookings", aBookingFor(api.newMember().memberId(), desk, start.plusHours(6)))
                .expectProblem(403, "NOT_YOURS_TO_BOOK_FOR");

        long position = Math.max(forBen.eventPosition(), own.eventPosition());
        assertThat(events.strings(
                        "SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                                + "AND sequence_number = 0",
                        placedForBen))
                .singleElement()
                .asString()
                .contains(office.memberId());
        JsonNode team = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/bookings?after=" + position)
                .expectStatus(200)
                .body();
        assertThat(team.get("totalItems").asLong()).isEqualTo(2);
        assertThat(team.get("items"))
                .extracting(booking -> booking.get("bookingId").asText())
                .containsExactly(own.body().get("bookingId").asText(), placedForBen);
        JsonNode use = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "?after=" + position)
                .expectStatus(200)
                .body()
                .get("use");
        assertThat(use.get("bookings").asLong()).isEqualTo(2);
        assertThat(use.get("spend")).singleElement().satisfies(spend -> {
            assertThat(spend.get("currency").asText()).isEqualTo("EUR");
            assertThat(spend.get("amount").asLong())
                    .as("both bookings, billed to the company")
                    .isEqualTo(forBen.body().get("price").asLong()
                            + own.body().get("price").asLong());
        });
        String csv = api.querySide()
                .as(office)
                .get("/api/companies/" + company + "/bookings.csv?after=" + position)
                .expectStatus(200)
                .raw();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("booking_id,member_id,resource_id");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith(placedForBen + "," + ben.memberId() + "," + desk);
    }

    @Test
    void aMemberHoldsOneCompanysSeatAtMostAlsoWhenTwoCompaniesRaceForThem() throws Exception {
        String first = Companies.register(api, Companies.aCompany("First " + UUID.randomUUID()));
        String second = Companies.register(api, Companies.aCompany("Second " + UUID.randomUUID()));
        Api.Session member = api.newMember();
        CountDownLatch go = new CountDownLatch(1);

        List<CompletableFuture<Integer>> racing = List.of(first, second).stream()
                .map(company -> CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return seat(admin, company, member).status();
                }))
                .toList();
        go.countDown();

        assertThat(racing.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(200, 409);
        assertThat(events.countOf("CompanyMemberAdded", first) + events.countOf("CompanyMemberAdded", second))
                .isEqualTo(1);
        String holder = events.countOf("CompanyMemberAdded", first) == 1 ? first : second;
        String other = holder.equals(first) ? second : first;
        seat(admin, other, member).expectProblem(409, "MEMBER_IN_ANOTHER_COMPANY");
        api.commandSide()
                .as(admin)
                .delete("/api/companies/" + holder + "/members/" + member.memberId())
                .expectStatus(200);
        seat(admin, other, member).expectStatus(200);
    }

    @Test
    void badCompaniesAndSeatsAreRefusedAndStoreNothing() {
        String company = Companies.register(api, Companies.aCompany("Strict " + UUID.randomUUID()));
        long before = events.longValue("SELECT max(global_index) FROM event_store.domain_event_entry");

        Map<String, Object> noName = new HashMap<>(Companies.aCompany("x"));
        noName.remove("name");
        api.commandSide().as(admin).post("/api/companies", noName).expectProblem(400, "VALIDATION_FAILED");
        Map<String, Object> badVat = new HashMap<>(Companies.aCompany("Bad VAT"));
        badVat.put("vatId", "not a vat number");
        api.commandSide().as(admin).post("/api/companies", badVat).expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(api.newMember())
                .post("/api/companies", Companies.aCompany("Not mine"))
                .expectStatus(403);
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/members", Map.of("memberId", "no-such-member"))
                .expectProblem(404, "MEMBER_NOT_FOUND");
        api.commandSide()
                .as(admin)
                .post(
                        "/api/companies/no-such-company/members",
                        Map.of("memberId", api.newMember().memberId()))
                .expectProblem(404, "COMPANY_NOT_FOUND");

        assertThat(events.strings(
                        "SELECT payload_type FROM event_store.domain_event_entry WHERE global_index > ? "
                                + "AND payload_type NOT LIKE '%.MemberRegistered'",
                        before))
                .as("nothing but the new members' registrations")
                .isEmpty();
    }

    private Api.Session administratorOf(String company) {
        Api.Session office = api.newMember();
        api.commandSide()
                .as(admin)
                .post("/api/companies/" + company + "/administrators", Map.of("memberId", office.memberId()))
                .expectStatus(200);
        return office;
    }

    private Reply seat(Api.Session by, String company, Api.Session member) {
        return api.commandSide()
                .as(by)
                .post("/api/companies/" + company + "/members", Map.of("memberId", member.memberId()));
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
