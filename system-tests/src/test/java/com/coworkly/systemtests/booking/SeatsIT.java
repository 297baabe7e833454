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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.coworkly.systemtests.support.Bookings.AMSTERDAM;
import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Racing.race;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pools of seats (docs/front-desk.md#seats): a hot-desk area of three identical seats, open 08:00 to 18:00, takes up
 * to three overlapping bookings and no more, also when more race for it on two instances.
 */
@ExtendWith(SharedSystem.class)
class SeatsIT {

    private static final int SEATS = 3;

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String area;
    private LocalDate day;

    @BeforeEach
    void aHotDeskAreaOfThreeSeats(RunningSystem running) {
        system = running;
        api = running.api();
        events = running.eventStore();
        space = Catalogue.aManagedSpace(api, "Hot desks " + UUID.randomUUID());
        area = addResource(api, space, anOfficeHoursDesk("Hot-desk area"));
        setSeats(space.manager(), Map.of("seats", SEATS)).expectStatus(200);
        day = LocalDate.now(AMSTERDAM).plusDays(5);
    }

    @Test
    void moreMembersRacingForThePoolOnTwoInstancesThanItHasSeatsGetOneSeatEachUpToItsSize() throws Exception {
        List<Api> instances = List.of(api, system.apiOnSecondCommandSide());
        List<Callable<Reply>> racers = new ArrayList<>();
        for (int racer = 0; racer < SEATS + 3; racer++) {
            Api instance = instances.get(racer % 2);
            Api.Session member = api.newMember();
            // overlapping periods, all covering 10:00 to 11:00
            ZonedDateTime from = at(racer % 2 == 0 ? 9 : 10);
            racers.add(() -> book(instance, member, from, at(11)));
        }

        List<Reply> replies = race(racers);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(SEATS);
        assertThat(replies)
                .filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> reply.expectProblem(409, "SLOT_UNAVAILABLE"));
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.resource_occupancy WHERE resource_id = ? AND holder_kind = 'SEAT'",
                        area))
                .isEqualTo(SEATS);
    }

    @Test
    void availabilityShowsTheFreeSeatsOfEachPeriod() {
        book(api, api.newMember(), at(9), at(12)).expectStatus(201);
        Reply last = book(api, api.newMember(), at(10), at(11)).expectStatus(201);

        JsonNode free = api.querySide()
                .as(api.newMember())
                .get("/api/resources/" + area + "/availability?from=" + encoded(at(0)) + "&to="
                        + encoded(ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, AMSTERDAM)) + "&after="
                        + last.eventPosition())
                .expectStatus(200)
                .body()
                .get("free");

        List<String> seats = new ArrayList<>();
        free.forEach(period -> seats.add(ZonedDateTime.parse(period.get("start").asText())
                        .withZoneSameInstant(AMSTERDAM)
                        .toLocalTime()
                + " " + period.get("freeSeats").asInt()));
        assertThat(seats).containsExactly("08:00 3", "09:00 2", "10:00 1", "11:00 2", "12:00 3");
    }

    @Test
    void aBlockTakesEverySeatAndDisplacesOnlyWhenAsked() {
        Reply booked = book(api, api.newMember(), at(14), at(15)).expectStatus(201);

        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + area + "/blocks", aBlock(at(13), at(16), false))
                .expectProblem(409, "BLOCK_CONFLICTS_WITH_BOOKINGS");
        api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + area + "/blocks", aBlock(at(13), at(16), true))
                .expectStatus(201);

        assertThat(events.typesOf(booked.body().get("bookingId").asText())).contains("BookingCancelled");
        book(api, api.newMember(), at(13), at(14)).expectProblem(409, "SLOT_UNAVAILABLE");
    }

    @Test
    void badSeatsAreRefusedAndStoreNothing() {
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other " + UUID.randomUUID());
        long before = events.count();

        setSeats(space.manager(), Map.of("seats", 0)).expectProblem(400, "VALIDATION_FAILED");
        setSeats(space.manager(), Map.of("seats", 501)).expectProblem(400, "VALIDATION_FAILED");
        setSeats(space.manager(), Map.of()).expectProblem(400, "VALIDATION_FAILED");
        setSeats(other.manager(), Map.of("seats", 4)).expectProblem(403, "NOT_MANAGER_OF_SPACE");

        assertThat(events.count()).isEqualTo(before);
    }

    private Reply setSeats(Api.Session manager, Map<String, Object> seats) {
        return api.commandSide().as(manager).put("/api/resources/" + area + "/seats", seats);
    }

    private Reply book(Api instance, Api.Session member, ZonedDateTime from, ZonedDateTime to) {
        return instance.commandSide().as(member).post("/api/bookings", aBooking(area, from, to));
    }

    private ZonedDateTime at(int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), AMSTERDAM);
    }

    private static String encoded(ZonedDateTime time) {
        return URLEncoder.encode(time.toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }
}
