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
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Buffers (docs/front-desk.md#buffers): a desk open 08:00 to 18:00 keeps 30 minutes free after each booking for
 * cleaning. Two bookings' buffered periods never overlap, in the exclusion constraint of rule 2.
 */
@ExtendWith(SharedSystem.class)
class BuffersIT {

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String desk;
    private LocalDate day;

    @BeforeEach
    void aDeskCleanedAfterEachBooking(RunningSystem running) {
        system = running;
        api = running.api();
        events = running.eventStore();
        space = Catalogue.aManagedSpace(api, "Buffers " + UUID.randomUUID());
        desk = addResource(api, space, anOfficeHoursDesk("Cleaned desk"));
        setBuffers(space.manager(), Map.of("beforeMinutes", 0, "afterMinutes", 30))
                .expectStatus(200);
        day = LocalDate.now(AMSTERDAM).plusDays(3);
    }

    @Test
    void aBookingInAnotherBookingsBufferIsRefusedAndTheConstraintHoldsTheBufferedPeriod() {
        Reply first = book(api, api.newMember(), at(10, 0), at(11, 0)).expectStatus(201);
        book(api, api.newMember(), at(11, 0), at(12, 0)).expectProblem(409, "SLOT_UNAVAILABLE");
        Reply second = book(api, api.newMember(), at(11, 30), at(12, 30)).expectStatus(201);

        assertThat(events.longValue(
                        "SELECT extract(epoch FROM upper(period))::bigint FROM command_side.resource_occupancy"
                                + " WHERE holder_id = ?",
                        idOf(first)))
                .as("the first booking holds its slot until 11:30")
                .isEqualTo(at(11, 30).toEpochSecond());
        assertThatThrownBy(() -> events.execute(
                        "INSERT INTO command_side.resource_occupancy (holder_id, holder_kind, resource_id, period)"
                                + " VALUES ('block-in-a-buffer', 'BLOCK', '" + desk + "', tstzrange('"
                                + at(12, 40).toOffsetDateTime() + "', '"
                                + at(12, 50).toOffsetDateTime() + "'))"))
                .as("the exclusion constraint refuses what overlaps the second booking's buffer, 12:30 to 13:00")
                .hasStackTraceContaining("resource_occupancy_no_overlap");

        JsonNode availability = api.querySide()
                .as(api.newMember())
                .get("/api/resources/" + desk + "/availability?from=" + encoded(at(0, 0)) + "&to="
                        + encoded(ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, AMSTERDAM)) + "&after="
                        + second.eventPosition())
                .expectStatus(200)
                .body();
        assertThat(periods(availability.get("free")))
                .as("a new booking's own half hour of cleaning must end before 10:00; the second's ends at 13:00")
                .containsExactly(period(at(8, 0), at(9, 30)), period(at(13, 0), at(18, 0)));
    }

    @Test
    void membersRacingForSlotsWhoseBuffersOverlapOnTwoInstancesGetOneOfThem() throws Exception {
        List<Api> instances = List.of(api, system.apiOnSecondCommandSide());
        List<Callable<Reply>> racers = new ArrayList<>();
        for (int racer = 0; racer < 8; racer++) {
            Api instance = instances.get(racer % 2);
            Api.Session member = api.newMember();
            ZonedDateTime from = racer % 4 < 2 ? at(14, 0) : at(15, 0);
            racers.add(() -> book(instance, member, from, from.plusHours(1)));
        }

        List<Reply> answers = race(racers);
        assertThat(answers).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> reply.expectProblem(409, "SLOT_UNAVAILABLE"));
    }

    @Test
    void badBuffersAreRefusedAndStoreNothing() {
        Catalogue.ManagedSpace other = Catalogue.aManagedSpace(api, "Other " + UUID.randomUUID());
        long before = events.count();

        setBuffers(space.manager(), Map.of("beforeMinutes", -5, "afterMinutes", 30))
                .expectProblem(400, "VALIDATION_FAILED");
        setBuffers(space.manager(), Map.of("beforeMinutes", 0, "afterMinutes", 241))
                .expectProblem(400, "VALIDATION_FAILED");
        setBuffers(space.manager(), Map.of("afterMinutes", 30)).expectProblem(400, "VALIDATION_FAILED");
        setBuffers(other.manager(), Map.of("beforeMinutes", 0, "afterMinutes", 0))
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");

        assertThat(events.count()).isEqualTo(before);
    }

    private Reply setBuffers(Api.Session manager, Map<String, Object> buffers) {
        return api.commandSide().as(manager).put("/api/resources/" + desk + "/buffers", buffers);
    }

    private Reply book(Api instance, Api.Session member, ZonedDateTime from, ZonedDateTime to) {
        return instance.commandSide().as(member).post("/api/bookings", aBooking(desk, from, to));
    }

    private ZonedDateTime at(int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), AMSTERDAM);
    }

    private static List<String> periods(JsonNode free) {
        List<String> periods = new ArrayList<>();
        free.forEach(period -> periods.add(period(
                OffsetDateTime.parse(period.get("start").asText()).atZoneSameInstant(AMSTERDAM),
                OffsetDateTime.parse(period.get("end").asText()).atZoneSameInstant(AMSTERDAM))));
        return periods;
    }

    private static String period(ZonedDateTime start, ZonedDateTime end) {
        return start.toInstant() + " - " + end.toInstant();
    }

    private static String encoded(ZonedDateTime time) {
        return URLEncoder.encode(time.toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }

    private static String idOf(Reply booked) {
        return booked.body().get("bookingId").asText();
    }
}
