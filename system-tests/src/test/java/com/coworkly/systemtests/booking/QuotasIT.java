package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Racing.race;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quotas per period (docs/front-desk.md#quotas): a space lets one member book at most two hours a day there, in its
 * zone; other spaces and other days are not counted.
 */
@ExtendWith(SharedSystem.class)
class QuotasIT {

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private List<String> desks;
    private LocalDate day;

    @BeforeEach
    void aSpaceOfTwoHoursADay(RunningSystem running) {
        system = running;
        api = running.api();
        events = running.eventStore();
        space = Catalogue.aManagedSpace(api, "Quotas " + UUID.randomUUID());
        desks = List.of(
                addResource(api, space, anOfficeHoursDesk("Desk A")),
                addResource(api, space, anOfficeHoursDesk("Desk B")));
        setQuotas(space.manager(), Map.of("hoursPerDay", 2)).expectStatus(200);
        day = LocalDate.now(AMSTERDAM).plusDays(4);
    }

    @Test
    void aMemberBooksUpToTheDaysQuotaInTheSpaceAndNoMore() {
        Api.Session member = api.newMember();
        book(api, member, desks.get(0), at(day, 9), at(day, 10)).expectStatus(201);
        book(api, member, desks.get(1), at(day, 11), at(day, 12)).expectStatus(201);

        book(api, member, desks.get(0), at(day, 14), at(day, 15)).expectProblem(409, "BOOKING_QUOTA_REACHED");
        // The next day counts on its own.
        book(api, member, desks.get(0), at(day.plusDays(1), 14), at(day.plusDays(1), 15))
                .expectStatus(201);
        Catalogue.ManagedSpace elsewhere = Catalogue.aManagedSpace(api, "No quotas " + UUID.randomUUID());
        String otherDesk = addResource(api, elsewhere, anOfficeHoursDesk("Elsewhere"));
        Reply other = book(api, member, otherDesk, at(day, 14), at(day, 15)).expectStatus(201);

        JsonNode view = api.querySide()
                .as(member)
                .get("/api/spaces/" + space.spaceId() + "?after=" + other.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(view.get("quotas").get("perDayMinutes").asLong()).isEqualTo(120);
        assertThat(view.get("quotas").get("perWeekMinutes").isNull()).isTrue();
    }

    @Test
    void aMemberRacingBookingsOnTwoInstancesGetsNoMoreThanTheQuota() throws Exception {
        Api.Session member = api.newMember();
        List<Api> instances = List.of(api, system.apiOnSecondCommandSide());
        List<Callable<Reply>> racers = new ArrayList<>();
        for (int racer = 0; racer < 4; racer++) {
            Api instance = instances.get(racer % 2);
            String desk = desks.get(racer % 2);
            ZonedDateTime from = at(day, 9 + 2 * racer);
            racers.add(() -> book(instance, member, desk, from, from.plusHours(1)));
        }

        List<Reply> answers = race(racers);
        assertThat(answers).filteredOn(reply -> reply.status() == 201).hasSize(2);
        assertThat(answers)
                .filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> reply.expectProblem(409, "BOOKING_QUOTA_REACHED"));
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.member_booking WHERE member_id = ?", member.memberId()))
                .isEqualTo(2);
    }

    @Test
    void aSeriesSkipsTheOccurrencesBeyondTheQuota() {
        Api.Session member = api.newMember();
        book(api, member, desks.get(1), at(day.plusDays(1), 9), at(day.plusDays(1), 10))
                .expectStatus(201);
        Map<String, Object> series = new LinkedHashMap<>(aBooking(desks.get(0), at(day, 14), at(day, 15, 30)));
        series.put("recurrence", "FREQ=DAILY;COUNT=3");
        series.put("onConflict", "SKIP");

        JsonNode placed = api.commandSide()
                .as(member)
                .post("/api/bookings/series", series)
                .expectStatus(201)
                .body();

        assertThat(placed.get("bookingIds")).hasSize(2);
        assertThat(placed.get("skipped"))
                .extracting(
                        skipped -> LocalDateTime.parse(skipped.get("localStart").asText()) + " "
                                + skipped.get("code").asText())
                .containsExactly(day.plusDays(1).atTime(14, 0) + " BOOKING_QUOTA_REACHED");
    }

    @Test
    void badQuotasAreRefusedAndStoreNothing() {
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other " + UUID.randomUUID());
        long before = events.count();

        setQuotas(space.manager(), Map.of("hoursPerDay", 0)).expectProblem(400, "VALIDATION_FAILED");
        setQuotas(space.manager(), Map.of("hoursPerWeek", 169)).expectProblem(400, "VALIDATION_FAILED");
        setQuotas(space.manager(), Map.of("hoursPerMonth", "many")).expectProblem(400, "VALIDATION_FAILED");
        api.commandSide()
                .as(other.manager())
                .put("/api/spaces/" + space.spaceId() + "/quotas", Map.of("hoursPerDay", 8))
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");
        api.commandSide()
                .as(space.manager())
                .put("/api/spaces/" + UUID.randomUUID() + "/quotas", Map.of("hoursPerDay", 8))
                .expectProblem(404, "SPACE_NOT_FOUND");

        assertThat(events.count()).isEqualTo(before);
    }

    private Reply setQuotas(Api.Session manager, Map<String, Object> quotas) {
        return api.commandSide().as(manager).put("/api/spaces/" + space.spaceId() + "/quotas", quotas);
    }

    private static Reply book(Api instance, Api.Session member, String desk, ZonedDateTime from, ZonedDateTime to) {
        return instance.commandSide().as(member).post("/api/bookings", aBooking(desk, from, to));
    }

    private static ZonedDateTime at(LocalDate date, int hour) {
        return at(date, hour, 0);
    }

    private static ZonedDateTime at(LocalDate date, int hour, int minute) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), AMSTERDAM);
    }
}
