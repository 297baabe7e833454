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
import java.util.UUID;

import static com.coworkly.systemtests.support.Bookings.aBlock;
import static com.coworkly.systemtests.support.Bookings.aBooking;
import static com.coworkly.systemtests.support.Bookings.addResource;
import static com.coworkly.systemtests.support.Bookings.anAlwaysOpenDesk;
import static com.coworkly.systemtests.support.Bookings.ids;
import static com.coworkly.systemtests.support.Bookings.inDays;
import static org.assertj.core.api.Assertions.assertThat;

/** Rule 5 over HTTP: blocks keep bookings out, and displace the ones in their way only when asked to. */
@ExtendWith(SharedSystem.class)
class MaintenanceIT {

    private Api api;
    private EventStore events;
    private Catalogue.ManagedSpace space;
    private String desk;
    private final ZonedDateTime start = inDays(8, 9, 0);

    @BeforeEach
    void prepare(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        space = Catalogue.aManagedSpace(api, "Maintenance " + UUID.randomUUID());
        desk = addResource(api, space, anAlwaysOpenDesk("Desk"));
    }

    @Test
    void aBlockKeepsBookingsOutUntilItIsLifted() {
        Reply blocked = block(start, start.plusHours(4), false).expectStatus(201);
        String blockId = blocked.body().get("blockId").asText();
        assertThat(blocked.body().get("displacedBookingIds")).isEmpty();

        book(api.newMember(), start.plusHours(1)).expectProblem(409, "SLOT_UNAVAILABLE");

        api.commandSide()
                .as(space.manager())
                .delete("/api/resources/" + desk + "/blocks/" + blockId)
                .expectStatus(200);
        book(api.newMember(), start.plusHours(1)).expectStatus(201);
        api.commandSide()
                .as(space.manager())
                .delete("/api/resources/" + desk + "/blocks/" + blockId)
                .expectProblem(404, "BLOCK_NOT_FOUND");
    }

    @Test
    void aBlockOverBookingsIsRefusedNamingThem() {
        String first = book(api.newMember(), start)
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        String second = book(api.newMember(), start.plusHours(2))
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        long before = events.count();

        Reply refused = block(start, start.plusHours(6), false).expectProblem(409, "BLOCK_CONFLICTS_WITH_BOOKINGS");

        assertThat(ids(refused.body().get("conflictingBookingIds"))).containsExactly(first, second);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void displacingCancelsTheBookingsWithAFullRefund() {
        String booking = book(api.newMember(), start)
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();
        api.pay(booking);

        Reply blocked = block(start, start.plusHours(6), true).expectStatus(201);

        assertThat(ids(blocked.body().get("displacedBookingIds"))).containsExactly(booking);
        String cancellation = events.strings(
                        "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%BookingCancelled'",
                        booking)
                .get(0);
        assertThat(cancellation)
                .contains("MAINTENANCE")
                .contains("\"fee\":{\"minorUnits\":0")
                .contains("\"refund\":{\"minorUnits\":1200");
        book(api.newMember(), start).expectProblem(409, "SLOT_UNAVAILABLE");
    }

    @Test
    void onlyTheSpacesManagersAndAdministratorsBlock() {
        Catalogue.ManagedSpace elsewhere = Catalogue.aManagedSpace(api, "Elsewhere " + UUID.randomUUID());
        String booking = book(api.newMember(), start)
                .expectStatus(201)
                .body()
                .get("bookingId")
                .asText();

        Reply refused = api.commandSide()
                .as(elsewhere.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(start, start.plusHours(3), false))
                .expectProblem(403, "NOT_MANAGER_OF_SPACE");

        assertThat(refused.raw())
                .as("a stranger does not learn which bookings are there")
                .doesNotContain(booking);
        api.commandSide()
                .as(api.newMember())
                .post("/api/resources/" + desk + "/blocks", aBlock(start, start.plusHours(3), false))
                .expectProblem(403, "FORBIDDEN");
        api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/resources/" + desk + "/blocks", aBlock(start.plusHours(3), start.plusHours(4), false))
                .expectStatus(201);
    }

    private Reply block(ZonedDateTime from, ZonedDateTime to, boolean displace) {
        return api.commandSide()
                .as(space.manager())
                .post("/api/resources/" + desk + "/blocks", aBlock(from, to, displace));
    }

    private Reply book(Api.Session member, ZonedDateTime from) {
        return api.commandSide().as(member).post("/api/bookings", aBooking(desk, from, from.plusHours(2)));
    }
}
