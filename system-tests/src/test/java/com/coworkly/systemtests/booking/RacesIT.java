package com.coworkly.systemtests.booking;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anOfficeHoursDesk;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static com.coworkly.systemtests.support.Racing.race;
import static org.assertj.core.api.Assertions.assertThat;

/** Rules 2 and 3 hold when requests race, on one command-side instance and across two. */
@ExtendWith(SharedSystem.class)
class RacesIT {

    private static final int RACERS = 12;

    private RunningSystem system;
    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;

    @BeforeEach
    void prepare(RunningSystem system) {
        this.system = system;
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Races " + UUID.randomUUID());
    }

    @Test
    void manyMembersRacingForOneSlotGetOneBooking() throws Exception {
        raceForOneSlot(List.of(api));
    }

    @Test
    void manyMembersRacingForOneSlotOnTwoInstancesGetOneBooking() throws Exception {
        raceForOneSlot(List.of(api, system.apiOnSecondCommandSide()));
    }

    @Test
    void oneMemberRacingForFourOverlappingBookingsGetsThree() throws Exception {
        raceForFourOverlapping(List.of(api));
    }

    @Test
    void oneMemberRacingForFourOverlappingBookingsOnTwoInstancesGetsThree() throws Exception {
        raceForFourOverlapping(List.of(api, system.apiOnSecondCommandSide()));
    }

    private void raceForOneSlot(List<Api> instances) throws Exception {
        String desk = addResource(api, space, anOfficeHoursDesk("Contested desk"));
        List<Api.Session> members =
                IntStream.range(0, RACERS).mapToObj(i -> api.newMember()).toList();
        ZonedDateTime start = inDays(6, 10, 0);

        List<Reply> replies = race(IntStream.range(0, RACERS)
                .<Callable<Reply>>mapToObj(i -> () -> instances
                        .get(i % instances.size())
                        .commandSide()
                        .as(members.get(i))
                        .post("/api/bookings", aBooking(desk, start, start.plusHours(2))))
                .toList());

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(replies)
                .filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> reply.expectProblem(409, "SLOT_UNAVAILABLE"));
        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                                + "'%BookingPlaced' AND convert_from(payload, 'UTF8') LIKE ?",
                        "%" + desk + "%"))
                .isEqualTo(1);
    }

    private void raceForFourOverlapping(List<Api> instances) throws Exception {
        Api.Session member = api.newMember();
        List<String> desks = IntStream.range(0, 4)
                .mapToObj(i -> addResource(api, space, anOfficeHoursDesk("Desk " + i)))
                .toList();
        ZonedDateTime start = inDays(7, 9, 0);

        List<Reply> replies = race(IntStream.range(0, 4)
                .<Callable<Reply>>mapToObj(i -> () -> instances
                        .get(i % instances.size())
                        .commandSide()
                        .as(member)
                        .post(
                                "/api/bookings",
                                aBooking(
                                        desks.get(i),
                                        start.plusMinutes(30L * i),
                                        start.plusMinutes(30L * i).plusHours(3))))
                .toList());

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(3);
        assertThat(replies)
                .filteredOn(reply -> reply.status() != 201)
                .singleElement()
                .satisfies(reply -> reply.expectProblem(409, "MEMBER_LIMIT_REACHED"));
        assertThat(events.longValue(
                        "SELECT count(*) FROM command_side.member_booking WHERE member_id = ?", member.memberId()))
                .isEqualTo(3);
    }
}
