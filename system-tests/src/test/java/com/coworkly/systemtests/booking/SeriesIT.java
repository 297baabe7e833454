package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.coworkly.systemtests.support.StripeStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.ids;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static com.coworkly.systemtests.support.Bookings.nextClockChange;
import static com.coworkly.systemtests.support.Racing.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rule 6 over HTTP: recurring bookings, their conflicts, races, payment and cancellation. */
@ExtendWith(SharedSystem.class)
class SeriesIT {

    private Api api;
    private EventStore events;
    private StripeStandIn stripe;
    private Catalogue.ManagedSpace space;
    private Api.Session member;
    private String desk;

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        stripe = system.stripe();
        space = Catalogue.aManagedSpace(api, "Series " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
        member = api.newMember();
    }

    @Test
    void aWeeklyMorningStaysNineToElevenLocalAcrossAClockChange() {
        LocalDate change = nextClockChange(true);
        ZonedDateTime first = ZonedDateTime.of(change.minusWeeks(1), LocalTime.of(9, 0), AMSTERDAM);

        Reply placed = placeSeries(member, first, first.plusHours(2), "FREQ=WEEKLY;COUNT=3", null)
                .expectStatus(201);
        JsonNode series = placed.body();

        List<OffsetDateTime> starts = new ArrayList<>();
        series.get("occurrences")
                .forEach(occurrence ->
                        starts.add(OffsetDateTime.parse(occurrence.get("start").asText())));
        assertThat(starts).extracting(OffsetDateTime::toLocalTime).containsOnly(LocalTime.of(9, 0));
        assertThat(starts)
                .extracting(OffsetDateTime::toLocalDate)
                .containsExactly(change.minusWeeks(1), change, change.plusWeeks(1));
        assertThat(starts.get(0).getOffset()).isNotEqualTo(starts.get(2).getOffset());
        assertThat(Duration.between(starts.get(0), starts.get(1)))
                .isEqualTo(Duration.ofDays(7).minusHours(1));
        // The query side shows every occurrence at 09:00 in the space's zone too.
        for (String booking : ids(series.get("bookingIds"))) {
            JsonNode view = api.querySide()
                    .as(member)
                    .get("/api/bookings/" + booking + "?after=" + placed.eventPosition())
                    .expectStatus(200)
                    .body();
            assertThat(OffsetDateTime.parse(view.get("start").asText()).toLocalTime())
                    .isEqualTo(LocalTime.of(9, 0));
            assertThat(view.get("seriesId").asText())
                    .isEqualTo(series.get("seriesId").asText());
        }
    }

    @Test
    void aRejectingSeriesWithAConflictBooksNothingAndSaysWhichAndWhy() {
        ZonedDateTime first = inDays(3, 10, 0);
        Api.Session other = api.newMember();
        api.commandSide()
                .as(other)
                .post(
                        "/api/bookings",
                        aBooking(desk, first.plusWeeks(2), first.plusWeeks(2).plusHours(1)))
                .expectStatus(201);
        long before = events.count();

        Reply refused = placeSeries(member, first, first.plusHours(2), "FREQ=WEEKLY;COUNT=4", "REJECT")
                .expectProblem(409, "SERIES_HAS_CONFLICTS");

        assertThat(refused.body().get("conflicts")).singleElement().satisfies(conflict -> {
            assertThat(conflict.get("code").asText()).isEqualTo("SLOT_UNAVAILABLE");
            assertThat(LocalDateTime.parse(conflict.get("localStart").asText()))
                    .isEqualTo(first.plusWeeks(2).toLocalDateTime());
        });
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aSkippingSeriesBooksTheRestAndReportsWhatItSkippedAndWhy() {
        String weekdayDesk = addResource(api, space, Catalogue.aDesk("Monday and Tuesday desk"));
        LocalDate monday = LocalDate.now(AMSTERDAM).plusDays(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        ZonedDateTime first = ZonedDateTime.of(monday, LocalTime.of(9, 0), AMSTERDAM);
        Api.Session other = api.newMember();
        api.commandSide()
                .as(other)
                .post(
                        "/api/bookings",
                        aBooking(
                                weekdayDesk,
                                first.plusWeeks(1),
                                first.plusWeeks(1).plusHours(1)))
                .expectStatus(201);

        JsonNode series = placeSeries(
                        member, weekdayDesk, first, first.plusHours(2), "FREQ=WEEKLY;BYDAY=MO,TU,WE;COUNT=6", "SKIP")
                .expectStatus(201)
                .body();

        assertThat(series.get("bookingIds")).hasSize(3);
        assertThat(series.get("skipped"))
                .extracting(
                        skipped -> LocalDateTime.parse(skipped.get("localStart").asText()) + " "
                                + skipped.get("code").asText())
                .containsExactly(
                        monday.plusDays(2).atTime(9, 0) + " OUTSIDE_OPENING_HOURS",
                        monday.plusWeeks(1).atTime(9, 0) + " SLOT_UNAVAILABLE",
                        monday.plusWeeks(1).plusDays(2).atTime(9, 0) + " OUTSIDE_OPENING_HOURS");
        assertThat(events.countOf("BookingSeriesPlaced", series.get("seriesId").asText()))
                .isEqualTo(1);
        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                                + "'%BookingPlaced' AND convert_from(payload, 'UTF8') LIKE ?",
                        "%" + series.get("seriesId").asText() + "%"))
                .isEqualTo(3);
    }

