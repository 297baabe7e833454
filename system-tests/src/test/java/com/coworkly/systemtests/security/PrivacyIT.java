package com.coworkly.systemtests.security;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the permission matrix checks by status, checked by content: one member's bookings, series, invoices and
 * calendar never reach another member, in a list or by id, and no answer an operator can read carries a payment
 * secret (Stripe's client secrets, its webhook signing secret, the API key).
 */
@ExtendWith(SharedSystem.class)
class PrivacyIT {

    /** What Stripe's secrets look like (the stand-in's follow the real formats). */
    private static final List<String> SECRET_MARKS =
            List.of("_secret_", "whsec_", "sk_test_", "sk_live_", StripeStandIn.WEBHOOK_SECRET, StripeStandIn.API_KEY);

    private Api api;
    private EventStore events;
    private String desk;
    private Api.Session owner;
    private Api.Session other;
    private long position;
    private int day = 3;

    @BeforeEach
    void twoMembersInOneSpace(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        Catalogue.ManagedSpace space = Catalogue.aManagedSpace(api, "Privacy " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Private desk"));
        owner = api.newMember();
        other = api.newMember();
    }

    @Test
    void aMemberNeverSeesAnotherMembersBookingsInvoicesOrCalendar() {
        String pending = book(owner).body().get("bookingId").asText();
        String paid = book(owner).body().get("bookingId").asText();
        pay(paid);
        placeSeries(owner);
        String othersOwn = book(other).body().get("bookingId").asText();
        pay(othersOwn);
        String ownersFeed = feedOf(owner);

        Set<String> ownersBookings = ids(owner, "/api/members/me/bookings", "bookingId");
        Set<String> ownersInvoices = ids(owner, "/api/members/me/invoices", "invoiceId");
        assertThat(ownersBookings).hasSize(4).contains(pending, paid);
        assertThat(ownersInvoices).hasSize(1);

        assertThat(ids(other, "/api/members/me/bookings", "bookingId")).containsExactly(othersOwn);
        for (String status : List.of("PENDING_PAYMENT", "CONFIRMED")) {
            assertThat(ids(other, "/api/members/me/bookings?status=" + status, "bookingId"))
                    .as("the other member's %s bookings", status)
                    .doesNotContainAnyElementsOf(ownersBookings);
        }
        assertThat(ids(other, "/api/members/me/invoices", "invoiceId"))
                .hasSize(1)
                .doesNotContainAnyElementsOf(ownersInvoices);
        assertThat(memberIdsIn(other, "/api/members/me/bookings")).containsOnly(other.memberId());
        assertThat(memberIdsIn(other, "/api/members/me/invoices")).containsOnly(other.memberId());
        for (String booking : ownersBookings) {
            api.querySide().as(other).get("/api/bookings/" + booking + after()).expectProblem(403, "NOT_YOUR_BOOKING");
        }
        for (String invoice : ownersInvoices) {
            api.querySide().as(other).get("/api/invoices/" + invoice + after()).expectProblem(403, "NOT_YOUR_INVOICE");
            api.querySide()
                    .as(other)
                    .get("/api/invoices/" + invoice + "/pdf" + after())
                    .expectProblem(403, "NOT_YOUR_INVOICE");
        }

        String othersCalendar = unfolded(api.querySide()
                .as(other)
                .get("/api/members/me/calendar.ics" + after())
                .expectStatus(200)
                .raw());
        String othersFeed = unfolded(
                api.querySide().get(path(feedOf(other))).expectStatus(200).raw());
        assertThat(othersCalendar).contains(othersOwn);
        assertThat(othersFeed).contains(othersOwn);
        for (String booking : ownersBookings) {
            assertThat(othersCalendar).doesNotContain(booking);
            assertThat(othersFeed).doesNotContain(booking);
        }
        api.querySide().as(other).delete("/api/members/me/calendar-feed").expectStatus(204);
        assertThat(unfolded(
                        api.querySide().get(path(ownersFeed)).expectStatus(200).raw()))
                .as("the owner's feed, after the other member revoked theirs")
                .contains(pending, paid);
    }

    @Test
    void aMemberCannotChangeAnotherMembersBookingsOrSeries() {
        String booking = book(owner).body().get("bookingId").asText();
        String series = placeSeries(owner).get("seriesId").asText();
        List<String> bookingHistory = events.typesOf(booking);
        List<String> seriesHistory = events.typesOf(series);
        long before = events.count();

        api.commandSide()
                .as(other)
                .post("/api/bookings/" + booking + "/cancel", Map.of("reason", "not mine"))
                .expectProblem(403, "NOT_YOUR_BOOKING");
        api.commandSide()
                .as(other)
                .post("/api/bookings/" + booking + "/payment", Map.of())
                .expectProblem(403, "NOT_YOUR_BOOKING");
        assertThat(api.commandSide()
                        .as(other)
                        .post("/api/bookings/series/" + series + "/cancel", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(api.commandSide()
                        .as(other)
                        .post("/api/bookings/series/" + series + "/payment", Map.of())
                        .status())
                .isEqualTo(403);

        assertThat(events.count()).isEqualTo(before);
        assertThat(events.typesOf(booking)).isEqualTo(bookingHistory);
        assertThat(events.typesOf(series)).isEqualTo(seriesHistory);
    }

    @Test
    void nothingAnOperatorCanReadCarriesAPaymentSecret() {
        Instant from = Instant.now().minusSeconds(5);
        Reply placed = book(owner);
        String booking = placed.body().get("bookingId").asText();
        String clientSecret = placed.body().get("payment").get("clientSecret").asText();
        assertThat(clientSecret)
                .as("the member gets the client secret to pay with")
                .contains("_secret_");
        pay(booking);
        JsonNode series = placeSeries(owner);
        String seriesSecret = series.get("payment").get("clientSecret").asText();
        api.stripeSaysOfSeries(
                        "payment_intent.succeeded", series.get("seriesId").asText())
                .expectStatus(200);
        Api.Session operator = api.signIn(Api.OPERATOR);

        Map<String, String> read = new LinkedHashMap<>();
        Api.Request query = api.querySide().as(operator);
        String window = "from=" + from + "&after=" + position;
        read.put(
                "booking events",
                query.get("/api/audit/aggregates/" + booking + "/events?after=" + position)
                        .expectStatus(200)
                        .raw());
        read.put(
                "booking state",
                query.get("/api/audit/aggregates/" + booking + "/state?after=" + position)
                        .expectStatus(200)
                        .raw());
        read.put(
                "series events",
                query.get("/api/audit/aggregates/" + series.get("seriesId").asText() + "/events?after=" + position)
                        .expectStatus(200)
                        .raw());
        Reply firstPage = query.get("/api/audit/events?size=100&" + window).expectStatus(200);
        for (int page = 0; page < firstPage.body().get("totalPages").asInt(); page++) {
            read.put(
                    "audit search, page " + page,
                    query.get("/api/audit/events?size=100&page=" + page + "&" + window)
                            .expectStatus(200)
                            .raw());
        }
        read.put(
                "audit search as NDJSON",
                query.header("Accept", "application/x-ndjson")
                        .get("/api/audit/events?" + window)
                        .expectStatus(200)
                        .raw());
        read.put(
                "audit export",
                query.get("/api/audit/events.ndjson?" + window)
                        .expectStatus(200)
                        .raw());
        read.put(
                "dead letters",
                query.get("/api/operations/dead-letters?size=100")
                        .expectStatus(200)
                        .raw());
        read.put(
                "projections",
                query.get("/api/operations/projections").expectStatus(200).raw());
        for (Api.Request side : List.of(api.commandSide().as(operator), query)) {
            for (String endpoint :
                    List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/v3/api-docs")) {
                read.put(endpoint, side.get(endpoint).expectStatus(200).raw());
            }
        }

        assertThat(read.get("booking events")).contains("PaymentRequested", "BookingConfirmed");
        assertThat(read.get("audit export")).contains(booking);
        read.forEach((what, body) -> {
            assertThat(body).as(what).doesNotContain(clientSecret).doesNotContain(seriesSecret);
            SECRET_MARKS.forEach(mark -> assertThat(body).as(what).doesNotContain(mark));
        });
    }

    private Reply book(Api.Session member) {
        int on = day++;
        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(desk, inDays(on, 10, 0), inDays(on, 11, 0)))
                .expectStatus(201);
        position = Math.max(position, placed.eventPosition());
        return placed;
    }

    private JsonNode placeSeries(Api.Session member) {
        int on = day++;
        Map<String, Object> series = new LinkedHashMap<>(aBooking(desk, inDays(on, 18, 0), inDays(on, 19, 0)));
        series.put("recurrence", "FREQ=WEEKLY;COUNT=2");
        Reply placed = api.commandSide()
                .as(member)
                .post("/api/bookings/series", series)
                .expectStatus(201);
        position = Math.max(position, placed.eventPosition());
        return placed.body();
    }

    private void pay(String booking) {
        position = Math.max(position, api.pay(booking).eventPosition());
    }

    private String feedOf(Api.Session member) {
        return api.querySide()
                .as(member)
                .post("/api/members/me/calendar-feed", Map.of())
                .expectStatus(201)
                .body()
                .get("url")
                .asText();
    }

    /** Every item of a member's own list (one page of 100 holds them all), by the given field. */
    private Set<String> ids(Api.Session member, String list, String field) {
        Set<String> ids = new TreeSet<>();
        items(member, list).forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private Set<String> memberIdsIn(Api.Session member, String list) {
        return ids(member, list, "memberId");
    }

    private List<JsonNode> items(Api.Session member, String list) {
        String separator = list.contains("?") ? "&" : "?";
        JsonNode page = api.querySide()
                .as(member)
                .get(list + separator + "size=100&after=" + position)
                .expectStatus(200)
                .body();
        assertThat(page.get("totalPages").asInt()).as(list + " fits one page").isLessThanOrEqualTo(1);
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private String after() {
        return "?after=" + position;
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/api/"));
    }

    /** iCalendar folds lines longer than 75 octets; ids are compared on the unfolded text. */
    private static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\n ", "");
    }
}