    @Test
    void everyOccurrenceCountsTowardsTheThreeAtATimeLimit() {
        ZonedDateTime first = inDays(4, 10, 0);
        for (int other = 0; other < 3; other++) {
            String otherDesk = addResource(api, space, anAlwaysOpenDesk("Other desk " + other));
            api.commandSide()
                    .as(member)
                    .post(
                            "/api/bookings",
                            aBooking(
                                    otherDesk,
                                    first.plusDays(1),
                                    first.plusDays(1).plusHours(1)))
                    .expectStatus(201);
        }

        Reply refused = placeSeries(member, first, first.plusHours(2), "FREQ=DAILY;COUNT=3", null)
                .expectProblem(409, "SERIES_HAS_CONFLICTS");

        assertThat(refused.body().get("conflicts"))
                .extracting(conflict -> conflict.get("code").asText())
                .containsExactly("MEMBER_LIMIT_REACHED");
    }

    @Test
    void aRecurrenceOutsideTheSubsetOrTooLongIsRefusedAndStoresNothing() {
        ZonedDateTime first = inDays(3, 10, 0);
        long before = events.count();

        placeSeries(member, first, first.plusHours(1), "FREQ=MONTHLY;COUNT=3", null)
                .expectProblem(400, "RECURRENCE_NOT_SUPPORTED");
        placeSeries(member, first, first.plusHours(1), "FREQ=WEEKLY", null).expectProblem(400, "RECURRENCE_UNBOUNDED");
        placeSeries(member, first, first.plusHours(1), "FREQ=DAILY;COUNT=53", null)
                .expectProblem(422, "TOO_MANY_OCCURRENCES");
        placeSeries(member, first, first.plusHours(1), "FREQ=WEEKLY;COUNT=52;INTERVAL=2", null)
                .expectProblem(422, "SERIES_BEYOND_HORIZON");
        placeSeries(member, first, first.plusHours(1), "FREQ=WEEKLY;BYDAY=" + otherDayThan(first) + ";COUNT=2", null)
                .expectProblem(422, "START_NOT_AN_OCCURRENCE");
        api.commandSide()
                .as(member)
                .post(
                        "/api/bookings/series",
                        Map.of(
                                "resourceId",
                                desk,
                                "start",
                                first.toOffsetDateTime().toString(),
                                "end",
                                first.plusHours(1).toOffsetDateTime().toString(),
                                "recurrence",
                                "FREQ=DAILY;COUNT=2",
                                "onConflict",
                                "MAYBE"))
                .expectProblem(400, "VALIDATION_FAILED");

        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void aSeriesRacingSingleBookingsForItsSlotsLeavesEachSlotBookedOnce() throws Exception {
        ZonedDateTime first = inDays(5, 14, 0);
        List<Api.Session> racers = List.of(api.newMember(), api.newMember(), api.newMember(), api.newMember());

        List<Callable<Reply>> requests = new ArrayList<>();
        requests.add(() -> placeSeries(member, first, first.plusHours(1), "FREQ=DAILY;COUNT=4", "SKIP"));
        for (int day = 0; day < racers.size(); day++) {
            ZonedDateTime start = first.plusDays(day);
            Api.Session racer = racers.get(day);
            requests.add(
                    () -> api.commandSide().as(racer).post("/api/bookings", aBooking(desk, start, start.plusHours(1))));
        }
        List<Reply> replies = race(requests);

        long singlesWon = replies.subList(1, replies.size()).stream()
                .filter(reply -> reply.status() == 201)
                .count();
        replies.subList(1, replies.size()).stream()
                .filter(reply -> reply.status() != 201)
                .forEach(reply -> reply.expectProblem(409, "SLOT_UNAVAILABLE"));
        if (singlesWon == 4) {
            // Every single booking came first: nothing is left for the series, which books nothing and says why.
            assertThat(replies.get(0)
                            .expectProblem(409, "SERIES_HAS_CONFLICTS")
                            .body()
                            .get("conflicts"))
                    .hasSize(4)
                    .allSatisfy(conflict ->
                            assertThat(conflict.get("code").asText()).isEqualTo("SLOT_UNAVAILABLE"));
        } else {
            Reply series = replies.get(0).expectStatus(201);
            assertThat(series.body().get("bookingIds").size() + singlesWon).isEqualTo(4);
            assertThat(series.body().get("skipped"))
                    .hasSize((int) singlesWon)
                    .allSatisfy(
                            skipped -> assertThat(skipped.get("code").asText()).isEqualTo("SLOT_UNAVAILABLE"));
        }
        assertThat(events.longValue("SELECT count(*) FROM command_side.resource_occupancy WHERE resource_id = ?", desk))
                .isEqualTo(4);
    }

    @Test
    void aSeriesRacingTheSameMembersBookingsNeverMakesFourAtOnce() throws Exception {
        ZonedDateTime first = inDays(6, 10, 0);
        String held = addResource(api, space, anAlwaysOpenDesk("Held desk"));
        api.commandSide()
                .as(member)
                .post("/api/bookings", aBooking(held, first, first.plusHours(1)))
                .expectStatus(201);
        List<String> desks = List.of(
                addResource(api, space, anAlwaysOpenDesk("C")),
                addResource(api, space, anAlwaysOpenDesk("D")),
                addResource(api, space, anAlwaysOpenDesk("E")));

        List<Callable<Reply>> requests = new ArrayList<>();
        requests.add(() -> placeSeries(member, first, first.plusHours(1), "FREQ=WEEKLY;COUNT=2", null));
        desks.forEach(other -> requests.add(
                () -> api.commandSide().as(member).post("/api/bookings", aBooking(other, first, first.plusHours(1)))));
        List<Reply> replies = race(requests);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(2);
        assertThat(replies)
                .filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> assertThat(reply.code()).isIn("MEMBER_LIMIT_REACHED", "SERIES_HAS_CONFLICTS"));
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.member_booking WHERE member_id = ? "
                                + "AND period @> ?::timestamptz",
                        member.memberId(),
                        first.plusMinutes(30).toOffsetDateTime().toString()))
                .isEqualTo(3);
    }

    @Test
    void aSeriesIsPaidAsOneAndConfirmsEveryOccurrence() {
        ZonedDateTime first = inDays(3, 10, 0);

        JsonNode series = placeSeries(member, first, first.plusHours(2), "FREQ=WEEKLY;COUNT=3", null)
                .expectStatus(201)
                .body();

        String seriesId = series.get("seriesId").asText();
        assertThat(series.get("price").asLong()).isEqualTo(3 * 1200);
        List<LoggedRequest> requests = stripe.paymentIntentRequestsFor(member.memberId());
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo("series-" + seriesId + "-payment");
            assertThat(StripeStandIn.form(request))
                    .contains("amount=3600", "currency=eur", "metadata[series_id]=" + seriesId);
        });
        api.commandSide()
                .as(member)
                .post("/api/bookings/" + series.get("bookingIds").get(0).asText() + "/payment", Map.of())
                .expectProblem(409, "PAID_WITH_ITS_SERIES");
        JsonNode again = api.commandSide()
                .as(member)
                .post("/api/bookings/series/" + seriesId + "/payment", Map.of())
                .expectStatus(200)
                .body();
        assertThat(again.get("price").asLong()).isEqualTo(3600);
        assertThat(again.get("payment").get("paymentId").asText())
                .isEqualTo(series.get("payment").get("paymentId").asText());

        api.stripeSaysOfSeries("payment_intent.succeeded", seriesId).expectStatus(200);

        for (String booking : ids(series.get("bookingIds"))) {
            assertThat(events.typesOf(booking))
                    .containsSubsequence("BookingPlaced", "PaymentRequested", "BookingConfirmed", "InvoiceIssued");
        }
        api.stripeSaysOfSeries("payment_intent.succeeded", seriesId).expectStatus(200);
        for (String booking : ids(series.get("bookingIds"))) {
            assertThat(events.countOf("BookingConfirmed", booking)).isEqualTo(1);
        }
    }

    @Test
    void oneOccurrenceIsCancelledOnItsOwnAndRefundedItsShare() {
        ZonedDateTime first = inDays(3, 10, 0);
        JsonNode series = aPaidSeries(first, "FREQ=WEEKLY;COUNT=3");
        List<String> bookings = ids(series.get("bookingIds"));

        JsonNode cancelled = api.commandSide()
                .as(member)
                .post("/api/bookings/" + bookings.get(1) + "/cancel", Map.of())
                .expectStatus(200)
                .body();

        assertThat(cancelled.get("refund").asLong()).isEqualTo(1200);
        assertThat(events.typesOf(bookings.get(0))).doesNotContain("BookingCancelled");
        assertThat(events.typesOf(bookings.get(2))).doesNotContain("BookingCancelled");
        await("the refund of that occurrence's share")
                .atMost(Duration.ofSeconds(30))
                .until(() -> events.typesOf(bookings.get(1)).contains("RefundIssued"));
        assertThat(stripe.refundRequestsFor(member.memberId()))
                .singleElement()
                .satisfies(request -> assertThat(StripeStandIn.form(request))
                        .contains(
                                "amount=1200",
                                "payment_intent=pi_series-"
                                        + series.get("seriesId").asText() + "-payment"));
    }

    @Test
    void theRestOfASeriesIsCancelledFromADateWithTheFeeRuleAppliedToEachOccurrence() {
        // The first occurrence starts inside the 24-hour late window, the others long after it.
        ZonedDateTime first = ZonedDateTime.now(AMSTERDAM)
                .plusHours(3)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        JsonNode series = aPaidSeries(first, "FREQ=WEEKLY;COUNT=4");
        List<String> bookings = ids(series.get("bookingIds"));
        String seriesId = series.get("seriesId").asText();
        api.commandSide()
                .as(api.newMember())
                .post("/api/bookings/series/" + seriesId + "/cancel", Map.of())
                .expectProblem(403, "NOT_YOUR_SERIES");

        JsonNode fromTheThird = api.commandSide()
                .as(member)
                .post(
                        "/api/bookings/series/" + seriesId + "/cancel",
                        Map.of("from", first.plusWeeks(2).toOffsetDateTime().toString()))
                .expectStatus(200)
                .body();

        assertThat(ids(fromTheThird.get("cancelled").findValues("bookingId")))
                .containsExactly(bookings.get(2), bookings.get(3));
        assertThat(fromTheThird.get("fee").asLong()).isZero();
        assertThat(fromTheThird.get("refund").asLong()).isEqualTo(2 * 1200);

        JsonNode theRest = api.commandSide()
                .as(member)
                .post("/api/bookings/series/" + seriesId + "/cancel", Map.of())
                .expectStatus(200)
                .body();

        assertThat(ids(theRest.get("cancelled").findValues("bookingId")))
                .containsExactly(bookings.get(0), bookings.get(1));
        assertThat(theRest.get("cancelled").get(0).get("fee").asLong()).isEqualTo(600);
        assertThat(theRest.get("cancelled").get(1).get("fee").asLong()).isZero();
        api.commandSide()
                .as(member)
                .post("/api/bookings/series/" + seriesId + "/cancel", Map.of())
                .expectProblem(409, "NOTHING_TO_CANCEL");
        assertThat(events.countOfType("BookingSeriesCancelled")).isPositive();
    }

    @Test
    void aManagerCancelsTheirSpacesSeriesFreeOfCharge() {
        ZonedDateTime first = ZonedDateTime.now(AMSTERDAM)
                .plusHours(3)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        JsonNode series = aPaidSeries(first, "FREQ=DAILY;COUNT=2");

        JsonNode cancelled = api.commandSide()
                .as(space.manager())
                .post("/api/bookings/series/" + series.get("seriesId").asText() + "/cancel", Map.of())
                .expectStatus(200)
                .body();

        assertThat(cancelled.get("fee").asLong()).isZero();
        assertThat(cancelled.get("refund").asLong()).isEqualTo(2 * 1200);
    }

    private JsonNode aPaidSeries(ZonedDateTime first, String recurrence) {
        JsonNode series = placeSeries(member, first, first.plusHours(2), recurrence, null)
                .expectStatus(201)
                .body();
        api.stripeSaysOfSeries(
                        "payment_intent.succeeded", series.get("seriesId").asText())
                .expectStatus(200);
        return series;
    }

    private Reply placeSeries(
            Api.Session who, ZonedDateTime start, ZonedDateTime end, String recurrence, String onConflict) {
        return placeSeries(who, desk, start, end, recurrence, onConflict);
    }

    private Reply placeSeries(
            Api.Session who,
            String resource,
            ZonedDateTime start,
            ZonedDateTime end,
            String recurrence,
            String onConflict) {
        Map<String, Object> request = new LinkedHashMap<>(aBooking(resource, start, end));
        request.put("recurrence", recurrence);
        if (onConflict != null) {
            request.put("onConflict", onConflict);
        }
        return api.commandSide().as(who).post("/api/bookings/series", request);
    }

    private static String otherDayThan(ZonedDateTime start) {
        return start.getDayOfWeek().plus(1).name().substring(0, 2);
    }
}
